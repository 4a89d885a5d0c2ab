import { request } from "node:http";
import type { TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, memoryDeviceKeyStore } from "../../src/client/index";
import type { Deployment } from "../../src/testing/index";

/**
 * A fetch that connects from a chosen loopback address (all of 127.0.0.0/8 reaches this machine),
 * so one test plays several networks, and adds headers as a proxy or an attacker would.
 */
export function fetchFrom(localAddress: string, extraHeaders: () => Record<string, string> = () => ({})): typeof fetch {
  return async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = { ...Object.fromEntries(new Headers(init?.headers).entries()), ...extraHeaders() };
    const body = typeof init?.body === "string" ? init.body : undefined;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(url, { method: init?.method ?? "GET", headers, localAddress }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers))
            if (typeof value === "string") responseHeaders.set(name, value);
          resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0, headers: responseHeaders }));
        });
        incoming.on("error", reject);
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  };
}

/** A demo voter signed in through the SDK with a registered device, calling from `fetch`. */
export async function signedInVoter(
  stack: TestStack,
  deployment: Deployment,
  email: string,
  fetchImpl: typeof fetch,
  deviceKeys = memoryDeviceKeyStore(),
) {
  const account = stack.provisioned.accounts.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  const client = createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds["voter-web"],
    },
    deviceKeys,
    userAgent: "landslide-attack-test/1.0",
    fetch: fetchImpl,
  });
  await client.auth.signIn(email, account.password);
  await client.ensureDevice();
  return client;
}

/** A raw HTTP exchange (no client library in the way): status, headers and the body as text. */
export async function raw(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

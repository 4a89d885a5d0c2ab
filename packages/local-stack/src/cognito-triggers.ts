import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { decidePreSignUp, type PreSignUpEvent, refusalMessage } from "@landslide/config/sign-up-ticket";

/** The name cognito-local is told to invoke after a sign-up is confirmed. */
export const POST_CONFIRMATION_FUNCTION = "landslide-local-post-confirmation";
/** The name cognito-local is told to invoke before a sign-up: the sign-up ticket check. */
export const PRE_SIGN_UP_FUNCTION = "landslide-local-pre-sign-up";

/** Where each pool's keys file is named for the pre-sign-up check, under cognito-local's data folder. */
const registryDir = (cognitoDataDir: string) => join(cognitoDataDir, ".cognito", "sign-up-tickets");
const poolFile = (cognitoDataDir: string, userPoolId: string) =>
  join(registryDir(cognitoDataDir), `${userPoolId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`);

/**
 * Tells the local pre-sign-up check which deployment keys sign a pool's tickets. One cognito-local
 * serves many deployments (every test file provisions its own pool and keys), so the check finds
 * the key by the event's pool id; a pool nobody registered accepts no self sign-up at all.
 */
export function registerSignUpTickets(cognitoDataDir: string, userPoolId: string, keysFile: string): void {
  mkdirSync(registryDir(cognitoDataDir), { recursive: true });
  writeFileSync(poolFile(cognitoDataDir, userPoolId), `${JSON.stringify({ keysFile })}\n`, { mode: 0o600 });
}

/** The pool's ticket key, read from its keys file on every sign-up (provisioning may add it later). */
function ticketKeyOf(cognitoDataDir: string, userPoolId: string): Uint8Array | undefined {
  try {
    const { keysFile } = JSON.parse(readFileSync(poolFile(cognitoDataDir, userPoolId), "utf8")) as {
      keysFile?: string;
    };
    const { signUpTicketKey } = JSON.parse(readFileSync(String(keysFile), "utf8")) as { signUpTicketKey?: string };
    return signUpTicketKey ? new Uint8Array(Buffer.from(signUpTicketKey, "base64url")) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Used ticket ids until they expire. This server is the one process that checks tickets for its
 * cognito-local, so memory is the whole truth here; the production Lambda, many at once, uses a
 * conditional write to the nonces table instead.
 */
function usedOnceInMemory() {
  const used = new Map<string, number>();
  return async (key: string, expiresAt: Date): Promise<boolean> => {
    const now = Date.now();
    for (const [id, until] of used) if (until <= now) used.delete(id);
    if (used.has(key)) return false;
    used.set(key, expiresAt.getTime());
    return true;
  };
}

interface TriggerEvent extends PreSignUpEvent {
  readonly userPoolId?: string;
}

export interface CognitoTriggers {
  /** Where cognito-local's Lambda client sends its Invoke calls. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Real Cognito marks the e-mail verified when a sign-up is confirmed with the code sent to it
 * (the pool auto-verifies e-mail); cognito-local confirms the account but leaves `email_verified`
 * unset, so locally a self-registered voter could never match an e-mail voter roll. This answers
 * cognito-local's PostConfirmation trigger the way the Lambda Invoke API would, and sets the flag
 * through the admin API, so the local pool behaves like the production one.
 */
export async function startCognitoTriggers(cognitoEndpoint: string, cognitoDataDir?: string): Promise<CognitoTriggers> {
  const claimOnce = usedOnceInMemory();
  const cognito = new CognitoIdentityProviderClient({
    endpoint: cognitoEndpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void answer(Buffer.concat(chunks).toString("utf8")).then(
        (payload) => respond(200, payload),
        (error: unknown) => respond(200, { errorMessage: (error as Error).message }, "Unhandled"),
      );
    });
    const respond = (status: number, payload: object, functionError?: string) => {
      response.writeHead(status, {
        "content-type": "application/json",
        ...(functionError ? { "x-amz-function-error": functionError } : {}),
      });
      response.end(JSON.stringify(functionError ? payload : { response: payload }));
    };
  });

  /** What the function returns as its event's `response`; a throw becomes the function's error, which Cognito reports. */
  async function answer(body: string): Promise<object> {
    const event = JSON.parse(body) as TriggerEvent;
    if (event.triggerSource?.startsWith("PreSignUp_")) return preSignUp(event);
    const email = event.request?.userAttributes?.email;
    if (event.triggerSource !== "PostConfirmation_ConfirmSignUp" || !event.userPoolId || !event.userName || !email)
      return {};
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: event.userPoolId,
        Username: event.userName,
        // cognito-local insists the address travels with its verification flag.
        UserAttributes: [
          { Name: "email", Value: email },
          { Name: "email_verified", Value: "true" },
        ],
      }),
    );
    return {};
  }

  /** The sign-up ticket check, as the production Lambda makes it (same decision, same module). */
  async function preSignUp(event: TriggerEvent): Promise<object> {
    const key = cognitoDataDir && event.userPoolId ? ticketKeyOf(cognitoDataDir, event.userPoolId) : undefined;
    if (!key && event.triggerSource !== "PreSignUp_AdminCreateUser")
      throw new Error(
        "SIGN_UP_TICKET_INVALID: self sign-up is not open on this pool (no ticket key is registered for it).",
      );
    const verdict = await decidePreSignUp(event, key ?? new Uint8Array(32), new Date(), claimOnce);
    if (!verdict.ok) throw new Error(refusalMessage(verdict));
    return { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
  }

  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      cognito.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeJwt, UnsecuredJWT } from "jose";
import { createLandslideClient, memorySessionStore } from "../src/client/index";

/**
 * Each service's client sends to its own service, with the headers that service needs: the
 * vote API a device proof on every mutation, the control API and results none. No server:
 * a fetch that records the requests and answers as tRPC would.
 */
const urls = { voteApi: "http://vote.test", controlApi: "http://control.test", results: "http://results.test" };
let sent: Array<{ url: string; method: string; headers: Headers }> = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    sent.push({ url, method: init?.method ?? "GET", headers: new Headers(init?.headers) });
    const data = url.includes("registerDevice")
      ? { deviceToken: "device-token", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), passkeyId: null }
      : [];
    return new Response(JSON.stringify({ result: { data } }), { headers: { "content-type": "application/json" } });
  });
});
afterEach(() => void vi.unstubAllGlobals());

const client = async (signedIn: boolean) => {
  const session = memorySessionStore();
  if (signedIn) {
    const accessToken = new UnsecuredJWT({ sub: "voter-1" }).encode();
    await session.save({
      accessToken,
      idToken: new UnsecuredJWT({ email: "voter1@example.test" }).encode(),
      refreshToken: undefined,
      expiresAt: Date.now() + 3_600_000,
    });
  }
  return createLandslideClient({
    urls,
    cognito: { region: "local", clientId: "client" },
    session,
    userAgent: "landslide-test/1.0",
  });
};

describe("the SDK's service clients", () => {
  it("send each call to the service that serves it", async () => {
    const landslide = await client(false);
    await landslide.vote.elections.list.query();
    await landslide.control.elections.list.query();
    await landslide.results.elections.list.query();
    expect(sent.map((request) => request.url.replace(/\?.*/, ""))).toEqual([
      "http://vote.test/trpc/elections.list",
      "http://control.test/trpc/elections.list",
      "http://results.test/trpc/elections.list",
    ]);
    expect(sent.every((request) => request.headers.get("user-agent") === "landslide-test/1.0")).toBe(true);
  });

  it("sign in, and prove the device on the vote API's mutations only", async () => {
    const landslide = await client(true);
    await landslide.vote.voter.registerDevice.mutate({ jwk: { kty: "EC", crv: "P-256", x: "x", y: "y" } as never });
    await landslide.control.official.elections.recount.mutate({ electionId: "00000000-0000-4000-8000-000000000000" });
    const [vote, control] = sent;
    expect(vote?.headers.get("authorization")).toMatch(/^Bearer /);
    expect(vote?.headers.get("x-id-token")).toBeTruthy();
    expect(decodeJwt(vote?.headers.get("dpop") ?? "")).toMatchObject({
      htm: "POST",
      htu: "http://vote.test/trpc/voter.registerDevice",
    });
    expect(control?.headers.get("authorization")).toMatch(/^Bearer /);
    expect(control?.headers.get("dpop")).toBeNull();
  });

  it("prove the device for a sign-up ticket, before any account exists", async () => {
    const landslide = await client(false);
    await landslide.vote.signUp.ticket.mutate({ email: "new@example.test", humanCheck: {} as never });
    const [ticket] = sent;
    expect(ticket?.headers.get("authorization")).toBeNull();
    expect(decodeJwt(ticket?.headers.get("dpop") ?? "")).toMatchObject({ htu: "http://vote.test/trpc/signUp.ticket" });
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { provisionTestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, refusalOf } from "../src/client/index";
import { SiteverifyCheck } from "../src/human-check/siteverify";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";

const SITE_KEY = "1x00000000000000000000AA";
const SECRET = "test-secret-0000000000000000000000";
const here = { remoteIp: "127.0.0.1" };

/** A stand-in for Turnstile's siteverify endpoint: form posts in, single-use verdicts out. */
class FakeSiteverify {
  /** Token → when the widget "solved" it. */
  private readonly tokens = new Map<string, number>();
  private readonly used = new Set<string>();
  private readonly hanging: ServerResponse[] = [];
  private server: Server | undefined;
  requests = 0;
  lastRemoteIp: string | null = null;
  lastIdempotencyKey: string | null = null;
  url = "";

  /** A fresh valid token, solved `agoMs` before now. */
  token(agoMs = 0): string {
    const token = `token-${this.tokens.size}-${Math.random().toString(36).slice(2)}`;
    this.tokens.set(token, Date.now() - agoMs);
    return token;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>(
      (resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve(),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/hang") {
      this.hanging.push(res);
      return;
    }
    if (req.url === "/fail") return json(500, { error: "boom" });
    if (req.url !== "/siteverify" || req.method !== "POST") return json(404, {});
    if (!req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
      return json(400, { success: false, "error-codes": ["bad-request"] });
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    this.lastRemoteIp = form.get("remoteip");
    this.lastIdempotencyKey = form.get("idempotency_key");
    if (form.get("secret") !== SECRET) return json(200, { success: false, "error-codes": ["invalid-input-secret"] });
    const token = form.get("response");
    if (!token) return json(200, { success: false, "error-codes": ["missing-input-response"] });
    const solvedAt = this.tokens.get(token);
    if (solvedAt === undefined) return json(200, { success: false, "error-codes": ["invalid-input-response"] });
    if (this.used.has(token)) return json(200, { success: false, "error-codes": ["timeout-or-duplicate"] });
    this.used.add(token);
    json(200, {
      success: true,
      challenge_ts: new Date(solvedAt).toISOString(),
      hostname: "vote.example",
      "error-codes": [],
      action: "",
      cdata: "",
      metadata: { ephemeral_id: "x:123" },
    });
  }
}

const provider = new FakeSiteverify();
const check = (options: Partial<ConstructorParameters<typeof SiteverifyCheck>[0]> = {}) =>
  new SiteverifyCheck({ siteKey: SITE_KEY, secret: SECRET, verifyUrl: `${provider.url}/siteverify`, ...options });

beforeAll(() => provider.start());
afterAll(() => provider.stop());

describe("the siteverify human check", () => {
  it("issues the site key for the widget", async () => {
    expect(await check().issue(here)).toEqual({ kind: "siteverify", siteKey: SITE_KEY });
  });

  it("accepts a valid token once, then says it was reused", async () => {
    const token = provider.token(5_000);
    const first = await check().verify({ token }, here);
    expect(first).toMatchObject({ ok: true });
    const elapsedMs = first.ok ? first.elapsedMs : undefined;
    expect(elapsedMs).toBeGreaterThanOrEqual(4_000);
    expect(elapsedMs).toBeLessThan(60_000);
    expect(await check().verify({ token }, here)).toEqual({
      ok: false,
      reason: "CHALLENGE_REUSED",
      message: "That human check was already used or has expired.",
    });
  });

  it("forwards the voter's address and a fresh idempotency key", async () => {
    await check().verify({ token: provider.token() }, { remoteIp: "203.0.113.7" });
    expect(provider.lastRemoteIp).toBe("203.0.113.7");
    const firstKey = provider.lastIdempotencyKey;
    expect(firstKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await check().verify({ token: provider.token() }, { remoteIp: "2001:db8::1" });
    expect(provider.lastRemoteIp).toBe("2001:db8::1");
    expect(provider.lastIdempotencyKey).not.toBe(firstKey);
  });

  it("refuses a token the provider does not know", async () => {
    expect(await check().verify({ token: "made-up" }, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
  });

  it("checks the hostname when one is expected", async () => {
    expect(await check({ expectedHostname: "other.example" }).verify({ token: provider.token() }, here)).toMatchObject({
      ok: false,
      reason: "CHALLENGE_INVALID",
    });
    expect(await check({ expectedHostname: "vote.example" }).verify({ token: provider.token() }, here)).toMatchObject({
      ok: true,
    });
  });

  it("says the service is unavailable when its secret is wrong, without quoting the secret", async () => {
    const wrong = "wrong-secret-must-not-leak";
    const verdict = await check({ secret: wrong }).verify({ token: provider.token() }, here);
    expect(verdict).toEqual({
      ok: false,
      reason: "CHALLENGE_UNAVAILABLE",
      message: "The human check service did not answer; please try again.",
    });
    expect(JSON.stringify(verdict)).not.toContain(wrong);
    expect(JSON.stringify(verdict)).not.toContain(SECRET);
  });

  it("says the service is unavailable when it fails", async () => {
    expect(await check({ verifyUrl: `${provider.url}/fail` }).verify({ token: provider.token() }, here)).toMatchObject({
      ok: false,
      reason: "CHALLENGE_UNAVAILABLE",
    });
  });

  it("says the service is unavailable when nothing listens there", async () => {
    expect(
      await check({ verifyUrl: "http://127.0.0.1:1/siteverify" }).verify({ token: provider.token() }, here),
    ).toMatchObject({
      ok: false,
      reason: "CHALLENGE_UNAVAILABLE",
    });
  });

  it("gives up on a service that never answers", async () => {
    const started = Date.now();
    const verdict = await check({ verifyUrl: `${provider.url}/hang`, timeoutMs: 200 }).verify(
      { token: provider.token() },
      here,
    );
    expect(verdict).toMatchObject({ ok: false, reason: "CHALLENGE_UNAVAILABLE" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("says the service is unavailable when its answer is not the contract", async () => {
    const odd = (body: string) => async () =>
      new Response(body, { status: 200, headers: { "content-type": "application/json" } });
    for (const body of ["not json", "{}", '{"success":"yes"}', '{"success":false,"error-codes":"nope"}']) {
      expect(await check({ fetch: odd(body) }).verify({ token: "t" }, here)).toMatchObject({
        ok: false,
        reason: "CHALLENGE_UNAVAILABLE",
      });
    }
  });

  it("asks for a check when there is none, and refuses a proof-of-work solution, without calling the service", async () => {
    const before = provider.requests;
    expect(await check().verify(undefined, here)).toMatchObject({ ok: false, reason: "CHALLENGE_REQUIRED" });
    const solution = {
      algorithm: "SHA-256" as const,
      challenge: "0".repeat(64),
      salt: "salt",
      number: 1,
      signature: "0".repeat(64),
    };
    expect(await check().verify(solution, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
    expect(provider.requests).toBe(before);
  });
});

describe("a vote API configured for a hosted check (LANDSLIDE_HUMAN_CHECK=siteverify)", () => {
  it("hands out the site key, accepts a cast with a widget token once, and refuses the token's reuse", async () => {
    const stack = await provisionTestStack({ demo: true });
    const port = await freePort();
    const api = startService("vote-api", {
      ...serviceEnvironment(stack, port),
      LANDSLIDE_HUMAN_CHECK: "siteverify",
      LANDSLIDE_SITEVERIFY_URL: `${provider.url}/siteverify`,
      LANDSLIDE_SITEVERIFY_SITE_KEY: SITE_KEY,
      LANDSLIDE_SITEVERIFY_SECRET: SECRET,
    });
    try {
      await waitForService(`http://127.0.0.1:${port}`, "vote-api", api, 30_000);
      const token = provider.token(5_000);
      const voter = async (email: string) => {
        const client = createLandslideClient({
          urls: {
            voteApi: `http://127.0.0.1:${port}`,
            controlApi: "http://127.0.0.1:1",
            results: "http://127.0.0.1:1",
          },
          cognito: {
            region: stack.target.region,
            endpoint: stack.target.cognitoEndpoint,
            clientId: stack.provisioned.clientIds["voter-web"],
          },
          userAgent: "landslide-sdk-test/1.0",
          // The page would run the provider's widget with this site key; here the provider's test token stands in.
          solveHostedCheck: async (siteKey) => (siteKey === SITE_KEY ? token : "wrong-site-key"),
        });
        await client.auth.signIn(email, stack.provisioned.accounts.find((a) => a.email === email)!.password);
        return client;
      };
      const first = await voter("voter1@demo.landslide.test");
      expect(await first.vote.humanCheck.challenge.query()).toEqual({ kind: "siteverify", siteKey: SITE_KEY });
      const ballot = {
        answers: {
          mascot: { choices: ["heron"] },
          parks: { choices: ["riverside"] },
          "council-chair": { choices: ["ada"] },
        },
      };
      expect(await first.castBallot({ electionId: DEMO_ELECTION_ID, ballot })).toMatchObject({ replayed: false });
      expect(provider.lastRemoteIp).toBe("127.0.0.1");
      const second = await voter("voter2@demo.landslide.test");
      const reused = await second
        .castBallot({ electionId: DEMO_ELECTION_ID, ballot })
        .catch((error: unknown) => refusalOf(error)?.reason);
      expect(reused).toBe("CHALLENGE_REUSED");
    } finally {
      api.child.kill("SIGTERM");
      await api.exited;
      await stack.stop();
    }
  });
});

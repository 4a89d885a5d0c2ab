import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type LandslideClient, memoryDeviceKeyStore, type Tokens } from "../../src/client/index";
import { RecentErrors } from "../../src/operations/recent-errors";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { waitFor } from "../wait-for";
import { raw } from "./support";

/**
 * Attack surfaces added lately, over real HTTP against the four services as their own processes:
 * the voter roll's size (an official's read), the recent-errors page of each metrics listener,
 * and (in packages/ui/test/embed-framing.test.ts) the voter site's frameable embed page.
 */
const METRICS_OFFSET = 9;
/** RecentErrors' default capacity, the one createMetrics gives every service. */
const RING_CAPACITY = 50;

let stack: TestStack;
let deployment: Deployment;
const signedIn = {} as Record<"official" | "operator" | "voter", { client: LandslideClient; tokens: Tokens }>;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack, { LANDSLIDE_METRICS_PORT_OFFSET: String(METRICS_OFFSET) });
  signedIn.official = await signIn("official@demo.landslide.test", "console");
  signedIn.operator = await signIn("operator@demo.landslide.test", "console");
  signedIn.voter = await signIn("voter1@demo.landslide.test", "voter-web");
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

/** A demo account signed in through the SDK on the app its role uses (as bot-scenario-actors' staff() does). */
async function signIn(email: string, app: "voter-web" | "console") {
  const account = stack.provisioned.accounts.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  const client = createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds[app],
    },
    deviceKeys: memoryDeviceKeyStore(),
    userAgent: "landslide-attack-test/1.0",
  });
  await client.auth.signIn(email, account.password);
  return { client, tokens: await client.auth.tokens() };
}

interface TrpcError {
  readonly error?: {
    readonly code?: number;
    readonly data?: { code?: string; httpStatus?: number; path?: string; reason?: string };
  };
}
const refusalIn = (text: string) => (JSON.parse(text) as TrpcError).error?.data;

/** A stack trace, or anything that says where the server's files are, anywhere in a response body. */
function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/"stack"\s*:/);
  expect(text).not.toMatch(/\bat (?:async )?\S+ \(|\bat (?:file|node):|\\n\s+at /);
  expect(text).not.toMatch(/node_modules|\/src\/|\.ts:\d+/);
}

// ---- 1. official.voterRoll.size --------------------------------------------------------------

const sizeUrl = (input: unknown) =>
  `${deployment.urls.controlApi}/trpc/official.voterRoll.size?input=${encodeURIComponent(JSON.stringify(input))}`;
const sizeAs = (input: unknown, headers: Record<string, string> = {}) => raw(sizeUrl(input), { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A draft election of the official's, with a voter roll for eligibility. */
async function newElection(title: string) {
  return signedIn.official.client.control.official.elections.create.mutate({
    election: {
      title,
      eligibility: "voter-roll",
      questions: [
        {
          id: "q",
          kind: "single",
          prompt: "Yes or no?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "roll size attack test",
  });
}

describe("official.voterRoll.size", () => {
  let electionId = "";
  beforeAll(async () => {
    electionId = (await newElection("Roll size")).id;
  });

  it("refuses an anonymous caller, a forged token and an official's ID token as UNAUTHORIZED with the token's reason", async () => {
    const official = signedIn.official.tokens;
    const [header, payload] = official.accessToken.split(".");
    const cases: Array<[string, Record<string, string>, string]> = [
      ["no token", {}, "TOKEN_MISSING"],
      ["not a JWT", bearer("not-a-token"), "TOKEN_INVALID"],
      // The official's own claims (groups included) with the signature stripped: "none" is not an algorithm here.
      ["unsigned copy of an official's token", bearer(`${header}.${payload}.`), "TOKEN_INVALID"],
      // An ID token carries cognito:groups too, and is signed by the same pool: only an access token is a credential.
      ["the official's ID token as the bearer", bearer(official.idToken!), "TOKEN_INVALID"],
    ];
    for (const [name, headers, reason] of cases) {
      const response = await sizeAs({ electionId }, headers);
      expect(response.status, name).toBe(401);
      expect(refusalIn(response.text), name).toEqual({
        code: "UNAUTHORIZED",
        httpStatus: 401,
        path: "official.voterRoll.size",
        reason,
      });
      expect(response.text, name).not.toContain('"voters"');
      expectNoStackTrace(response.text);
    }
  });

  it("refuses a voter and an operator (operators are not officials) as FORBIDDEN ROLE_REQUIRED, whatever ID token rides along", async () => {
    const { voter, operator, official } = signedIn;
    const cases: Array<[string, Record<string, string>]> = [
      ["voter", bearer(voter.tokens.accessToken)],
      ["operator", bearer(operator.tokens.accessToken)],
      // The official's ID token beside a voter's access token: groups come from the access token alone.
      [
        "voter with the official's ID token",
        { ...bearer(voter.tokens.accessToken), "x-id-token": official.tokens.idToken! },
      ],
    ];
    for (const [name, headers] of cases) {
      const response = await sizeAs({ electionId }, headers);
      expect(response.status, name).toBe(403);
      expect(refusalIn(response.text), name).toEqual({
        code: "FORBIDDEN",
        httpStatus: 403,
        path: "official.voterRoll.size",
        reason: "ROLE_REQUIRED",
      });
      expect(response.text, name).not.toContain('"voters"');
    }
  });

  it("checks who is asking before it reads the input: an anonymous caller learns nothing of the schema", async () => {
    const response = await sizeAs({ electionId: "not-a-uuid", extra: 1 });
    expect(response.status).toBe(401);
    expect(refusalIn(response.text)?.reason).toBe("TOKEN_MISSING");
    expect(response.text).not.toMatch(/uuid|issues/i);
  });

  it("answers an official's malformed input with 400 BAD_REQUEST INVALID_INPUT and no stack trace", async () => {
    const official = bearer(signedIn.official.tokens.accessToken);
    const malformed: unknown[] = [
      { electionId: "not-a-uuid" },
      { electionId: "' OR 1=1 --" },
      { electionId: `${electionId}/../${electionId}` },
      { electionId: "" },
      { electionId: 42 },
      { electionId: [electionId] },
      {},
      // strict(): a known field with a stranger beside it.
      { electionId, voters: 1_000_000 },
    ];
    for (const input of malformed) {
      const response = await sizeAs(input, official);
      const name = JSON.stringify(input);
      expect(response.status, name).toBe(400);
      expect(refusalIn(response.text), name).toMatchObject({
        code: "BAD_REQUEST",
        httpStatus: 400,
        path: "official.voterRoll.size",
        reason: "INVALID_INPUT",
      });
      expectNoStackTrace(response.text);
    }
    // Input that is not JSON at all: tRPC's own parse failure, answered the same way.
    const notJson = await raw(`${deployment.urls.controlApi}/trpc/official.voterRoll.size?input=%7Bnope`, {
      headers: official,
    });
    expect(notJson.status).toBe(400);
    expect(refusalIn(notJson.text)?.code).toBe("BAD_REQUEST");
    expectNoStackTrace(notJson.text);
  });

  it("tells an official that an election which does not exist does not (404 ELECTION_NOT_FOUND)", async () => {
    const response = await sizeAs(
      { electionId: "00000000-0000-4000-8000-000000000000" },
      bearer(signedIn.official.tokens.accessToken),
    );
    expect(response.status).toBe(404);
    expect(refusalIn(response.text)).toMatchObject({ code: "NOT_FOUND", reason: "ELECTION_NOT_FOUND" });
  });

  it("gives an official the exact number of people on the roll after imports through the API: duplicates, re-imports and racing imports counted once", async () => {
    const official = signedIn.official;
    const read = async (id: string) => {
      const response = await sizeAs({ electionId: id }, bearer(official.tokens.accessToken));
      expect(response.status).toBe(200);
      return (JSON.parse(response.text) as { result: { data: unknown } }).result.data;
    };
    const roll = official.client.control.official.voterRoll;
    expect(await read(electionId)).toEqual({ electionId, voters: 0 });

    const email = (i: number) => ({ email: `roll-${i}@roll.landslide.test` });
    const external = (i: number) => ({ externalId: `EXT-${i}` });
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
    // 220 addresses (three transactions' worth), one of them again in other case and spacing, 10
    // external ids, and a row that is not an address.
    const first = await roll.import.mutate({
      electionId,
      rows: [
        ...range(0, 220).map(email),
        { email: "  ROLL-7@Roll.Landslide.TEST " },
        { email: "not-an-address" },
        ...range(0, 10).map(external),
      ],
    });
    expect(first).toMatchObject({ imported: 230, added: 230 });
    expect(first.errors).toHaveLength(1);
    expect(await read(electionId)).toEqual({ electionId, voters: 230 });

    // Two officials' imports at once, each overlapping the first import and each other.
    const overlapping = [...range(200, 300).map(email), ...range(5, 15).map(external)];
    const racing = await Promise.all([
      roll.import.mutate({ electionId, rows: overlapping }),
      roll.import.mutate({ electionId, rows: overlapping.toReversed() }),
    ]);
    // People: addresses 0..299 and external ids 0..14.
    expect(racing[0].added + racing[1].added).toBe(300 - 220 + 15 - 10);
    expect(await read(electionId)).toEqual({ electionId, voters: 315 });

    // Run again, as after an interrupted import: nobody new.
    expect((await roll.import.mutate({ electionId, rows: overlapping })).added).toBe(0);
    expect(await read(electionId)).toEqual({ electionId, voters: 315 });

    // Another election's roll is its own.
    const other = (await newElection("Roll size, elsewhere")).id;
    await roll.import.mutate({ electionId: other, rows: range(0, 3).map(email) });
    expect(await read(other)).toEqual({ electionId: other, voters: 3 });
    expect(await read(electionId)).toEqual({ electionId, voters: 315 });
  }, 60_000);
});

// ---- 2. GET /errors --------------------------------------------------------------------------

/** The metrics listener of the service at `publicUrl`: its port plus the offset, on loopback. */
const metricsBase = (publicUrl: string) => `http://127.0.0.1:${Number(new URL(publicUrl).port) + METRICS_OFFSET}`;

interface ErrorsPage {
  readonly total: number;
  readonly errors: ReadonlyArray<{ at: string; message: string; error?: string; requestId?: string }>;
}
async function recentErrors(publicUrl: string): Promise<{ text: string; page: ErrorsPage }> {
  const response = await raw(`${metricsBase(publicUrl)}/errors`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { text: response.text, page: JSON.parse(response.text) as ErrorsPage };
}

/**
 * A request whose target Node's parser accepts but the WHATWG URL parser refuses ("//[": a host
 * that never closes its bracket). It once reached the shell's catch-all, was answered 500 and
 * logged as an error: anyone could flush the operators' recent-errors list with it. fetch would
 * not send such a target, so node:http does.
 */
function malformedTarget(base: string, target: string, headers: Record<string, string>) {
  const url = new URL(base);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: "GET", path: target, headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("GET /errors", () => {
  it("is not served on the public port of any service, under any spelling", async () => {
    for (const base of Object.values(deployment.urls))
      for (const path of ["/errors", "/errors/", "/errors?x=1", "//errors", "/ERRORS", "/metrics/../errors"]) {
        const response = await raw(`${base}${path}`);
        expect(response.status, `${base}${path}`).toBe(404);
        expect(response.text, `${base}${path}`).not.toMatch(/"total"|"errors"\s*:/);
      }
  });

  it("is served on each metrics listener, to GET only", async () => {
    for (const base of Object.values(deployment.urls)) {
      const { page } = await recentErrors(base);
      expect(page.total).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(page.errors)).toBe(true);
      expect((await raw(`${metricsBase(base)}/errors`, { method: "POST" })).status).toBe(404);
    }
  });

  it(`answers a flood of malformed targets carrying credentials 400, and none of them reaches the error list or a log line with its credentials`, async () => {
    const base = deployment.urls.controlApi;
    const account = stack.provisioned.accounts.find((a) => a.email === "official@demo.landslide.test")!;
    const { accessToken, idToken } = signedIn.official.tokens;
    const before = (await recentErrors(base)).page;
    const sent = RING_CAPACITY + 25;
    for (let i = 0; i < sent; i++) {
      const requestId = `flood-${i}-${Date.now()}`;
      const refused = await malformedTarget(
        base,
        `//[/trpc/official.voterRoll.size?username=${encodeURIComponent(account.email)}&password=${encodeURIComponent(account.password)}`,
        {
          authorization: `Bearer ${accessToken}`,
          "x-id-token": idToken!,
          cookie: `session=${accessToken}`,
          "x-request-id": requestId,
        },
      );
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.text)).toEqual({
        error: { code: "BAD_REQUEST", message: "The request target is not a valid URL.", requestId },
      });
    }
    // A client's mistake is no error of the service's: the operators' list keeps what it had.
    const after = await recentErrors(base);
    expect(after.page).toEqual(before);

    // The service's own log has a warning per request (with its id), never the tokens or the password.
    const controlApi = deployment.services[1]!;
    const warnings = await waitFor(async () => {
      const lines = controlApi
        .output()
        .stdout.split("\n")
        .filter((l) => l.includes('"request target is not a URL"'));
      return lines.length >= sent ? lines : undefined;
    });
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, service: "control-api" });
    for (const secret of [accessToken, idToken!, account.password, encodeURIComponent(account.password)])
      expect(controlApi.output().stdout).not.toContain(secret);
  });
});

describe("RecentErrors (unit)", () => {
  it("stays at its capacity and clips each field, whatever is logged", () => {
    const ring = new RecentErrors(5);
    for (let i = 0; i < 1_000; i++)
      ring.write(
        JSON.stringify({
          level: 50,
          time: "2026-01-01T00:00:00.000Z",
          msg: `failure ${i} ${"x".repeat(1_000)}`,
          err: { type: "Error", message: "y".repeat(10_000), stack: "Error\n    at secret (/srv/app.ts:1:1)" },
          requestId: "r".repeat(5_000),
          authorization: "Bearer abc.def.ghi",
        }),
      );
    const { total, errors } = ring.snapshot();
    expect(total).toBe(1_000);
    expect(errors).toHaveLength(5);
    expect(errors[0]!.message.startsWith("failure 999 ")).toBe(true);
    for (const e of errors) {
      expect(Object.keys(e).sort()).toEqual(["at", "error", "message", "requestId"]);
      for (const value of [e.at, e.message, e.error!, e.requestId!]) expect(value.length).toBeLessThanOrEqual(300);
    }
    expect(JSON.stringify(errors)).not.toMatch(/Bearer|at secret/);
  });
});

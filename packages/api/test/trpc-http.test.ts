import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { freePort } from "@landslide/local-stack";
import { DEMO_ELECTION_ID, STOP_NOTICE_MS } from "@landslide/vote-engine";
import { createCognitoClient, ensureAccountWithPassword } from "@landslide/vote-engine/cognito";
import { verifyReceiptSignature } from "@landslide/vote-engine/node-crypto";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, memoryDeviceKeyStore } from "../src/client/index";
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { signAsCognitoLocal } from "./cognito-local-key";
import { type AppRouter, createDeviceKey, createProof, type DeviceKey, solveChallenge } from "../src/index";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";
import { demoBallot as ballot } from "./demo-ballot";

let stack: TestStack;
let services: Array<ReturnType<typeof startService>> = [];
const urls = { vote: "", control: "" };
const tokens = { voter1: "", voter2: "", voter3: "", official: "" };
const devices: Record<"voter1" | "voter2" | "voter3", DeviceKey> = {} as never;
/** The signed binding each device got when it registered, by account. */
const deviceTokens = new Map<string, string>();
const bindingOf = (accessToken: string) => deviceTokens.get(String(decodeJwt(accessToken).sub));

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  const [votePort, controlPort] = [await freePort(), await freePort()];
  // The risk score is tested on its own (assess-risk, bot-scenario); here it must not quarantine by timing.
  const noRiskScore = { LANDSLIDE_RISK_QUARANTINE_SCORE: "1000", LANDSLIDE_RISK_REFUSE_SCORE: "1000" };
  services = [
    startService("vote-api", { ...serviceEnvironment(stack, votePort), ...noRiskScore }),
    startService("control-api", serviceEnvironment(stack, controlPort)),
  ];
  urls.vote = `http://127.0.0.1:${votePort}`;
  urls.control = `http://127.0.0.1:${controlPort}`;
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  const signIn = async (email: string, client: "voter-web" | "console") => {
    const account = stack.provisioned.accounts.find((a) => a.email === email)!;
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({
        ClientId: stack.provisioned.clientIds[client],
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: email, PASSWORD: account.password },
      }),
    );
    return AuthenticationResult!.AccessToken!;
  };
  tokens.voter1 = await signIn("voter1@demo.landslide.test", "voter-web");
  tokens.voter2 = await signIn("voter2@demo.landslide.test", "voter-web");
  tokens.voter3 = await signIn("voter3@demo.landslide.test", "voter-web");
  tokens.official = await signIn("official@demo.landslide.test", "console");
  await waitForService(urls.vote, "vote-api", services[0]!, 30_000);
  await waitForService(urls.control, "control-api", services[1]!, 30_000);
  for (const voter of ["voter1", "voter2", "voter3"] as const) {
    devices[voter] = await createDeviceKey();
    const registered = await client(urls.vote, tokens[voter], devices[voter]).voter.registerDevice.mutate({
      jwk: devices[voter].publicJwk as never,
    });
    expect(registered).toMatchObject({ thumbprint: devices[voter].thumbprint, registered: true });
    deviceTokens.set(String(decodeJwt(tokens[voter]).sub), registered.deviceToken);
  }
});
afterAll(async () => {
  for (const service of services) service.child.kill("SIGTERM");
  await Promise.all(services.map((s) => s.exited));
  await stack.stop();
});

/** Programs name themselves; a bare HTTP library's user agent is a risk signal of its own. */
const identifiesItself = { "user-agent": "landslide-test/1.0" };

/** A client as the SDK builds it: the access token on every call, a fresh device proof on every mutation. */
const client = (base: string, token?: string, device?: DeviceKey) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${base}/trpc`,
        headers: async ({ op }) => ({
          ...identifiesItself,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(token && device && op.type === "mutation"
            ? {
                dpop: await createProof(device, {
                  method: "POST",
                  url: `${base}/trpc/${op.path}`,
                  accessToken: token,
                  input: op.input,
                }),
                ...(bindingOf(token) ? { "x-device-token": bindingOf(token)! } : {}),
              }
            : {}),
        }),
      }),
    ],
  });

/** What a refused call says: its tRPC code and its stable reason. */
async function refusal(
  call: Promise<unknown>,
): Promise<{ code: string; reason: string; httpStatus: number } | "accepted"> {
  try {
    await call;
    return "accepted";
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { code: string; reason: string; httpStatus: number };
    return { code: data.code, reason: data.reason, httpStatus: data.httpStatus };
  }
}

/** A solved human check, as the browser's worker would send it; asked with a token, it is that account's own. */
async function solved(token?: string) {
  const solution = await solveChallenge(await client(urls.vote, token).humanCheck.challenge.query());
  if (!solution) throw new Error("the challenge has no solution");
  return solution;
}

describe("the vote API over tRPC", () => {
  it("lists the demo election publicly", async () => {
    const elections = await client(urls.vote).elections.list.query();
    expect(elections.map((e) => [e.id, e.status])).toEqual([[DEMO_ELECTION_ID, "open"]]);
  });

  it("casts with a Cognito token and returns a receipt that verifies offline; a retry gets the same receipt; another ballot is ALREADY_VOTED", async () => {
    const voter = client(urls.vote, tokens.voter1, devices.voter1);
    const first = await voter.voter.cast.mutate({
      electionId: DEMO_ELECTION_ID,
      idempotencyKey: "voter1-ballot-0001",
      ballot,
      humanCheck: await solved(),
    });
    expect(first.replayed).toBe(false);
    const { pem, keyId } = await client(urls.vote).receipts.publicKey.query();
    expect(first.receipt.keyId).toBe(keyId);
    expect(verifyReceiptSignature(first.receipt, pem)).toBe(true);
    expect(await client(urls.vote).receipts.verify.query({ receipt: first.receipt })).toEqual({ valid: true });
    expect(
      await client(urls.vote).receipts.verify.query({ receipt: { ...first.receipt, commitment: "0".repeat(64) } }),
    ).toEqual({ valid: false });

    const retry = await voter.voter.cast.mutate({
      electionId: DEMO_ELECTION_ID,
      idempotencyKey: "voter1-ballot-0001",
      ballot,
      humanCheck: await solved(),
    });
    expect(retry).toEqual({ ...first, replayed: true });
    const other = { answers: { ...ballot.answers, mascot: { choices: ["fox"] } } };
    expect(
      await refusal(
        voter.voter.cast.mutate({
          electionId: DEMO_ELECTION_ID,
          idempotencyKey: "voter1-ballot-0002",
          ballot: other,
          humanCheck: await solved(),
        }),
      ),
    ).toEqual({
      code: "CONFLICT",
      reason: "ALREADY_VOTED",
      httpStatus: 409,
    });
  });

  it("refuses a challenge issued when the difficulty was lower, as another task now demands more", async () => {
    const port = await freePort();
    const stricter = startService("vote-api", {
      ...serviceEnvironment(stack, port),
      LANDSLIDE_CHALLENGE_MAX_NUMBER: "40000",
    });
    try {
      await waitForService(`http://127.0.0.1:${port}`, "vote-api", stricter, 30_000);
      const easy = await solved(); // issued by the task that asks for 20,000
      const attempt = client(`http://127.0.0.1:${port}`, tokens.voter1, devices.voter1).voter.cast.mutate({
        electionId: DEMO_ELECTION_ID,
        idempotencyKey: "voter1-ballot-0009",
        ballot,
        humanCheck: easy,
      });
      expect(await refusal(attempt)).toMatchObject({ code: "FORBIDDEN", reason: "CHALLENGE_TOO_EASY" });

      // The SDK meets the same refusal, solves a new check as hard as this task asks, and the vote lands.
      const email = `stale-check.${Date.now()}@example.test`;
      const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
      try {
        await ensureAccountWithPassword(
          cognito,
          stack.provisioned.userPoolId,
          { email, group: "voters" },
          "Stale-Check-Passw0rd",
        );
      } finally {
        cognito.destroy();
      }
      const sdk = createLandslideClient({
        urls: { voteApi: `http://127.0.0.1:${port}`, controlApi: urls.control, results: urls.control },
        cognito: {
          region: stack.target.region,
          endpoint: stack.target.cognitoEndpoint,
          clientId: stack.provisioned.clientIds["voter-web"],
        },
        deviceKeys: memoryDeviceKeyStore(),
      });
      await sdk.auth.signIn(email, "Stale-Check-Passw0rd");
      // An election of its own: the demo election's count is checked further down.
      const official = client(urls.control, tokens.official);
      const own = await official.official.elections.create.mutate({
        election: {
          title: "Stale check",
          questions: [
            {
              id: "q",
              kind: "single",
              prompt: "Q?",
              options: [
                { id: "a", label: "A" },
                { id: "b", label: "B" },
              ],
            },
          ],
        },
        reason: "stale human check",
      });
      await official.official.elections.transition.mutate({ electionId: own.id, to: "open", reason: "stale check" });
      const failures: string[] = [];
      const cast = await sdk.castBallot({
        electionId: own.id,
        ballot: { answers: { q: { choices: ["a"] } } },
        humanCheck: await solved(),
        onFailedAttempt: ({ failure }) => failures.push(failure.kind),
      });
      expect(failures).toEqual(["stale-check"]);
      expect(cast.receipt.electionId).toBe(own.id);
    } finally {
      stricter.child.kill("SIGTERM");
      await stricter.exited;
    }
  });

  it("answers a burst of casts from one network with 429, a Retry-After and the reason RATE_LIMITED", async () => {
    const port = await freePort();
    const strict = startService("vote-api", {
      ...serviceEnvironment(stack, port),
      LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: "3",
    });
    try {
      await waitForService(`http://127.0.0.1:${port}`, "vote-api", strict, 30_000);
      // Counts are shared by every task through the table; this task allows 3 casts a minute per block.
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 5; i++) {
        const input = { electionId: DEMO_ELECTION_ID, idempotencyKey: `burst-key-${i}`.padEnd(16, "0"), ballot };
        const url = `http://127.0.0.1:${port}/trpc/voter.cast`;
        last = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${tokens.voter3}`,
            dpop: await createProof(devices.voter3, { method: "POST", url, accessToken: tokens.voter3, input }),
            "x-device-token": bindingOf(tokens.voter3)!,
          },
          body: JSON.stringify(input),
        });
        statuses.push(last.status);
      }
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await last!.json()) as { error: { data: { reason: string } } }).error.data.reason).toBe("RATE_LIMITED");
    } finally {
      strict.child.kill("SIGTERM");
      await strict.exited;
    }
  });

  it("refuses every bad request with its reason, and stores nothing", async () => {
    const cast = async (token: string | undefined, input: Record<string, unknown>) =>
      refusal(
        client(urls.vote, token, devices.voter2).voter.cast.mutate({ humanCheck: await solved(), ...input } as never),
      );
    const good = { electionId: DEMO_ELECTION_ID, idempotencyKey: "voter2-ballot-0001", ballot };
    expect(await cast(undefined, good)).toMatchObject({ code: "UNAUTHORIZED", reason: "TOKEN_MISSING" });
    expect(await cast(`${tokens.voter2.slice(0, -4)}AAAA`, good)).toMatchObject({
      code: "UNAUTHORIZED",
      reason: "TOKEN_INVALID",
    });
    // Signed with the pool's own key, but expired, or issued by another pool; and the right claims under a stranger's key.
    const claims = decodeJwt(tokens.voter2);
    const now = Math.floor(Date.now() / 1000);
    expect(await cast(await signAsCognitoLocal({ ...claims, iat: now - 7200, exp: now - 3600 }), good)).toMatchObject({
      code: "UNAUTHORIZED",
      reason: "TOKEN_EXPIRED",
    });
    expect(
      await cast(
        await signAsCognitoLocal({ ...claims, iss: String(claims.iss).replace(/[^/]+$/, "eu-west-1_Elsewhere") }),
        good,
      ),
    ).toMatchObject({ reason: "TOKEN_INVALID" });
    const stranger = await generateKeyPair("RS256");
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: String(decodeProtectedHeader(tokens.voter2).kid) })
      .sign(stranger.privateKey);
    expect(await cast(forged, good)).toMatchObject({ reason: "TOKEN_INVALID" });
    expect(
      await cast(tokens.voter2, {
        ...good,
        ballot: { answers: { ...ballot.answers, mascot: { choices: ["dragon"] } } },
      }),
    ).toMatchObject({
      code: "BAD_REQUEST",
      reason: "UNKNOWN_OPTION",
    });
    expect(await cast(tokens.voter2, { ...good, extra: true })).toMatchObject({
      code: "BAD_REQUEST",
      reason: "INVALID_INPUT",
    });
    expect(await cast(tokens.voter2, { ...good, electionId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      code: "NOT_FOUND",
      reason: "ELECTION_NOT_FOUND",
    });
    const huge = await fetch(`${urls.vote}/trpc/voter.cast`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.voter2}` },
      body: JSON.stringify({ ...good, ballot: { padding: "x".repeat(100_000) } }),
    });
    expect(huge.status).toBe(413);
    const body = await huge.text();
    expect(body).not.toMatch(/\n\s+at /);
    const malformed = await fetch(`${urls.vote}/trpc/voter.cast`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.voter2}` },
      body: '{"electionId": "' + DEMO_ELECTION_ID + '", "ballot": {',
    });
    expect(malformed.status).toBe(400);
    const malformedBody = (await malformed.json()) as { error: { data: { code: string; reason: string } } };
    expect(malformedBody.error.data).toMatchObject({ code: "BAD_REQUEST", reason: "BAD_REQUEST" });
    expect(JSON.stringify(malformedBody)).not.toMatch(/\n\s+at /);

    // The human check: missing, unsolved, forged, reused.
    const solution = await solved();
    expect(await cast(tokens.voter2, { ...good, humanCheck: undefined })).toMatchObject({
      code: "PRECONDITION_FAILED",
      reason: "CHALLENGE_REQUIRED",
    });
    expect(
      await cast(tokens.voter2, { ...good, humanCheck: { ...solution, number: solution.number + 1 } }),
    ).toMatchObject({ code: "FORBIDDEN", reason: "CHALLENGE_INVALID" });
    expect(
      await cast(tokens.voter2, { ...good, humanCheck: { ...solution, signature: "0".repeat(64) } }),
    ).toMatchObject({ code: "FORBIDDEN", reason: "CHALLENGE_INVALID" });
    // Issued to another account (voter1 asked for it signed in): useless to voter2.
    expect(await cast(tokens.voter2, { ...good, humanCheck: await solved(tokens.voter1) })).toMatchObject({
      code: "FORBIDDEN",
      reason: "CHALLENGE_INVALID",
    });
    const cast2 = await client(urls.vote, tokens.voter2, devices.voter2).voter.cast.mutate({
      ...good,
      humanCheck: solution,
    });
    expect(await cast(tokens.voter2, { ...good, humanCheck: solution })).toMatchObject({
      code: "FORBIDDEN",
      reason: "CHALLENGE_REUSED",
    });

    // After all that, voter2 cast exactly once: nothing was half-written.
    expect(cast2.replayed).toBe(false);
  });
});

describe("metrics", () => {
  it("count votes by outcome and refusal reason, and time requests by route", async () => {
    // On the service's own metrics listener: its port plus 100 (LANDSLIDE_METRICS_PORT_OFFSET).
    const text = await (await fetch(`http://127.0.0.1:${Number(new URL(urls.vote).port) + 100}/metrics`)).text();
    const count = (labels: string) =>
      Number(new RegExp(`^landslide_votes_total\\{${labels}[^}]*\\} (\\d+)`, "m").exec(text)?.[1] ?? 0);
    expect(count('outcome="accepted",reason=""')).toBeGreaterThanOrEqual(2);
    expect(count('outcome="refused",reason="ALREADY_VOTED"')).toBeGreaterThanOrEqual(1);
    expect(count('outcome="refused",reason="CHALLENGE_REUSED"')).toBeGreaterThanOrEqual(1);
    const castTimings = text
      .split("\n")
      .filter(
        (line) =>
          line.startsWith("landslide_http_request_duration_seconds_count{") &&
          line.includes('route="/trpc/voter.cast"'),
      );
    expect(castTimings.join("\n")).toMatch(/status="200"/);
  });
});

describe("device binding", () => {
  it("refuses casts without a proof, from an unregistered key, with a replayed, stale or moved proof", async () => {
    // The challenge is voter3's own, so nothing but the vote's own write can catch the replay below.
    const input = {
      electionId: DEMO_ELECTION_ID,
      idempotencyKey: "voter3-device-0001",
      ballot,
      humanCheck: await solved(tokens.voter3),
    };
    const url = `${urls.vote}/trpc/voter.cast`;
    const send = async (dpop: string | undefined, body: unknown = input) => {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          ...identifiesItself,
          "content-type": "application/json",
          authorization: `Bearer ${tokens.voter3}`,
          "x-device-token": bindingOf(tokens.voter3)!,
          ...(dpop ? { dpop } : {}),
        },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { error?: { data: { reason: string } } }).error?.data.reason ?? "accepted";
    };
    expect(await send(undefined)).toBe("PROOF_MISSING");
    const stranger = await createDeviceKey();
    expect(await send(await createProof(stranger, { method: "POST", url, accessToken: tokens.voter3, input }))).toBe(
      "DEVICE_NOT_REGISTERED",
    );
    const forAnotherBallot = await createProof(devices.voter3, {
      method: "POST",
      url,
      accessToken: tokens.voter3,
      input: { ...input, ballot: { answers: {} } },
    });
    expect(await send(forAnotherBallot)).toBe("PROOF_INVALID");
    const forAnotherUrl = await createProof(devices.voter3, {
      method: "POST",
      url: `${urls.vote}/trpc/voter.registerDevice`,
      accessToken: tokens.voter3,
      input,
    });
    expect(await send(forAnotherUrl)).toBe("PROOF_INVALID");
    const forAnotherToken = await createProof(devices.voter3, {
      method: "POST",
      url,
      accessToken: tokens.voter2,
      input,
    });
    expect(await send(forAnotherToken)).toBe("PROOF_INVALID");
    const stale = await new SignJWT({ htm: "POST", htu: url, jti: crypto.randomUUID(), ath: "x", bh: "y" })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: devices.voter3.publicJwk })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .sign(devices.voter3.privateKey);
    expect(await send(stale)).toMatch(/^PROOF_(STALE|INVALID)$/);

    const proof = await createProof(devices.voter3, { method: "POST", url, accessToken: tokens.voter3, input });
    expect(await send(proof)).toBe("accepted");
    expect(await send(proof)).toBe("PROOF_REPLAYED");
    // A retry is a new request (a new proof) with the same idempotency key: it gets the same receipt.
    expect(
      await send(await createProof(devices.voter3, { method: "POST", url, accessToken: tokens.voter3, input })),
    ).toBe("accepted");
  });
});

describe("the control API's official routes", () => {
  it("refuse a voter, and let an official pause and reopen an election, which voting obeys", async () => {
    const transition = (token: string, to: "paused" | "open") =>
      client(urls.control, token).official.elections.transition.mutate({
        electionId: DEMO_ELECTION_ID,
        to,
        reason: "testing the pause",
      });
    expect(await refusal(transition(tokens.voter1, "paused"))).toMatchObject({
      code: "FORBIDDEN",
      reason: "ROLE_REQUIRED",
    });
    const paused = await transition(tokens.official, "paused");
    expect(paused).toEqual({
      electionId: DEMO_ELECTION_ID,
      from: "open",
      to: "paused",
      effectiveAt: expect.any(String),
    });
    // Voting stops STOP_NOTICE_MS after the official asks, at the instant the answer names, on every task alike.
    expect(Date.parse(paused.effectiveAt) - Date.now()).toBeGreaterThan(0);
    expect(Date.parse(paused.effectiveAt) - Date.now()).toBeLessThanOrEqual(STOP_NOTICE_MS);
    expect(await refusal(transition(tokens.official, "paused"))).toMatchObject({
      code: "PRECONDITION_FAILED",
      reason: "INVALID_TRANSITION",
    });

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(paused.effectiveAt) - Date.now())));
    const voter3 = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
    const account = stack.provisioned.accounts.find((a) => a.email === "voter3@demo.landslide.test")!;
    const { AuthenticationResult } = await voter3.send(
      new InitiateAuthCommand({
        ClientId: stack.provisioned.clientIds["voter-web"],
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: account.email, PASSWORD: account.password },
      }),
    );
    const castWhilePaused = client(urls.vote, AuthenticationResult!.AccessToken, devices.voter3).voter.cast.mutate({
      electionId: DEMO_ELECTION_ID,
      idempotencyKey: "voter3-ballot-0001",
      ballot,
      humanCheck: await solved(),
    });
    expect(await refusal(castWhilePaused)).toMatchObject({ code: "PRECONDITION_FAILED", reason: "ELECTION_NOT_OPEN" });

    expect(await transition(tokens.official, "open")).toMatchObject({ to: "open" });
    const recount = await client(urls.control, tokens.official).official.elections.recount.mutate({
      electionId: DEMO_ELECTION_ID,
    });
    // voter1, voter2 and voter3 (the last through the device-binding test) have voted.
    expect(recount.votesRead).toBe(3);
    expect(recount.counters.__turnout).toBe(3);
  });
});

/**
 * Votes per second through HTTP on one vote-API process, beside the bare work no implementation
 * can avoid, measured in the same run on the same machine:
 *
 *   npm run bench -w packages/api
 *
 * Bare work per vote: verify the access token (RS256), verify the device proof (ES256), and one
 * conditional put of the vote into DynamoDB Local. The API does that plus rate-limit counters,
 * the single-use proof and challenge, the device binding, the risk signals and the receipt.
 * Rounds alternate API and bare work so drift in the machine hits both; medians are reported.
 *
 * As `npm run dev` runs it: DynamoDB Local keeps its tables on disk, and each voter calls from an
 * address of its own network (through a trusted proxy's X-Forwarded-For), so the per-network
 * limits and counters do the work they do in production instead of being switched off. Then four
 * elections are voted in at once (BENCH_MULTI_CASTS casts, 10,000 by default) and every refusal
 * is counted by reason: a valid cast must never be refused.
 */
import { spawn } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { createLocalJWKSet, decodeJwt, EmbeddedJWK, jwtVerify } from "jose";
import { signAsCognitoLocal } from "../test/cognito-local-key";
import { freePort, startLocalServers, waitForHttp } from "@landslide/local-stack";
import { DEMO_ELECTION_ID, systemClock } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbElectionCopies, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import { nodeKeys, readKeyFile } from "@landslide/vote-engine/node-crypto";
import { connectControlPlane, ElectionsRepository } from "@landslide/vote-engine/postgres";
import { provision } from "@landslide/vote-engine/provision";
import { cognitoIssuer, jwksUrl } from "../src/index";
import { createDeviceKey, createProof, type DeviceKey, solveChallenge, type Solution } from "../src/client/index";
import { serviceEntryPoints } from "../src/services/index";
import { serviceEnvironment } from "../src/testing/index";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const VOTES_PER_ROUND = Number(process.env.BENCH_VOTES_PER_ROUND ?? 600);
const CONCURRENCY = 32;
const MULTI_CASTS = Number(process.env.BENCH_MULTI_CASTS ?? 10_000);
const MULTI_CHUNK = 1000;
const BURST = Number(process.env.BENCH_BURST ?? 5000);

const scratch = mkdtempSync(join(tmpdir(), "landslide-bench-"));
const servers = await startLocalServers({ ports: { dynamodb: await freePort(), cognito: await freePort(), postgres: await freePort() }, dataDir: join(scratch, "data"), scratchDir: scratch });
const target = { region: "eu-west-1", dynamodbEndpoint: servers.dynamodb.endpoint, cognitoEndpoint: servers.cognito.endpoint, tablePrefix: "bench", userPoolName: "bench", databaseUrl: servers.postgres.url };
const keysFile = join(scratch, "keys.json");
const provisioned = await provision({ target, clock: systemClock, demo: true, credentialsFile: null, keysFile });
const issuer = cognitoIssuer({ region: target.region, endpoint: target.cognitoEndpoint, userPoolId: provisioned.userPoolId });
const clientId = provisioned.clientIds["voter-web"];

const port = await freePort();
const api = `http://127.0.0.1:${port}`;
// BENCH_CPU_PROFILE=<dir> writes the vote API's CPU profile there when the bench ends (docs/performance/).
const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
const service = spawn(process.execPath, [...profile, "--import", "tsx", fileURLToPath(serviceEntryPoints["vote-api"])], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...serviceEnvironment({ target, provisioned, keysFile }, port),
    LANDSLIDE_LOG_LEVEL: "warn",
    // The bench stands in for the load balancer: its X-Forwarded-For names each voter's network.
    LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1",
    // The cheapest challenge keeps the client's work (on the same machine) small.
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
  },
});
await waitForHttp(`${api}/healthz`, { timeoutMs: 60_000, isAlive: () => service.exitCode === null });

// Access tokens exactly as cognito-local issues them, so thousands of voters need no thousands of sign-ins.
const accessToken = (sub: string) => {
  const now = Math.floor(Date.now() / 1000);
  return signAsCognitoLocal({ sub, iss: issuer, token_use: "access", client_id: clientId, username: sub, scope: "aws.cognito.signin.user.admin", jti: crypto.randomUUID(), iat: now, exp: now + 3600 });
};

interface Voter {
  readonly token: string;
  readonly device: DeviceKey;
  /** Where the voter calls from: one address in a network of its own. */
  readonly address: string;
  deviceToken?: string;
}

let voters = 0;
/** A fresh address in a /24 no other simulated voter uses (10.0.0.0/8 holds 65,536 of them). */
const nextAddress = () => {
  const n = voters++;
  return `10.${(n >> 8) & 255}.${n & 255}.${1 + (n % 250)}`;
};

const ballot = { answers: { mascot: { choices: ["fox"] }, parks: { choices: ["hilltop", "riverside"] }, "council-chair": { choices: ["ada", "chen", "bruno"] } } };
const headers = { "content-type": "application/json", "user-agent": "landslide-bench/1.0" };

async function post(path: string, voter: Voter, input: unknown): Promise<{ status: number; body: unknown }> {
  const url = `${api}/trpc/${path}`;
  const dpop = await createProof(voter.device, { method: "POST", url, accessToken: voter.token, input });
  const binding: Record<string, string> = voter.deviceToken ? { "x-device-token": voter.deviceToken } : {};
  const response = await fetch(url, { method: "POST", headers: { ...headers, ...binding, "x-forwarded-for": voter.address, authorization: `Bearer ${voter.token}`, dpop }, body: JSON.stringify(input) });
  return { status: response.status, body: await response.json() };
}

async function pool<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  }));
}

/** Voters with registered devices and solved challenges: everything a cast needs, made before the clock starts. */
async function prepareVoters(n: number): Promise<Array<Voter & { solution: Solution }>> {
  const voters: Voter[] = await Promise.all(Array.from({ length: n }, async () => ({ token: await accessToken(crypto.randomUUID()), device: await createDeviceKey(), address: nextAddress() })));
  const ready: Array<Voter & { solution: Solution }> = [];
  await pool(voters, async (voter) => {
    const { status, body } = await post("voter.registerDevice", voter, { jwk: voter.device.publicJwk });
    if (status !== 200) throw new Error(`registering a device answered ${status}`);
    voter.deviceToken = (body as { result: { data: { deviceToken: string } } }).result.data.deviceToken;
    // Asked signed in, as the SDK does: the challenge is the voter's own (no single-use write on the cast).
    const challenge = (await (await fetch(`${api}/trpc/humanCheck.challenge`, { headers: { ...headers, "x-forwarded-for": voter.address, authorization: `Bearer ${voter.token}` } })).json()) as {
      result: { data: Parameters<typeof solveChallenge>[0] };
    };
    ready.push({ ...voter, solution: (await solveChallenge(challenge.result.data))! });
  });
  return ready;
}

interface CastOutcomes {
  readonly seconds: number;
  /** Per cast, from sending to the whole answer, in ms. */
  readonly latencies: number[];
  /** Refusal reasons (or HTTP statuses without one) by count. */
  readonly refused: Map<string, number>;
}

/** Signed cast requests, made (proofs and all) before any clock starts: the client shares the machine. */
async function castRequests(voters: ReadonlyArray<Voter & { solution: Solution }>, electionOf: (index: number) => string) {
  const url = `${api}/trpc/voter.cast`;
  return Promise.all(
    voters.map(async (voter, i) => {
      const input = { electionId: electionOf(i), idempotencyKey: `bench-${crypto.randomUUID()}`, ballot, humanCheck: voter.solution };
      const dpop = await createProof(voter.device, { method: "POST", url, accessToken: voter.token, input });
      return { headers: { ...headers, "x-forwarded-for": voter.address, authorization: `Bearer ${voter.token}`, dpop, "x-device-token": voter.deviceToken! }, body: JSON.stringify(input) };
    }),
  );
}

// The load generator shares the machine with the API: node:http on kept-alive sockets costs it
// far less CPU per request than fetch (undici), so less of the machine goes to playing the voters.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
function postCast(url: string, request: { headers: Record<string, string>; body: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: "POST", agent, headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    sent.on("error", reject);
    sent.end(request.body);
  });
}

/** Sends the casts CONCURRENCY at a time, or paced at `perSecond` (open loop: a slow answer does not slow the sending). */
async function sendCasts(requests: ReadonlyArray<{ headers: Record<string, string>; body: string }>, perSecond?: number): Promise<CastOutcomes> {
  const url = `${api}/trpc/voter.cast`;
  const latencies: number[] = [];
  const refused = new Map<string, number>();
  const send = async (request: (typeof requests)[number]) => {
    const sent = performance.now();
    const response = await postCast(url, request);
    latencies.push(performance.now() - sent);
    if (response.status !== 200) {
      const body = JSON.parse(response.body) as { error?: { data?: { reason?: string } } };
      const reason = body.error?.data?.reason ?? `HTTP ${response.status}`;
      refused.set(reason, (refused.get(reason) ?? 0) + 1);
    }
  };
  const started = performance.now();
  if (perSecond === undefined) await pool(requests, send);
  else
    await Promise.all(
      requests.map(async (request, i) => {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (i * 1000) / perSecond - performance.now())));
        await send(request);
      }),
    );
  return { seconds: (performance.now() - started) / 1000, latencies, refused };
}

const describeRefusals = (refused: Map<string, number>) => [...refused].map(([reason, n]) => `${n} ${reason}`).join(", ");

/** The vote API's own time answering casts so far (its request histogram): where a cast's time goes, inside the API or before it. */
async function serverCastSeconds(): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port + 100}/metrics`)).text();
  const read = (series: string) => Number(new RegExp(`^landslide_http_request_duration_seconds_${series}\\{[^}]*route="/trpc/voter.cast"[^}]*\\} ([0-9.e+-]+)`, "m").exec(text)?.[1] ?? 0);
  return { sum: read("sum"), count: read("count") };
}

async function apiRound(): Promise<number> {
  const requests = await castRequests(await prepareVoters(VOTES_PER_ROUND), () => DEMO_ELECTION_ID);
  const before = await serverCastSeconds();
  const outcomes = await sendCasts(requests);
  const after = await serverCastSeconds();
  if (outcomes.refused.size > 0) throw new Error(`casts refused: ${describeRefusals(outcomes.refused)}`);
  const inside = ((after.sum - before.sum) / Math.max(1, after.count - before.count)) * 1000;
  const seen = outcomes.latencies.reduce((a, b) => a + b, 0) / outcomes.latencies.length;
  console.log(`  a cast took ${seen.toFixed(1)} ms as the client saw it, ${inside.toFixed(1)} ms inside the vote API (mean)`);
  return VOTES_PER_ROUND / outcomes.seconds;
}

// The floor, at the same concurrency against the same DynamoDB Local.
const dynamodb = createDynamoDbClient({ region: target.region, endpoint: target.dynamodbEndpoint });
const jwks = createLocalJWKSet((await (await fetch(jwksUrl(issuer))).json()) as Parameters<typeof createLocalJWKSet>[0]);
async function bareRound(): Promise<number> {
  const voters = await Promise.all(Array.from({ length: VOTES_PER_ROUND }, async () => {
    const voter = { token: await accessToken(crypto.randomUUID()), device: await createDeviceKey() };
    return { ...voter, proof: await createProof(voter.device, { method: "POST", url: `${api}/trpc/voter.cast`, accessToken: voter.token, input: ballot }) };
  }));
  const started = performance.now();
  await pool(voters, async (voter) => {
    const { payload } = await jwtVerify(voter.token, jwks, { issuer });
    await jwtVerify(voter.proof, EmbeddedJWK, { typ: "dpop+jwt" });
    await dynamodb.send(
      new PutItemCommand({
        TableName: provisioned.tables.votes,
        Item: { pk: { S: `BARE#${payload.sub}` }, sk: { S: "VOTE" }, ballot: { S: JSON.stringify(ballot) }, receipt: { S: "r".repeat(400) } },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  });
  return VOTES_PER_ROUND / ((performance.now() - started) / 1000);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

/** Open elections beside the demo one, with its questions, stored and published as the control API does. */
async function moreElections(n: number): Promise<string[]> {
  const control = connectControlPlane(target.databaseUrl);
  try {
    const repository = new ElectionsRepository(control.db);
    const demo = (await repository.get(DEMO_ELECTION_ID))!;
    const copies = new DynamoDbElectionCopies(dynamodb, provisioned.tables.elections);
    return await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const stored = await repository.insert({ ...demo, id: crypto.randomUUID(), title: `Bench election ${i + 2}`, status: "open" });
        await copies.publish(stored);
        return stored.id;
      }),
    );
  } finally {
    await control.close();
  }
}

/** The vote API's resident memory, from its own metrics listener (its port + 100). */
async function serviceRssMb(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port + 100}/metrics`)).text();
  return Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? NaN) / 1e6;
}

/**
 * BURST casts sent at the same instant, each on its own connection: every one must be answered
 * (accepted, or shed with 503 and Retry-After) within 2 s, memory must stay bounded, and every
 * accepted cast must be stored.
 */
async function burst(): Promise<void> {
  const voters = await prepareVoters(BURST);
  const requests = await castRequests(voters, () => DEMO_ELECTION_ID);
  const before = await serviceRssMb();
  const ownSockets = new Agent({ keepAlive: false, maxSockets: Infinity });
  let peak = before;
  const sampler = setInterval(() => void serviceRssMb().then((mb) => (peak = Math.max(peak, mb)), () => undefined), 100);
  const started = performance.now();
  const answers = await Promise.all(
    requests.map(
      (request) =>
        new Promise<{ ms: number; status: number; retryAfter: string | undefined }>((resolve) => {
          const sent = httpRequest(`${api}/trpc/voter.cast`, { method: "POST", agent: ownSockets, headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) } }, (response) => {
            response.resume();
            response.on("end", () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"] }));
          });
          sent.on("error", () => resolve({ ms: performance.now() - started, status: 0, retryAfter: undefined }));
          sent.end(request.body);
        }),
    ),
  );
  clearInterval(sampler);
  const accepted = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
  const shed = answers.filter((a) => a.status === 503 && a.retryAfter !== undefined).length;
  const other = answers.length - accepted.length - shed;
  const latest = Math.max(...answers.map((a) => a.ms));
  const store = new DynamoDbVoteStore(dynamodb, provisioned.tables.votes);
  const keys = nodeKeys(readKeyFile(keysFile));
  const stored = await Promise.all(accepted.map((i) => store.get(DEMO_ELECTION_ID, keys.voterKey(String(decodeJwt(voters[i]!.token).sub)))));
  const lost = stored.filter((vote) => vote === undefined).length;
  console.log(
    `\nburst of ${BURST.toLocaleString("en-US")} casts at once: ${accepted.length} accepted, ${shed} shed (503 + Retry-After), ${other} other; ` +
      `last answer after ${latest.toFixed(0)} ms (aim: every one within 2,000 ms), accepted answered p50 ${percentile(accepted.map((i) => answers[i]!.ms), 0.5).toFixed(0)} ms; ` +
      `vote API memory ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most; ${lost} accepted casts not stored (aim: 0)`,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
try {
  // Warm-up of both: the JIT (Node's and DynamoDB Local's Java), the JWKS cache, connection pools.
  await apiRound();
  await bareRound();
  const apiRates: number[] = [];
  const bareRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    apiRates.push(await apiRound());
    bareRates.push(await bareRound());
    console.log(`round ${round + 1}: API ${apiRates.at(-1)!.toFixed(0)} votes/s, bare work ${bareRates.at(-1)!.toFixed(0)}/s, ratio ${((apiRates.at(-1)! / bareRates.at(-1)!) * 100).toFixed(0)}%`);
  }
  const [apiRate, bareRate] = [median(apiRates), median(bareRates)];
  console.log(`\nvotes through HTTP on one vote-API process: ${apiRate.toFixed(0)}/s (median of ${ROUNDS} rounds of ${VOTES_PER_ROUND}, ${CONCURRENCY} in flight)`);
  console.log(`bare unavoidable work (JWT verify + ECDSA verify + conditional put): ${bareRate.toFixed(0)}/s`);
  const pairedRatio = median(apiRates.map((rate, i) => rate / bareRates[i]!));
  console.log(`ratio: ${(pairedRatio * 100).toFixed(0)}% (median of the rounds' own ratios; ratio of medians ${((apiRate / bareRate) * 100).toFixed(0)}%; aim: at least 60%)`);

  // Latency at 70% of what the API just showed it can take: paced, so queueing is the API's own.
  const paceRate = 0.7 * apiRate;
  const paced = await sendCasts(await castRequests(await prepareVoters(Math.round(paceRate * 10)), () => DEMO_ELECTION_ID), paceRate);
  if (paced.refused.size > 0) console.log(`paced casts refused: ${describeRefusals(paced.refused)}`);
  console.log(`\nlatency at 70% of that (${paceRate.toFixed(0)} casts/s for 10 s): p50 ${percentile(paced.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(paced.latencies, 0.99).toFixed(1)} ms (aim: p99 < 100 ms on DynamoDB Local)`);

  // Four elections at once, every cast valid: any refusal is a wrong one.
  // In chunks, each signed just before it is sent: a device proof is good for a minute.
  const elections = [DEMO_ELECTION_ID, ...(await moreElections(3))];
  const refused = new Map<string, number>();
  let seconds = 0;
  for (let done = 0; done < MULTI_CASTS; done += MULTI_CHUNK) {
    const chunk = await sendCasts(await castRequests(await prepareVoters(Math.min(MULTI_CHUNK, MULTI_CASTS - done)), (i) => elections[(done + i) % elections.length]!));
    seconds += chunk.seconds;
    for (const [reason, n] of chunk.refused) refused.set(reason, (refused.get(reason) ?? 0) + n);
  }
  const wrong = [...refused.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nfour elections at once: ${MULTI_CASTS.toLocaleString("en-US")} casts in ${seconds.toFixed(1)} s of sending, ${wrong} refused${wrong > 0 ? ` (${describeRefusals(refused)})` : ""} (aim: 0)`,
  );

  await burst();
} finally {
  service.kill("SIGTERM");
  dynamodb.destroy();
  await servers.stop();
  rmSync(scratch, { recursive: true, force: true });
}

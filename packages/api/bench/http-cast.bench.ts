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
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { createLocalJWKSet, EmbeddedJWK, jwtVerify } from "jose";
import { signAsCognitoLocal } from "../test/cognito-local-key";
import { freePort, startLocalServers, waitForHttp } from "@landslide/local-stack";
import { DEMO_ELECTION_ID, systemClock } from "@landslide/vote-engine";
import { createDynamoDbClient } from "@landslide/vote-engine/dynamodb";
import { provision } from "@landslide/vote-engine/provision";
import { cognitoIssuer, jwksUrl } from "../src/index";
import { createDeviceKey, createProof, type DeviceKey, solveChallenge, type Solution } from "../src/client/index";
import { serviceEntryPoints } from "../src/services/index";

const ROUNDS = 5;
const VOTES_PER_ROUND = 600;
const CONCURRENCY = 32;

const scratch = mkdtempSync(join(tmpdir(), "landslide-bench-"));
const servers = await startLocalServers({ ports: { dynamodb: await freePort(), cognito: await freePort(), postgres: await freePort() }, dataDir: null, scratchDir: scratch });
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
    PATH: process.env.PATH,
    LANDSLIDE_LOG_LEVEL: "warn",
    LANDSLIDE_VOTE_API_PORT: String(port),
    LANDSLIDE_DYNAMODB_ENDPOINT: target.dynamodbEndpoint,
    LANDSLIDE_COGNITO_ENDPOINT: target.cognitoEndpoint,
    LANDSLIDE_TABLE_PREFIX: target.tablePrefix,
    DATABASE_URL: target.databaseUrl,
    LANDSLIDE_COGNITO_USER_POOL_ID: provisioned.userPoolId,
    LANDSLIDE_COGNITO_VOTER_CLIENT_ID: clientId,
    LANDSLIDE_KEYS_FILE: keysFile,
    // Every simulated voter comes from 127.0.0.1; the cheapest challenge keeps client work small.
    LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: "1000000",
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
  deviceToken?: string;
}

const ballot = { answers: { mascot: { choices: ["fox"] }, parks: { choices: ["hilltop", "riverside"] }, "council-chair": { choices: ["ada", "chen", "bruno"] } } };
const headers = { "content-type": "application/json", "user-agent": "landslide-bench/1.0" };

async function post(path: string, voter: Voter, input: unknown): Promise<{ status: number; body: unknown }> {
  const url = `${api}/trpc/${path}`;
  const dpop = await createProof(voter.device, { method: "POST", url, accessToken: voter.token, input });
  const binding: Record<string, string> = voter.deviceToken ? { "x-device-token": voter.deviceToken } : {};
  const response = await fetch(url, { method: "POST", headers: { ...headers, ...binding, authorization: `Bearer ${voter.token}`, dpop }, body: JSON.stringify(input) });
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
  const voters: Voter[] = await Promise.all(Array.from({ length: n }, async () => ({ token: await accessToken(crypto.randomUUID()), device: await createDeviceKey() })));
  const ready: Array<Voter & { solution: Solution }> = [];
  await pool(voters, async (voter) => {
    const { status, body } = await post("voter.registerDevice", voter, { jwk: voter.device.publicJwk });
    if (status !== 200) throw new Error(`registering a device answered ${status}`);
    voter.deviceToken = (body as { result: { data: { deviceToken: string } } }).result.data.deviceToken;
    // Asked signed in, as the SDK does: the challenge is the voter's own (no single-use write on the cast).
    const challenge = (await (await fetch(`${api}/trpc/humanCheck.challenge`, { headers: { ...headers, authorization: `Bearer ${voter.token}` } })).json()) as {
      result: { data: Parameters<typeof solveChallenge>[0] };
    };
    ready.push({ ...voter, solution: (await solveChallenge(challenge.result.data))! });
  });
  return ready;
}

async function apiRound(): Promise<number> {
  const voters = await prepareVoters(VOTES_PER_ROUND);
  // Requests are made (and their proofs signed) before the clock starts: the client shares the machine.
  const url = `${api}/trpc/voter.cast`;
  const requests = await Promise.all(
    voters.map(async (voter) => {
      const input = { electionId: DEMO_ELECTION_ID, idempotencyKey: `bench-${crypto.randomUUID()}`, ballot, humanCheck: voter.solution };
      const dpop = await createProof(voter.device, { method: "POST", url, accessToken: voter.token, input });
      return { headers: { ...headers, authorization: `Bearer ${voter.token}`, dpop, "x-device-token": voter.deviceToken! }, body: JSON.stringify(input) };
    }),
  );
  let failures = 0;
  const started = performance.now();
  await pool(requests, async (request) => {
    const response = await fetch(url, { method: "POST", ...request });
    await response.arrayBuffer();
    if (response.status !== 200) failures += 1;
  });
  const seconds = (performance.now() - started) / 1000;
  if (failures > 0) throw new Error(`${failures} casts failed`);
  return VOTES_PER_ROUND / seconds;
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
} finally {
  service.kill("SIGTERM");
  dynamodb.destroy();
  await servers.stop();
  rmSync(scratch, { recursive: true, force: true });
}

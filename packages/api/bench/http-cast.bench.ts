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
import { Agent } from "node:http";
import { fileURLToPath } from "node:url";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { createLocalJWKSet, decodeJwt, EmbeddedJWK, jwtVerify } from "jose";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbElectionCopies, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import { nodeKeys, readKeyFile } from "@landslide/vote-engine/node-crypto";
import { connectControlPlane, ElectionsRepository } from "@landslide/vote-engine/postgres";
import { jwksUrl } from "../src/index";
import { createDeviceKey, createProof } from "../src/client/index";
import {
  BENCH_BALLOT,
  castTraffic,
  describeRefusals,
  median,
  metricValue,
  percentile,
  serviceMetrics,
} from "./cast-traffic";
import { serviceEntryPoints } from "../src/services/index";
import { startBenchStack } from "./bench-stack";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const VOTES_PER_ROUND = Number(process.env.BENCH_VOTES_PER_ROUND ?? 600);
const CONCURRENCY = 32;
const MULTI_CASTS = Number(process.env.BENCH_MULTI_CASTS ?? 10_000);
const MULTI_CHUNK = 1000;
const BURST = Number(process.env.BENCH_BURST ?? 5000);

const { target, provisioned, keysFile, issuer, startVoteApi, stop } = await startBenchStack("bench");
const clientId = provisioned.clientIds["voter-web"];

// BENCH_CPU_PROFILE=<dir> writes the vote API's CPU profile there when the bench ends (docs/performance/).
const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
const { port, api, service } = await startVoteApi([
  ...profile,
  "--import",
  "tsx",
  fileURLToPath(serviceEntryPoints["vote-api"]),
]);

const { accessToken, prepareVoters, castRequests, postCast, sendCasts, pool } = castTraffic({
  api,
  issuer,
  clientId,
  concurrency: CONCURRENCY,
});

/** The vote API's own time answering casts so far (its request histogram): where a cast's time goes, inside the API or before it. */
async function serverCastSeconds(): Promise<{ sum: number; count: number }> {
  const text = await serviceMetrics(port);
  const read = (series: string) =>
    metricValue(text, `landslide_http_request_duration_seconds_${series}`, 'route="/trpc/voter.cast"') || 0;
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
  console.log(
    `  a cast took ${seen.toFixed(1)} ms as the client saw it, ${inside.toFixed(1)} ms inside the vote API (mean)`,
  );
  return VOTES_PER_ROUND / outcomes.seconds;
}

// The floor, at the same concurrency against the same DynamoDB Local.
const dynamodb = createDynamoDbClient({ region: target.region, endpoint: target.dynamodbEndpoint });
const jwks = createLocalJWKSet(
  (await (await fetch(jwksUrl(issuer))).json()) as Parameters<typeof createLocalJWKSet>[0],
);
async function bareRound(): Promise<number> {
  const voters = await Promise.all(
    Array.from({ length: VOTES_PER_ROUND }, async () => {
      const voter = { token: await accessToken(crypto.randomUUID()), device: await createDeviceKey() };
      return {
        ...voter,
        proof: await createProof(voter.device, {
          method: "POST",
          url: `${api}/trpc/voter.cast`,
          accessToken: voter.token,
          input: BENCH_BALLOT,
        }),
      };
    }),
  );
  const started = performance.now();
  await pool(voters, async (voter) => {
    const { payload } = await jwtVerify(voter.token, jwks, { issuer });
    await jwtVerify(voter.proof, EmbeddedJWK, { typ: "dpop+jwt" });
    await dynamodb.send(
      new PutItemCommand({
        TableName: provisioned.tables.votes,
        Item: {
          pk: { S: `BARE#${payload.sub}` },
          sk: { S: "VOTE" },
          ballot: { S: JSON.stringify(BENCH_BALLOT) },
          receipt: { S: "r".repeat(400) },
        },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  });
  return VOTES_PER_ROUND / ((performance.now() - started) / 1000);
}

/** Open elections beside the demo one, with its questions, stored and published as the control API does. */
async function moreElections(n: number): Promise<string[]> {
  const control = connectControlPlane(target.databaseUrl);
  try {
    const repository = new ElectionsRepository(control.db);
    const demo = (await repository.get(DEMO_ELECTION_ID))!;
    const copies = new DynamoDbElectionCopies(dynamodb, provisioned.tables.elections);
    return await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const stored = await repository.insert({
          ...demo,
          id: crypto.randomUUID(),
          title: `Bench election ${i + 2}`,
          status: "open",
        });
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
  return metricValue(await serviceMetrics(port), "process_resident_memory_bytes") / 1e6;
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
  const sampler = setInterval(
    () =>
      void serviceRssMb().then(
        (mb) => (peak = Math.max(peak, mb)),
        () => undefined,
      ),
    100,
  );
  const started = performance.now();
  const answers = await Promise.all(
    requests.map((request) =>
      postCast(request, ownSockets).then(
        (response) => ({ ms: performance.now() - started, status: response.status, retryAfter: response.retryAfter }),
        () => ({ ms: performance.now() - started, status: 0, retryAfter: undefined }),
      ),
    ),
  );
  clearInterval(sampler);
  const accepted = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
  const shed = answers.filter((a) => a.status === 503 && a.retryAfter !== undefined).length;
  const other = answers.length - accepted.length - shed;
  const latest = Math.max(...answers.map((a) => a.ms));
  const store = new DynamoDbVoteStore(dynamodb, provisioned.tables.votes);
  const keys = nodeKeys(readKeyFile(keysFile));
  const stored = await Promise.all(
    accepted.map((i) => store.get(DEMO_ELECTION_ID, keys.voterKey(String(decodeJwt(voters[i]!.token).sub)))),
  );
  const lost = stored.filter((vote) => vote === undefined).length;
  console.log(
    `\nburst of ${BURST.toLocaleString("en-US")} casts at once: ${accepted.length} accepted, ${shed} shed (503 + Retry-After), ${other} other; ` +
      `last answer after ${latest.toFixed(0)} ms (aim: every one within 2,000 ms), accepted answered p50 ${percentile(
        accepted.map((i) => answers[i]!.ms),
        0.5,
      ).toFixed(0)} ms; ` +
      `vote API memory ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most; ${lost} accepted casts not stored (aim: 0)`,
  );
}

try {
  // Warm-up of both: the JIT (Node's and DynamoDB Local's Java), the JWKS cache, connection pools.
  await apiRound();
  await bareRound();
  const apiRates: number[] = [];
  const bareRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    apiRates.push(await apiRound());
    bareRates.push(await bareRound());
    console.log(
      `round ${round + 1}: API ${apiRates.at(-1)!.toFixed(0)} votes/s, bare work ${bareRates.at(-1)!.toFixed(0)}/s, ratio ${((apiRates.at(-1)! / bareRates.at(-1)!) * 100).toFixed(0)}%`,
    );
  }
  const [apiRate, bareRate] = [median(apiRates), median(bareRates)];
  console.log(
    `\nvotes through HTTP on one vote-API process: ${apiRate.toFixed(0)}/s (median of ${ROUNDS} rounds of ${VOTES_PER_ROUND}, ${CONCURRENCY} in flight)`,
  );
  console.log(`bare unavoidable work (JWT verify + ECDSA verify + conditional put): ${bareRate.toFixed(0)}/s`);
  const pairedRatio = median(apiRates.map((rate, i) => rate / bareRates[i]!));
  console.log(
    `ratio: ${(pairedRatio * 100).toFixed(0)}% (median of the rounds' own ratios; ratio of medians ${((apiRate / bareRate) * 100).toFixed(0)}%; aim: at least 60%)`,
  );

  // Latency at 70% of what the API just showed it can take: paced, so queueing is the API's own.
  const paceRate = 0.7 * apiRate;
  const paced = await sendCasts(
    await castRequests(await prepareVoters(Math.round(paceRate * 10)), () => DEMO_ELECTION_ID),
    paceRate,
  );
  if (paced.refused.size > 0) console.log(`paced casts refused: ${describeRefusals(paced.refused)}`);
  console.log(
    `\nlatency at 70% of that (${paceRate.toFixed(0)} casts/s for 10 s): p50 ${percentile(paced.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(paced.latencies, 0.99).toFixed(1)} ms (aim: p99 < 100 ms on DynamoDB Local)`,
  );

  // Four elections at once, every cast valid: any refusal is a wrong one.
  // In chunks, each signed just before it is sent: a device proof is good for a minute.
  const elections = [DEMO_ELECTION_ID, ...(await moreElections(3))];
  const refused = new Map<string, number>();
  let seconds = 0;
  for (let done = 0; done < MULTI_CASTS; done += MULTI_CHUNK) {
    const chunk = await sendCasts(
      await castRequests(
        await prepareVoters(Math.min(MULTI_CHUNK, MULTI_CASTS - done)),
        (i) => elections[(done + i) % elections.length]!,
      ),
    );
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
  await stop();
}

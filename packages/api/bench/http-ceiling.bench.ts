/**
 * The vote API's own ceiling per core, with votes kept in memory, beside the bare cryptography
 * a cast cannot avoid, measured in the same run:
 *
 *   npm run bench:ceiling -w packages/api
 *
 * API: casts answered per CPU-second the vote-API process spent (all its threads, from its own
 * `process_cpu_seconds_total`), so the load generator on the same cores does not count against it.
 * Bare: the same casts' unavoidable cryptography per CPU-second of one thread, in this process with
 * node:crypto and keys imported once (CPU time, so other work on the machine does not count): verify the access token (RS256), verify the device proof (ES256), derive the
 * voter key (HMAC-SHA-256) and sign the receipt (Ed25519). Rounds alternate the two; medians are
 * reported. Then casts are paced at 70% of the API's rate for 10 s and their latency reported.
 *
 * Beside both, the same requests sent to a bare node:http handler doing only that cryptography
 * (bare-http-cast.ts), counted per CPU-second of its process the same way: the share of the bare
 * cryptography's rate that any Node HTTP service could keep, whatever its framework.
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { jwksUrl } from "../src/index";
import { createDeviceKey, createProof } from "../src/client/index";
import { startBenchStack } from "./bench-stack";
import {
  BENCH_BALLOT,
  castTraffic,
  describeRefusals,
  median,
  metricValue,
  percentile,
  serviceMetrics,
} from "./cast-traffic";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CASTS_PER_ROUND = Number(process.env.BENCH_VOTES_PER_ROUND ?? 1500);
const CONCURRENCY = 32;

const { provisioned, issuer, startVoteApi, stop } = await startBenchStack("ceiling");
// BENCH_CPU_PROFILE=<dir>: the vote API writes a CPU profile of each round's casts there (cast-phase-profiler.ts).
const { port, api, service } = await startVoteApi(
  ["--import", "tsx", fileURLToPath(new URL("./vote-api-in-memory.ts", import.meta.url))],
  process.env.BENCH_CPU_PROFILE ? { BENCH_CPU_PROFILE: process.env.BENCH_CPU_PROFILE } : {},
);
const traffic = castTraffic({ api, issuer, clientId: provisioned.clientIds["voter-web"], concurrency: CONCURRENCY });

const cpuSeconds = async () => metricValue(await serviceMetrics(port), "process_cpu_seconds_total");

/** One closed-loop round: casts per CPU-second of the vote API, and per second of wall time. */
async function apiRound(): Promise<{ perCpuSecond: number; perSecond: number }> {
  const requests = await traffic.castRequests(await traffic.prepareVoters(CASTS_PER_ROUND), () => DEMO_ELECTION_ID);
  const profiling = process.env.BENCH_CPU_PROFILE !== undefined;
  if (profiling) service.kill("SIGUSR2");
  const before = await cpuSeconds();
  const outcomes = await traffic.sendCasts(requests);
  const spent = (await cpuSeconds()) - before;
  if (profiling) service.kill("SIGUSR2");
  if (outcomes.refused.size > 0) throw new Error(`casts refused: ${describeRefusals(outcomes.refused)}`);
  return { perCpuSecond: CASTS_PER_ROUND / spent, perSecond: CASTS_PER_ROUND / outcomes.seconds };
}

// The bare work's inputs, made the way the voters' are: a real access token under the pool's key, a real device proof.
const jwks = (await (await fetch(jwksUrl(issuer))).json()) as { keys: JsonWebKey[] };
const poolKey = createPublicKey({ key: jwks.keys[0]!, format: "jwk" });
const voterKeySecret = new Uint8Array(32);
const receiptKey: KeyObject = createPrivateKey(
  generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
);
const jws = (token: string) => {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  return {
    input: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, "base64url"),
    header: JSON.parse(Buffer.from(header, "base64url").toString()) as { jwk?: JsonWebKey },
  };
};

async function bareRound(): Promise<number> {
  const casts = await Promise.all(
    Array.from({ length: CASTS_PER_ROUND }, async () => {
      const token = await traffic.accessToken(crypto.randomUUID());
      const proof = jws(
        await createProof(await createDeviceKey(), {
          method: "POST",
          url: `${api}/trpc/voter.cast`,
          accessToken: token,
          input: BENCH_BALLOT,
        }),
      );
      return {
        token: jws(token),
        proof,
        deviceKey: createPublicKey({ key: proof.header.jwk!, format: "jwk" }),
        receipt: Buffer.from(`landslide-receipt-v2\n${"0".repeat(300)}`),
      };
    }),
  );
  // CPU time, not wall time: the same measure as the two services', and blind to whatever else
  // the machine runs meanwhile (the loop is synchronous, so the time is this thread's work).
  const started = process.cpuUsage();
  for (const cast of casts) {
    if (!verify("sha256", cast.token.input, poolKey, cast.token.signature))
      throw new Error("the access token did not verify");
    if (!verify("sha256", cast.proof.input, { key: cast.deviceKey, dsaEncoding: "ieee-p1363" }, cast.proof.signature))
      throw new Error("the device proof did not verify");
    createHmac("sha256", voterKeySecret).update(cast.token.input.subarray(0, 64)).digest("base64url");
    sign(null, cast.receipt, receiptKey);
  }
  const { user, system } = process.cpuUsage(started);
  return CASTS_PER_ROUND / ((user + system) / 1e6);
}

// The bare handler, sent the same signed requests (it keeps nothing, so one set serves every round).
const bareHttp = fork(fileURLToPath(new URL("./bare-http-cast.ts", import.meta.url)), [jwksUrl(issuer).toString()], {
  execArgv: ["--import", "tsx"],
});
const bareHttpBase = `http://127.0.0.1:${(await once(bareHttp, "message"))[0] as number}`;
const bareHttpRequests = await traffic.castRequests(
  await traffic.prepareVoters(CASTS_PER_ROUND),
  () => DEMO_ELECTION_ID,
);
const bareHttpCpu = async () =>
  ((await (await fetch(`${bareHttpBase}/cpu`)).json()) as { cpuSeconds: number }).cpuSeconds;

/** Casts per CPU-second of the bare handler's process. */
async function bareHttpRound(): Promise<number> {
  const before = await bareHttpCpu();
  const outcomes = await traffic.sendCasts(bareHttpRequests, undefined, bareHttpBase);
  if (outcomes.refused.size > 0) throw new Error(`bare handler refused: ${describeRefusals(outcomes.refused)}`);
  return CASTS_PER_ROUND / ((await bareHttpCpu()) - before);
}

/**
 * A few casts one at a time before any crowd: a cold task's first crowd finds no copy of the
 * election yet, and its loop, busy with the crowd's cold (unoptimised) token checks, takes ~2 s
 * to hear the read's answer; the casts then refuse to be judged by a copy that old (503
 * ELECTION_STATE_STALE, which the SDK retries). A deployment's task meets its first voters warm
 * in the same way, after the load balancer's health checks.
 */
async function warmUp(): Promise<void> {
  for (const request of await traffic.castRequests(await traffic.prepareVoters(8), () => DEMO_ELECTION_ID))
    await traffic.postCast(request);
}

try {
  await warmUp();
  await apiRound(); // warm-up: the JIT, the JWKS cache
  await bareRound();
  await bareHttpRound();
  const rounds: Array<{ api: number; wall: number; bare: number; bareHttp: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { perCpuSecond, perSecond } = await apiRound();
    const bare = await bareRound();
    const bareHttp = await bareHttpRound();
    rounds.push({ api: perCpuSecond, wall: perSecond, bare, bareHttp });
    console.log(
      `round ${round + 1}: API ${perCpuSecond.toFixed(0)} casts per CPU-second (${perSecond.toFixed(0)}/s wall), bare crypto ${bare.toFixed(0)} per CPU-second, ratio ${((perCpuSecond / bare) * 100).toFixed(0)}%; bare HTTP handler ${bareHttp.toFixed(0)} per CPU-second, ${((bareHttp / bare) * 100).toFixed(0)}%`,
    );
  }
  const ratio = median(rounds.map((r) => r.api / r.bare));
  console.log(
    `\nvote API, votes in memory: ${median(rounds.map((r) => r.api)).toFixed(0)} casts per CPU-second (median of ${ROUNDS} rounds of ${CASTS_PER_ROUND}, ${CONCURRENCY} in flight)`,
  );
  console.log(
    `bare cryptography (RS256 + ES256 verify, HMAC, Ed25519 sign): ${median(rounds.map((r) => r.bare)).toFixed(0)} casts per CPU-second`,
  );
  console.log(`ratio: ${(ratio * 100).toFixed(0)}% (median of the rounds' own ratios; aim: at least 60%)`);
  console.log(
    `a bare node:http handler doing only that cryptography: ${median(rounds.map((r) => r.bareHttp)).toFixed(0)} casts per CPU-second, ${(median(rounds.map((r) => r.bareHttp / r.bare)) * 100).toFixed(0)}% of the bare cryptography; the vote API keeps ${(median(rounds.map((r) => r.api / r.bareHttp)) * 100).toFixed(0)}% of the bare handler's rate`,
  );

  const paceRate = 0.7 * median(rounds.map((r) => r.wall));
  const paced = await traffic.sendCasts(
    await traffic.castRequests(await traffic.prepareVoters(Math.round(paceRate * 10)), () => DEMO_ELECTION_ID),
    paceRate,
  );
  if (paced.refused.size > 0) console.log(`paced casts refused: ${describeRefusals(paced.refused)}`);
  console.log(
    `\nlatency at 70% of the API's rate (${paceRate.toFixed(0)} casts/s for 10 s): p50 ${percentile(paced.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(paced.latencies, 0.99).toFixed(1)} ms (aim: p99 < 25 ms with votes in memory)`,
  );
} finally {
  bareHttp.kill("SIGTERM");
  service.kill("SIGTERM");
  await stop();
}

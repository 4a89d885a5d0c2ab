/**
 * How much the engine adds to the work a cast cannot avoid.
 *
 *   npm run bench -w packages/vote-engine
 *
 * Prints casts per second through castVote on the in-memory store, the bare unavoidable work in
 * the same process (HMAC of the voter key + Ed25519 receipt signature), their ratio, and then
 * casts per second on DynamoDB Local. It also casts in an election that shuffles each voter's
 * options (option-order.ts), whose receipts carry the drawn order: its cost over the as-listed
 * election's. Rounds alternate the three so that drift in the machine's speed hits all alike;
 * medians are reported.
 */
import { freePort, startDynamoDbLocal } from "@landslide/local-stack";
import { createDynamoDbClient, DynamoDbVoteStore, ensureTables } from "../src/adapters/dynamodb";
import { InMemoryElections, InMemoryVoteStore } from "../src/adapters/memory";
import { generateKeyMaterial, nodeEntropy, nodeKeys } from "../src/adapters/node-crypto";
import { castVote, type CastVoteDependencies, demoElection, type VoteStore } from "../src/index";

const ROUNDS = 7;
const CASTS_PER_ROUND = 4000;
const DYNAMODB_CASTS = 3000;
const DYNAMODB_CONCURRENCY = 32;

const election = demoElection({ now: () => new Date(Date.now() - 60_000) });
const shuffled = { ...election, id: "5c0f4a8e-2b7d-4c61-9e3f-8a1d2b3c4d5e", optionOrder: "shuffled" as const };
const keys = nodeKeys(generateKeyMaterial());
const ballot = {
  answers: {
    mascot: { choices: ["fox"] },
    parks: { choices: ["hilltop", "riverside"] },
    "council-chair": { choices: ["ada", "chen", "bruno"] },
  },
};
const deps = (votes: VoteStore): CastVoteDependencies => ({
  elections: new InMemoryElections([election, shuffled]),
  votes,
  keys,
  entropy: nodeEntropy,
  clock: { now: () => new Date() },
});

let run = 0;
async function engineRound(electionId = election.id): Promise<number> {
  const d = deps(new InMemoryVoteStore());
  const prefix = `r${run++}`;
  const started = performance.now();
  for (let i = 0; i < CASTS_PER_ROUND; i++) {
    const result = await castVote(d, {
      electionId,
      subject: `${prefix}-${i}`,
      idempotencyKey: `bench-key-${prefix}-${i}`.padEnd(16, "0"),
      ballot,
    });
    if (!result.ok) throw new Error(result.error.code);
  }
  return CASTS_PER_ROUND / ((performance.now() - started) / 1000);
}

// The floor: what any implementation must do per vote (a receipt payload of the same size).
async function bareRound(): Promise<number> {
  const prefix = `b${run++}`;
  const payload = `landslide-receipt-v2\n${"0".repeat(32)}\n${election.id}\n${new Date().toISOString()}\n${"0".repeat(64)}\nkeyid\n${"0".repeat(64)}`;
  const started = performance.now();
  for (let i = 0; i < CASTS_PER_ROUND; i++) {
    keys.voterKey(`${prefix}-${i}`);
    keys.signReceipt(payload);
    await Promise.resolve();
  }
  return CASTS_PER_ROUND / ((performance.now() - started) / 1000);
}

async function dynamoDbRate(): Promise<number> {
  const server = await startDynamoDbLocal({ port: await freePort(), dataDir: null });
  const client = createDynamoDbClient({ region: "eu-west-1", endpoint: server.endpoint });
  try {
    const { names } = await ensureTables(client, "bench");
    const d = deps(new DynamoDbVoteStore(client, names.votes));
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: DYNAMODB_CONCURRENCY }, async () => {
        while (next < DYNAMODB_CASTS) {
          const i = next++;
          const result = await castVote(d, {
            electionId: election.id,
            subject: `ddb-${i}`,
            idempotencyKey: `bench-ddb-key-${i}`.padEnd(16, "0"),
            ballot,
          });
          if (!result.ok) throw new Error(result.error.code);
        }
      }),
    );
    return DYNAMODB_CASTS / ((performance.now() - started) / 1000);
  } finally {
    client.destroy();
    await server.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

await engineRound(); // warm-up: JIT and key objects
await engineRound(shuffled.id);
await bareRound();
const engine: number[] = [];
const bare: number[] = [];
const ratios: number[] = [];
const shuffledRatios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const e = await engineRound();
  const s = await engineRound(shuffled.id);
  const b = await bareRound();
  engine.push(e);
  bare.push(b);
  ratios.push(b / e);
  shuffledRatios.push(e / s);
}
console.log(
  `cast, in-memory store     ${fmt(median(engine))} casts/s  (median of ${ROUNDS} rounds of ${CASTS_PER_ROUND})`,
);
console.log(`bare work (HMAC + Ed25519) ${fmt(median(bare))} casts/s`);
console.log(
  `engine cost / bare cost    ${median(ratios).toFixed(3)}  (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)}; target <= 1.25)`,
);
console.log(
  `shuffled cost / as listed  ${median(shuffledRatios).toFixed(3)}  (drawing and signing each voter's option order; min ${Math.min(...shuffledRatios).toFixed(3)}, max ${Math.max(...shuffledRatios).toFixed(3)})`,
);
console.log(
  `cast, DynamoDB Local       ${fmt(await dynamoDbRate())} casts/s  (${DYNAMODB_CASTS} casts, ${DYNAMODB_CONCURRENCY} in flight)`,
);

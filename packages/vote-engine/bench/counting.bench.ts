/**
 * What each counting method costs on 100,000 ballots, beside instant runoff (the method the
 * platform counted with before there was a choice).
 *
 *   npm run bench:counting -w packages/vote-engine                     # 100,000 ballots
 *   COUNT_BALLOTS=20000 npm run bench:counting -w packages/vote-engine
 *
 * One random electorate (seeded, so every run counts the same ballots): 8 options, each voter
 * ranking a random 1 to 8 of them in a random order (one in ten moves oak to the top, so that
 * the count is a race, not a dead heat), with a score per option from that ranking
 * for score and STAR and the top choice (or the top three, for approval) for the choice methods.
 * Rounds alternate methods so that drift in the machine's speed hits all alike; the median wall
 * time is reported with its ratio to instant runoff's, and the heap the count left allocated.
 */
import {
  countingMethods,
  type CountInput,
  type Marks,
  type MethodName,
  optionOrderTieBreaker,
} from "../src/tally/counting";

const BALLOTS = Number(process.env.COUNT_BALLOTS ?? 100_000);
const ROUNDS = Number(process.env.COUNT_ROUNDS ?? 5);
if (!Number.isInteger(BALLOTS) || BALLOTS < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error("COUNT_BALLOTS and COUNT_ROUNDS: whole numbers >= 1");

const options = ["ash", "birch", "cedar", "elm", "fir", "hazel", "larch", "oak"];
const SEATS: Record<MethodName, number> = {
  plurality: 1,
  approval: 3,
  "instant-runoff": 1,
  "stv-meek": 3,
  "stv-scottish": 3,
  schulze: 1,
  "ranked-pairs": 1,
  score: 1,
  star: 1,
  borda: 1,
};

// mulberry32: a small seeded generator, so the electorate is the same on every run.
let state = 0x5eed;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// Fisher–Yates, with a lean towards the options listed later (a race, not a dead heat).
const rankings = Array.from({ length: BALLOTS }, () => {
  const shuffled = [...options];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  if (random() < 0.1) shuffled.unshift(...shuffled.splice(shuffled.indexOf("oak"), 1));
  return shuffled.slice(0, 1 + Math.floor(random() * options.length));
});

function marksFor(method: MethodName, ranking: readonly string[]): Marks {
  const kind = countingMethods[method].marks;
  if (kind === "ranking") return { ranking };
  if (kind === "scores") return { scores: Object.fromEntries(ranking.map((id, i) => [id, Math.max(0, 5 - i)])) };
  return { choices: ranking.slice(0, method === "approval" ? 3 : 1) };
}

const inputs = new Map(
  (Object.keys(countingMethods) as MethodName[]).map((method): [MethodName, CountInput] => [
    method,
    {
      options,
      seats: SEATS[method],
      ballots: rankings.map((ranking) => ({ marks: marksFor(method, ranking), weight: 1 })),
      tieBreaker: optionOrderTieBreaker(options),
      scoreRange: { min: 0, max: 5 },
    },
  ]),
);

const times = new Map<MethodName, number[]>();
const heap = new Map<MethodName, number>();
const winners = new Map<MethodName, readonly string[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [method, input] of inputs) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const from = performance.now();
    const result = (countingMethods[method].count as (input: CountInput) => { winners: readonly string[] })(input);
    times.set(method, [...(times.get(method) ?? []), performance.now() - from]);
    heap.set(method, Math.max(heap.get(method) ?? 0, process.memoryUsage().heapUsed - heapBefore));
    winners.set(method, result.winners);
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const baseline = median(times.get("instant-runoff")!);
console.log(`${BALLOTS.toLocaleString("en")} ballots, ${options.length} options, median of ${ROUNDS} rounds`);
console.log("method          seats   median ms   × IRV   heap MB   winners");
for (const [method, samples] of times) {
  const ms = median(samples);
  console.log(
    [
      method.padEnd(15),
      String(SEATS[method]).padStart(5),
      ms.toFixed(1).padStart(11),
      (ms / baseline).toFixed(2).padStart(7),
      (heap.get(method)! / 1e6).toFixed(1).padStart(9),
      `   ${winners.get(method)!.join(", ")}`,
    ].join(""),
  );
}

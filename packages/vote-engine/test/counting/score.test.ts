import { describe, expect, it } from "vitest";
import type { CountInput } from "../../src/tally/counting/counting-method";
import { scoreVoting, type ScoreMarks } from "../../src/tally/counting/score";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { referenceScore } from "./reference/score-reference";

const tennessee = ["memphis", "nashville", "chattanooga", "knoxville"];

/** A ballot scoring the options in `order` with `scores`, counted `weight` times. */
const scored = (weight: number, scores: Record<string, number>) => ({ marks: { scores }, weight });

function count(input: Partial<CountInput<ScoreMarks>> & Pick<CountInput<ScoreMarks>, "options" | "ballots">) {
  return scoreVoting.count({
    seats: 1,
    tieBreaker: optionOrderTieBreaker(input.options),
    scoreRange: { min: 0, max: 5 },
    ...input,
  });
}

describe("score voting", () => {
  // Wikipedia, "Score voting", section "Example": the Tennessee capital election, each voter
  // scoring the four cities 0 to 10 by distance (42% Memphis voters: Memphis 10, Nashville 4,
  // Chattanooga 2, Knoxville 0; 26% Nashville voters: 0, 10, 4, 2; 15% Chattanooga voters: 0, 6,
  // 10, 6; 17% Knoxville voters: 0, 5, 7, 10; transcribed as in endolith/elsim,
  // tests/test_score.py). The article elects Nashville; over 100 voters these ballots total
  // Memphis 420, Nashville 603, Chattanooga 457, Knoxville 312 (averages 4.20, 6.03, 4.57, 3.12).
  const wikipediaBallots = [
    scored(42, { memphis: 10, nashville: 4, chattanooga: 2, knoxville: 0 }),
    scored(26, { memphis: 0, nashville: 10, chattanooga: 4, knoxville: 2 }),
    scored(15, { memphis: 0, nashville: 6, chattanooga: 10, knoxville: 6 }),
    scored(17, { memphis: 0, nashville: 5, chattanooga: 7, knoxville: 10 }),
  ];

  it("reproduces Wikipedia's Tennessee example (Nashville wins)", () => {
    const result = count({ options: tennessee, ballots: wikipediaBallots, scoreRange: { min: 0, max: 10 } });
    expect(result).toEqual({
      method: "score",
      seats: 1,
      rounds: [
        {
          round: 1,
          tallies: { memphis: 420, nashville: 603, chattanooga: 457, knoxville: 312 },
          elected: ["nashville"],
          eliminated: [],
        },
      ],
      winners: ["nashville"],
      tieBreaks: [],
      abstentions: 0,
    });
  });

  it("counts the same whether identical ballots come grouped or one by one", () => {
    const oneByOne = wikipediaBallots.flatMap((b) => Array.from({ length: b.weight }, () => ({ ...b, weight: 1 })));
    const grouped = count({ options: tennessee, ballots: wikipediaBallots, scoreRange: { min: 0, max: 10 }, seats: 2 });
    const single = count({ options: tennessee, ballots: oneByOne, scoreRange: { min: 0, max: 10 }, seats: 2 });
    expect(single).toEqual(grouped);
    expect(grouped.winners).toEqual(["nashville", "chattanooga"]);
  });

  it("scores a left-out option at the minimum, and counts a ballot scoring nothing as an abstention", () => {
    const result = count({
      options: ["a", "b", "c"],
      scoreRange: { min: -2, max: 2 },
      ballots: [
        scored(3, { a: 2 }), // b and c left out: -2 each
        scored(2, { b: 1, c: -1 }), // a left out: -2
        scored(4, {}), // nothing at all
        scored(1, { a: -2, b: -2 }), // only minimums, the same as nothing
      ],
    });
    expect(result.rounds[0]!.tallies).toEqual({ a: 6 - 4, b: -6 + 2, c: -6 - 2 });
    expect(result.abstentions).toBe(5);
    expect(result.winners).toEqual(["a"]);
  });

  it("elects every option tied within the seats without a tie break", () => {
    const result = count({
      options: ["a", "b", "c"],
      seats: 2,
      ballots: [scored(1, { a: 5, b: 5, c: 1 })],
    });
    expect(result.winners).toEqual(["a", "b"]);
    expect(result.tieBreaks).toEqual([]);
  });

  it("breaks a tie at the seat boundary by the election's tie breaker and records it", () => {
    const options = ["a", "b", "c", "d"];
    const ballots = [scored(2, { a: 5, b: 3, c: 3, d: 1 }), scored(1, { b: 1, c: 1, d: 5 })];
    // a 10, b 7, c 7, d 7: b, c and d tie for the last of two seats.
    const byOrder = count({ options, ballots, seats: 2 });
    expect(byOrder.winners).toEqual(["a", "b"]);
    expect(byOrder.tieBreaks).toEqual([
      {
        round: 1,
        deciding: "the last of 2 seats",
        between: ["b", "c", "d"],
        chosen: ["b"],
        rule: "option-order",
        explanation:
          "b, c and d tied with 7 points each for the last of 2 seats; by the ballot order (the option listed first is favoured), b is elected.",
      },
    ]);
    const byDraw = count({ options, ballots, seats: 2, tieBreaker: recordedDrawTieBreaker(["d", "c", "b", "a"]) });
    expect(byDraw.winners).toEqual(["a", "d"]);
    expect(byDraw.tieBreaks[0]).toMatchObject({ chosen: ["d"], rule: "recorded-draw" });
  });

  it("never elects an option nobody scored above the minimum", () => {
    const result = count({ options: ["a", "b", "c"], seats: 3, ballots: [scored(1, { a: 4, b: 1, c: 0 })] });
    expect(result.winners).toEqual(["a", "b"]);
    expect(result.rounds[0]!.tallies).toEqual({ a: 4, b: 1, c: 0 });
  });

  it("elects no one when every ballot abstains", () => {
    const result = count({ options: ["a", "b"], ballots: [scored(3, {})] });
    expect(result).toMatchObject({ winners: [], abstentions: 3, tieBreaks: [] });
    expect(result.rounds[0]!.tallies).toEqual({ a: 0, b: 0 });
  });

  it("refuses bad ballots and a bad question", () => {
    const options = ["a", "b"];
    expect(() => count({ options, ballots: [scored(1, { a: 2.5 })] })).toThrow(/not a whole number/);
    // Marks the types forbid, after a good ballot they might be mistaken for when grouping.
    const untyped = (scores: unknown) => ({ marks: { scores } as ScoreMarks, weight: 1 });
    expect(() => count({ options, ballots: [scored(1, {}), untyped({ a: undefined })] })).toThrow(/not a whole number/);
    expect(() => count({ options, ballots: [scored(1, { a: 5 }), untyped({ a: "5" })] })).toThrow(/not a whole number/);
    expect(() => count({ options, ballots: [untyped(null)] })).toThrow(/has no scores/);
    expect(() => count({ options, ballots: [scored(1, { a: 6 })] })).toThrow(/outside the range 0 to 5/);
    expect(() => count({ options, ballots: [scored(1, { a: -1 })] })).toThrow(/outside the range/);
    expect(() => count({ options, ballots: [scored(1, { z: 1 })] })).toThrow(/unknown option "z"/);
    expect(() => count({ options, ballots: [scored(0, { a: 1 })] })).toThrow(/weight must be a positive integer/);
    expect(() => count({ options, ballots: [scored(1.5, { a: 1 })] })).toThrow(/weight/);
    expect(() => count({ options, ballots: [], scoreRange: undefined })).toThrow(/needs the question's score range/);
    expect(() => count({ options, ballots: [], scoreRange: { min: 3, max: 3 } })).toThrow(/minimum below the maximum/);
    expect(() => count({ options, ballots: [], seats: 0 })).toThrow(/seats must be a positive integer/);
    expect(() => count({ options: ["a", "a"], ballots: [] })).toThrow(/listed twice/);
  });

  it("refuses totals past exact integer arithmetic", () => {
    const huge = Number.MAX_SAFE_INTEGER;
    expect(() => count({ options: ["a"], ballots: [scored(huge, { a: 5 })] })).toThrow(/exact integer/);
  });

  it("agrees with the independent reference on 300 seeded random elections", () => {
    const random = mulberry32(20240611);
    let tied = 0;
    for (let election = 0; election < 300; election++) {
      const { options, ballots, range } = randomElection(random);
      const seats = 1 + Math.floor(random() * options.length);
      const tieBreaker =
        election % 2 === 0 ? optionOrderTieBreaker(options) : recordedDrawTieBreaker(shuffled(options, random));
      const result = scoreVoting.count({ options, seats, ballots, tieBreaker, scoreRange: range });
      const expected = referenceScore({ options, ballots, range, seats, tieBreaker });
      const label = `election ${election}`;
      expect(result.rounds[0]!.tallies, label).toEqual(expected.totals);
      expect(result.winners, label).toEqual(expected.winners);
      expect(result.rounds[0]!.elected, label).toEqual(expected.winners);
      expect(result.abstentions, label).toBe(expected.abstentions);
      for (const tie of result.tieBreaks)
        expect(expected.winners, label).toEqual(expect.arrayContaining([...tie.chosen]));
      tied += result.tieBreaks.length > 0 ? 1 : 0;
    }
    // The generator is meant to make ties common; make sure it does, or the comparison proves little.
    expect(tied).toBeGreaterThan(30);
  });

  it("counts 100,000 ballots quickly and exactly", () => {
    const random = mulberry32(7);
    const options = ["a", "b", "c", "d", "e", "f"];
    const range = { min: 0, max: 5 };
    const ballots = Array.from({ length: 100_000 }, () => ({ marks: randomScores(random, options, range), weight: 1 }));
    const tieBreaker = optionOrderTieBreaker(options);
    const started = performance.now();
    const result = scoreVoting.count({ options, seats: 2, ballots, tieBreaker, scoreRange: range });
    const elapsed = performance.now() - started;
    const expected = referenceScore({ options, ballots, range, seats: 2, tieBreaker });
    expect(result.rounds[0]!.tallies).toEqual(expected.totals);
    expect(result.winners).toEqual(expected.winners);
    // Generous, for a loaded machine: grouped, this takes a fraction of it.
    expect(elapsed).toBeLessThan(5_000);
  });
});

// A small seeded PRNG (mulberry32), so every random election can be replayed.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const ranges = [
  { min: 0, max: 5 },
  { min: 0, max: 1 },
  { min: 0, max: 2 },
  { min: -2, max: 2 },
  { min: 1, max: 3 },
];

function randomScores(
  random: () => number,
  options: readonly string[],
  range: { min: number; max: number },
): { scores: Record<string, number> } {
  const scores: Record<string, number> = {};
  for (const option of options) {
    if (random() < 0.3) continue; // left out: the minimum
    scores[option] = range.min + Math.floor(random() * (range.max - range.min + 1));
  }
  return { scores };
}

/** Few options, few voters and narrow ranges, so ties at every boundary come often. */
function randomElection(random: () => number) {
  const options = ["p", "q", "r", "s", "t", "u"].slice(0, 1 + Math.floor(random() * 6));
  const range = ranges[Math.floor(random() * ranges.length)]!;
  const ballots = Array.from({ length: Math.floor(random() * 7) }, () => ({
    marks: randomScores(random, options, range),
    weight: 1 + Math.floor(random() * 2),
  }));
  return { options, ballots, range };
}

import { describe, expect, it } from "vitest";
import { borda } from "../../src/tally/counting/borda";
import type { CountInput } from "../../src/tally/counting/counting-method";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { referenceBorda } from "./reference/score-reference";

type RankingMarks = { readonly ranking: readonly string[] };

const ranked = (weight: number, ranking: readonly string[]) => ({ marks: { ranking }, weight });

function count(input: Partial<CountInput<RankingMarks>> & Pick<CountInput<RankingMarks>, "options" | "ballots">) {
  return borda.count({ seats: 1, tieBreaker: optionOrderTieBreaker(input.options), ...input });
}

describe("Borda count", () => {
  // Wikipedia, "Borda count", section "An example" (the Tennessee capital election): 42% rank
  // Memphis > Nashville > Chattanooga > Knoxville, 26% Nashville > Chattanooga > Knoxville >
  // Memphis, 15% Chattanooga > Knoxville > Nashville > Memphis, 17% Knoxville > Chattanooga >
  // Nashville > Memphis. With 3, 2, 1, 0 points the totals are Memphis 126, Nashville 194,
  // Chattanooga 173, Knoxville 107: "The winner of the election is Nashville".
  const tennessee = ["memphis", "nashville", "chattanooga", "knoxville"];
  const wikipediaBallots = [
    ranked(42, ["memphis", "nashville", "chattanooga", "knoxville"]),
    ranked(26, ["nashville", "chattanooga", "knoxville", "memphis"]),
    ranked(15, ["chattanooga", "knoxville", "nashville", "memphis"]),
    ranked(17, ["knoxville", "chattanooga", "nashville", "memphis"]),
  ];

  it("reproduces Wikipedia's Tennessee example (Nashville wins with 194 points)", () => {
    expect(count({ options: tennessee, ballots: wikipediaBallots })).toEqual({
      method: "borda",
      seats: 1,
      rounds: [
        {
          round: 1,
          tallies: { memphis: 126, nashville: 194, chattanooga: 173, knoxville: 107 },
          elected: ["nashville"],
          eliminated: [],
        },
      ],
      winners: ["nashville"],
      tieBreaks: [],
      abstentions: 0,
    });
  });

  it("fills several seats by points, the same whether ballots come grouped or one by one", () => {
    const oneByOne = wikipediaBallots.flatMap((b) => Array.from({ length: b.weight }, () => ({ ...b, weight: 1 })));
    const grouped = count({ options: tennessee, ballots: wikipediaBallots, seats: 3 });
    expect(count({ options: tennessee, ballots: oneByOne, seats: 3 })).toEqual(grouped);
    expect(grouped.winners).toEqual(["nashville", "chattanooga", "memphis"]);
  });

  it("gives a partial ranking's options n − 1, n − 2, … points and unranked options 0", () => {
    const options = ["a", "b", "c", "d", "e"];
    const result = count({ options, ballots: [ranked(2, ["c", "a"]), ranked(1, ["e"]), ranked(3, [])] });
    // Five options: first 4 points, second 3; the empty rankings are abstentions.
    expect(result.rounds[0]!.tallies).toEqual({ a: 6, b: 0, c: 8, d: 0, e: 4 });
    expect(result.abstentions).toBe(3);
    expect(result.winners).toEqual(["c"]);
  });

  it("never elects an option with no points", () => {
    const result = count({ options: ["a", "b", "c"], seats: 3, ballots: [ranked(1, ["b", "a", "c"])] });
    // c, ranked last of all three, gets 0 like an unranked option.
    expect(result.rounds[0]!.tallies).toEqual({ a: 1, b: 2, c: 0 });
    expect(result.winners).toEqual(["b", "a"]);
  });

  it("breaks a tie at the seat boundary by the election's tie breaker and records it", () => {
    const options = ["a", "b", "c"];
    const ballots = [ranked(1, ["a", "b", "c"]), ranked(1, ["b", "a", "c"])];
    const byOrder = count({ options, ballots });
    expect(byOrder.winners).toEqual(["a"]);
    expect(byOrder.tieBreaks).toEqual([
      {
        round: 1,
        deciding: "the seat",
        between: ["a", "b"],
        chosen: ["a"],
        rule: "option-order",
        explanation:
          "a and b tied with 3 points each for the seat; by the ballot order (the option listed first is favoured), a is elected.",
      },
    ]);
    const byDraw = count({ options, ballots, tieBreaker: recordedDrawTieBreaker(["c", "b", "a"]) });
    expect(byDraw.winners).toEqual(["b"]);
    expect(count({ options, ballots, seats: 2 }).tieBreaks).toEqual([]);
  });

  it("refuses bad ballots", () => {
    const options = ["a", "b"];
    expect(() => count({ options, ballots: [ranked(1, ["a", "a"])] })).toThrow(/ranks an option twice/);
    expect(() => count({ options, ballots: [ranked(1, ["z"])] })).toThrow(/unknown option "z"/);
    expect(() => count({ options, ballots: [ranked(-1, ["a"])] })).toThrow(/weight must be a positive integer/);
    expect(() => count({ options, ballots: [], seats: 1.5 })).toThrow(/seats must be a positive integer/);
  });

  it("agrees with the independent reference on 600 seeded random elections", () => {
    const random = mulberry32(1770);
    let tied = 0;
    for (let election = 0; election < 600; election++) {
      const options = ["p", "q", "r", "s", "t", "u"].slice(0, 1 + Math.floor(random() * 6));
      // Few voters and light weights, so ties at the seat boundary come often.
      const ballots = Array.from({ length: Math.floor(random() * 9) }, () => ({
        marks: randomRanking(random, options),
        weight: 1 + Math.floor(random() * 2),
      }));
      const seats = 1 + Math.floor(random() * options.length);
      const tieBreaker =
        election % 2 === 0 ? optionOrderTieBreaker(options) : recordedDrawTieBreaker(shuffled(options, random));
      const result = borda.count({ options, seats, ballots, tieBreaker });
      const expected = referenceBorda({ options, ballots, seats, tieBreaker });
      const label = `election ${election}`;
      expect(result.rounds[0]!.tallies, label).toEqual(expected.totals);
      expect(result.winners, label).toEqual(expected.winners);
      expect(result.abstentions, label).toBe(expected.abstentions);
      tied += result.tieBreaks.length > 0 ? 1 : 0;
    }
    expect(tied).toBeGreaterThan(20);
  });

  it("counts 100,000 ballots quickly and exactly", () => {
    const random = mulberry32(1781);
    const options = ["a", "b", "c", "d", "e", "f"];
    const ballots = Array.from({ length: 100_000 }, () => ({ marks: randomRanking(random, options), weight: 1 }));
    const tieBreaker = optionOrderTieBreaker(options);
    const started = performance.now();
    const result = borda.count({ options, seats: 2, ballots, tieBreaker });
    const elapsed = performance.now() - started;
    const expected = referenceBorda({ options, ballots, seats: 2, tieBreaker });
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

/** A random order of the options: often all of them, else a random number (none: an abstention). */
function randomRanking(random: () => number, options: readonly string[]): RankingMarks {
  const order = shuffled(options, random);
  return { ranking: random() < 0.5 ? order : order.slice(0, Math.floor(random() * (options.length + 1))) };
}

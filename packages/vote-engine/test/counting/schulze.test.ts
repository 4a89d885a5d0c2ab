import { describe, expect, it } from "vitest";
import type { CountInput, WeightedBallot } from "../../src/tally/counting/counting-method";
import { countPairwise, tableOf } from "../../src/tally/counting/pairwise";
import { schulze, strongestPaths } from "../../src/tally/counting/schulze";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { referenceSchulze } from "./reference/condorcet-reference";

type Ballot = WeightedBallot<{ ranking: readonly string[] }>;

/** "5 ACBED" in the published notation: 5 voters ranking A > C > B > E > D. */
const published = (lines: string): Ballot[] =>
  lines
    .trim()
    .split(/\s*,\s*/)
    .map((line) => {
      const [weight, order] = line.split(" ");
      return { marks: { ranking: [...order!] }, weight: Number(weight) };
    });

const countOf = (
  options: readonly string[],
  ballots: Ballot[],
  seats = 1,
  tieBreaker = optionOrderTieBreaker(options),
) => schulze.count({ options, seats, ballots, tieBreaker } satisfies CountInput<{ ranking: readonly string[] }>);

const pathsOf = (options: readonly string[], ballots: Ballot[]) =>
  tableOf(options, strongestPaths(countPairwise(options, ballots)));

describe("schulze count", () => {
  // Markus Schulze's 45-voter example, as published in Wikipedia's "Schulze method" article
  // (section "Example") and on Schulze's own page of examples, en.wikipedia.org/wiki/
  // User:MarkusSchulze/Schulze_method_examples, "Example 1": 5 ACBED, 5 ADECB, 8 BEDAC, 3 CABED,
  // 7 CAEBD, 2 CBADE, 7 DCEBA, 8 EBADC. The matrix d of pairwise preferences and the strengths p
  // of the strongest paths are the published tables; "E is a potential winner" and "the Schulze
  // ranking is E > A > C > B > D".
  describe("the published 45-voter example", () => {
    const options = ["A", "B", "C", "D", "E"];
    const ballots = published("5 ACBED, 5 ADECB, 8 BEDAC, 3 CABED, 7 CAEBD, 2 CBADE, 7 DCEBA, 8 EBADC");

    it("counts the published pairwise matrix d and finds no Condorcet winner", () => {
      const result = countOf(options, ballots);
      expect(result.pairwise).toEqual({
        A: { B: 20, C: 26, D: 30, E: 22 },
        B: { A: 25, C: 16, D: 33, E: 18 },
        C: { A: 19, B: 29, D: 17, E: 24 },
        D: { A: 15, B: 12, C: 28, E: 14 },
        E: { A: 23, B: 27, C: 21, D: 31 },
      });
      // E beats A, B and D head to head but C beats E (24 to 21).
      expect(result.condorcetWinner).toBeNull();
    });

    it("finds the published strongest paths p", () => {
      expect(pathsOf(options, ballots)).toEqual({
        A: { B: 28, C: 28, D: 30, E: 24 },
        B: { A: 25, C: 28, D: 33, E: 24 },
        C: { A: 25, B: 29, D: 29, E: 24 },
        D: { A: 25, B: 28, C: 28, E: 24 },
        E: { A: 25, B: 28, C: 28, D: 31 },
      });
    });

    it("elects E, with each option's wins by strongest path as the round's tallies", () => {
      const result = countOf(options, ballots);
      expect(result.method).toBe("schulze");
      expect(result.winners).toEqual(["E"]);
      expect(result.rounds).toEqual([
        { round: 1, tallies: { A: 3, B: 1, C: 2, D: 0, E: 4 }, elected: ["E"], eliminated: [] },
      ]);
      expect(result.tieBreaks).toEqual([]);
      expect(result.abstentions).toBe(0);
    });

    it("fills more seats down the published Schulze ranking E > A > C > B > D", () => {
      expect(countOf(options, ballots, 5).winners).toEqual(["E", "A", "C", "B", "D"]);
      expect(countOf(options, ballots, 2).winners).toEqual(["E", "A"]);
    });
  });

  // Schulze's "Example 2" (30 voters: 5 ACBD, 2 ACDB, 3 ADCB, 4 BACD, 3 CBDA, 3 CDBA, 1 DACB,
  // 5 DBAC, 4 DCBA) from the Electorama wiki's "Schulze method" article, revision 70012
  // (wiki.electorama.com/w/index.php?title=Schulze_method&oldid=70012#Example_2), whose strongest
  // paths and ranking D > A > C > B are published there.
  it("reproduces the published 30-voter example 2", () => {
    const options = ["A", "B", "C", "D"];
    const ballots = published("5 ACBD, 2 ACDB, 3 ADCB, 4 BACD, 3 CBDA, 3 CDBA, 1 DACB, 5 DBAC, 4 DCBA");
    expect(pathsOf(options, ballots)).toEqual({
      A: { B: 20, C: 20, D: 17 },
      B: { A: 19, C: 19, D: 17 },
      C: { A: 19, B: 21, D: 17 },
      D: { A: 18, B: 18, C: 18 },
    });
    expect(countOf(options, ballots).winners).toEqual(["D"]);
    expect(countOf(options, ballots, 4).winners).toEqual(["D", "A", "C", "B"]);
  });

  // Schulze's "Example 4" (9 voters: 3 ABCD, 2 DABC, 2 DBCA, 2 CBDA), same Electorama revision
  // (#Example_4): p[B][D] = p[D][B] = 5, so B and D are both potential winners and the method's
  // own rules leave a tie.
  describe("the published tie of example 4", () => {
    const options = ["A", "B", "C", "D"];
    const ballots = published("3 ABCD, 2 DABC, 2 DBCA, 2 CBDA");

    it("finds the published strongest paths", () => {
      expect(pathsOf(options, ballots)).toEqual({
        A: { B: 5, C: 5, D: 5 },
        B: { A: 5, C: 7, D: 5 },
        C: { A: 5, B: 5, D: 5 },
        D: { A: 6, B: 5, C: 5 },
      });
    });

    it("lets the election's tie-breaker pick between B and D, and records it", () => {
      const byOrder = countOf(options, ballots);
      expect(byOrder.winners).toEqual(["B"]);
      expect(byOrder.tieBreaks).toEqual([
        {
          round: 1,
          deciding: "election",
          between: ["B", "D"],
          chosen: ["B"],
          rule: "option-order",
          explanation: expect.stringMatching(/Schulze winner.*option order favours B/),
        },
      ]);
      const byDraw = countOf(options, ballots, 1, recordedDrawTieBreaker(["D", "C", "B", "A"]));
      expect(byDraw.winners).toEqual(["D"]);
      expect(byDraw.tieBreaks.map((t) => [t.rule, t.between, t.chosen])).toEqual([
        ["recorded-draw", ["B", "D"], ["D"]],
      ]);
    });
  });

  describe("ballots", () => {
    const options = ["a", "b", "c"];

    it("counts a weight exactly as that many identical ballots", () => {
      const weighted = countOf(options, [
        { marks: { ranking: ["a", "b"] }, weight: 3 },
        { marks: { ranking: ["c"] }, weight: 2 },
      ]);
      const repeated = countOf(options, [
        ...Array.from({ length: 3 }, () => ({ marks: { ranking: ["a", "b"] }, weight: 1 })),
        ...Array.from({ length: 2 }, () => ({ marks: { ranking: ["c"] }, weight: 1 })),
      ]);
      expect(weighted).toEqual(repeated);
      // c is unranked on the a-b ballots, so below both; a and b are level (unranked) on the c ballots.
      expect(weighted.pairwise).toEqual({ a: { b: 3, c: 3 }, b: { a: 0, c: 3 }, c: { a: 2, b: 2 } });
      expect(weighted.condorcetWinner).toBe("a");
      expect(weighted.winners).toEqual(["a"]);
    });

    it("reports empty rankings as abstentions that take no part", () => {
      const ballots: Ballot[] = [
        { marks: { ranking: ["b", "a"] }, weight: 2 },
        { marks: { ranking: ["a"] }, weight: 1 },
      ];
      const without = countOf(options, ballots);
      const withAbstentions = countOf(options, [...ballots, { marks: { ranking: [] }, weight: 4 }]);
      expect(withAbstentions.abstentions).toBe(4);
      expect({ ...withAbstentions, abstentions: 0 }).toEqual(without);
    });

    it("elects nobody when nobody ranks anything, and never seats an option nobody ranked", () => {
      const none = countOf(options, [{ marks: { ranking: [] }, weight: 2 }], 1);
      expect(none).toMatchObject({ winners: [], rounds: [], tieBreaks: [], abstentions: 2, condorcetWinner: null });
      const two = countOf(options, [{ marks: { ranking: ["c", "a"] }, weight: 1 }], 3);
      expect(two.winners).toEqual(["c", "a"]);
    });

    it("refuses ballots and seats it cannot count", () => {
      const one = (ranking: string[], weight = 1) => [{ marks: { ranking }, weight }];
      expect(() => countOf(options, one(["a", "z"]))).toThrow(/unknown option "z"/);
      expect(() => countOf(options, one(["a", "b", "a"]))).toThrow(/twice/);
      expect(() => countOf(options, one(["a"], 0))).toThrow(/positive whole number/);
      expect(() => countOf(options, one(["a"], 1.5))).toThrow(/positive whole number/);
      expect(() => countOf(options, one(["a"]), 0)).toThrow(/seats/);
    });
  });

  // The real count against the naive reference (reference/condorcet-reference.ts): same matrix,
  // Condorcet winner, strongest paths and winner on a few hundred random small elections.
  it("agrees with the independent reference on 300 random elections", () => {
    const random = mulberry32(20_110_301);
    let withoutCondorcetWinner = 0;
    let withSeveralWinners = 0;
    for (let n = 0; n < 300; n++) {
      const { options, ballots } = randomElection(random);
      const tieBreaker = optionOrderTieBreaker(options);
      const result = countOf(options, ballots, 1, tieBreaker);
      const reference = referenceSchulze(options, ballots, tieBreaker);
      const label = JSON.stringify({ options, ballots });
      expect(result.pairwise, label).toEqual(reference.matrix);
      expect(result.condorcetWinner, label).toBe(reference.condorcetWinner);
      expect(result.abstentions, label).toBe(reference.abstentions);
      expect(pathsOf(options, ballots), label).toEqual(reference.strongestPaths);
      expect(result.winners, label).toEqual(reference.winner === null ? [] : [reference.winner]);
      if (reference.schulzeWinners.length > 1) {
        withSeveralWinners++;
        expect(
          result.tieBreaks.map((t) => t.between),
          label,
        ).toEqual([reference.schulzeWinners]);
      } else expect(result.tieBreaks, label).toEqual([]);
      if (reference.condorcetWinner === null) withoutCondorcetWinner++;
    }
    // The random elections do reach the cases that matter: cycles and ties the rules leave open.
    expect(withoutCondorcetWinner).toBeGreaterThan(10);
    expect(withSeveralWinners).toBeGreaterThan(5);
  });

  it("counts 100,000 ballots and elects one option", () => {
    const random = mulberry32(100_000);
    const options = ["a", "b", "c", "d", "e", "f"];
    const ballots = Array.from({ length: 100_000 }, (): Ballot => {
      const ranking = shuffled(options, random).slice(0, 1 + Math.floor(random() * options.length));
      return { marks: { ranking }, weight: 1 };
    });
    const result = countOf(options, ballots);
    expect(result.winners).toHaveLength(1);
    expect(result.abstentions).toBe(0);
    // Every ballot ranks something, so each pair's two counts add up to at most 100,000.
    expect(result.pairwise!.a!.b! + result.pairwise!.b!.a!).toBeLessThanOrEqual(100_000);
  });
});

/** A small seeded generator (mulberry32), so every random election can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** 3–6 options, 3–80 ballots, partial rankings (now and then an empty one), weights 1–3. */
function randomElection(random: () => number): { options: string[]; ballots: Ballot[] } {
  const options = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, i) => `o${i + 1}`);
  const ballots = Array.from({ length: 3 + Math.floor(random() * 78) }, (): Ballot => {
    const length = random() < 0.05 ? 0 : 1 + Math.floor(random() * options.length);
    return { marks: { ranking: shuffled(options, random).slice(0, length) }, weight: 1 + Math.floor(random() * 3) };
  });
  return { options, ballots };
}

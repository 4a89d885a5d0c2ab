import { describe, expect, it } from "vitest";
import type { TieBreaker, WeightedBallot } from "../../src/tally/counting/counting-method";
import { countPairwise } from "../../src/tally/counting/pairwise";
import { lockPairs, rankedPairs } from "../../src/tally/counting/ranked-pairs";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { referenceRankedPairs } from "./reference/condorcet-reference";

type Ballot = WeightedBallot<{ ranking: readonly string[] }>;

const ballot = (weight: number, ...ranking: string[]): Ballot => ({ marks: { ranking }, weight });

const countOf = (
  options: readonly string[],
  ballots: Ballot[],
  seats = 1,
  tieBreaker = optionOrderTieBreaker(options),
) => rankedPairs.count({ options, seats, ballots, tieBreaker });

const lockOrder = (
  options: readonly string[],
  ballots: Ballot[],
  tieBreaker: TieBreaker = optionOrderTieBreaker(options),
) =>
  lockPairs(countPairwise(options, ballots), tieBreaker).decisions.map(
    (d) => `${d.locked ? "lock" : "skip"} ${d.winner} over ${d.loser} (${d.votes}-${d.opposition})`,
  );

describe("ranked-pairs count", () => {
  // Wikipedia, "Ranked pairs", section "Example" (the Tennessee capital election): 42% Memphis >
  // Nashville > Chattanooga > Knoxville, 26% Nashville > Chattanooga > Knoxville > Memphis,
  // 15% Chattanooga > Knoxville > Nashville > Memphis, 17% Knoxville > Chattanooga > Nashville >
  // Memphis (here 100 voters, so a count is its percentage). Its "Pairwise election results", its
  // sorted pairs, and its lock list: "Lock Chattanooga over Knoxville. Lock Nashville over
  // Knoxville. Lock Nashville over Chattanooga. Lock Nashville over Memphis. Lock Chattanooga over
  // Memphis. Lock Knoxville over Memphis." — "Nashville is the winner ... followed by Chattanooga,
  // Knoxville, and Memphis".
  describe("the published Tennessee example", () => {
    const options = ["memphis", "nashville", "chattanooga", "knoxville"];
    const ballots = [
      ballot(42, "memphis", "nashville", "chattanooga", "knoxville"),
      ballot(26, "nashville", "chattanooga", "knoxville", "memphis"),
      ballot(15, "chattanooga", "knoxville", "nashville", "memphis"),
      ballot(17, "knoxville", "chattanooga", "nashville", "memphis"),
    ];

    it("counts the published pairwise results; Nashville is the Condorcet winner", () => {
      const result = countOf(options, ballots);
      expect(result.pairwise).toEqual({
        memphis: { nashville: 42, chattanooga: 42, knoxville: 42 },
        nashville: { memphis: 58, chattanooga: 68, knoxville: 68 },
        chattanooga: { memphis: 58, nashville: 32, knoxville: 83 },
        knoxville: { memphis: 58, nashville: 32, chattanooga: 17 },
      });
      expect(result.condorcetWinner).toBe("nashville");
    });

    it("locks the pairs in the published order", () => {
      expect(lockOrder(options, ballots)).toEqual([
        "lock chattanooga over knoxville (83-17)",
        "lock nashville over knoxville (68-32)",
        "lock nashville over chattanooga (68-32)",
        "lock nashville over memphis (58-42)",
        "lock chattanooga over memphis (58-42)",
        "lock knoxville over memphis (58-42)",
      ]);
    });

    it("elects Nashville and records how the equal majorities were ordered", () => {
      const result = countOf(options, ballots);
      expect(result.method).toBe("ranked-pairs");
      expect(result.winners).toEqual(["nashville"]);
      expect(result.rounds).toEqual([
        {
          round: 1,
          tallies: { memphis: 0, nashville: 3, chattanooga: 2, knoxville: 1 },
          elected: ["nashville"],
          eliminated: [],
        },
      ]);
      // Nashville's two 68-32 majorities, and the three 58-42 ones over Memphis, are equal in
      // winning votes and margin: the option order settles which is considered first.
      expect(result.tieBreaks).toEqual([
        {
          round: 1,
          deciding: "order of the majorities won 68 to 32",
          between: ["nashville", "chattanooga", "knoxville"],
          chosen: ["nashville", "chattanooga", "knoxville"],
          rule: "option-order",
          explanation: expect.stringMatching(/nashville over knoxville, nashville over chattanooga\.$/),
        },
        {
          round: 1,
          deciding: "order of the majorities won 58 to 42",
          between: ["memphis", "nashville", "chattanooga", "knoxville"],
          chosen: ["memphis", "nashville", "chattanooga", "knoxville"],
          rule: "option-order",
          explanation: expect.stringMatching(
            /nashville over memphis, chattanooga over memphis, knoxville over memphis\.$/,
          ),
        },
      ]);
    });

    it("fills more seats in the published order of finish", () => {
      expect(countOf(options, ballots, 4).winners).toEqual(["nashville", "chattanooga", "knoxville", "memphis"]);
    });

    it("orders equal majorities by the election's own tie rule", () => {
      const draw = recordedDrawTieBreaker(["knoxville", "chattanooga", "nashville", "memphis"]);
      // The draw puts Chattanooga below Knoxville, so Nashville's defeat of Chattanooga comes first.
      expect(lockOrder(options, ballots, draw).slice(1, 3)).toEqual([
        "lock nashville over chattanooga (68-32)",
        "lock nashville over knoxville (68-32)",
      ]);
      expect(countOf(options, ballots, 1, draw).winners).toEqual(["nashville"]);
    });
  });

  // A cycle, posted to the Election-Methods mailing list on 8 September 2003 (David Gamble quoting
  // Kevin Venzke, lists.electorama.com/pipermail/election-methods-electorama.com/attachments/
  // 20030908/8f05dbe3/attachment-0003.htm): 45 A, 6 B>A, 5 B>C, 44 C>B. "A versus B 45 v 55 …
  // winner B; A versus C 51 v 49 … winner A; B versus C 11 v 44 … winner C"; "RP(wv) locks B>A
  // (strength 55), then A>C (strength 51), and overrules C>B (strength 44). The ranking is B>A>C."
  // (Sorting by margin instead would lock C>B, 33, first and elect C: this checks winning votes.)
  describe("the published cycle", () => {
    const options = ["A", "B", "C"];
    const ballots = [ballot(45, "A"), ballot(6, "B", "A"), ballot(5, "B", "C"), ballot(44, "C", "B")];

    it("counts the published pairwise results, with no Condorcet winner", () => {
      const result = countOf(options, ballots);
      expect(result.pairwise).toEqual({ A: { B: 45, C: 51 }, B: { A: 55, C: 11 }, C: { A: 49, B: 44 } });
      expect(result.condorcetWinner).toBeNull();
    });

    it("locks B>A and A>C, skips C>B, and elects B", () => {
      expect(lockOrder(options, ballots)).toEqual([
        "lock B over A (55-45)",
        "lock A over C (51-49)",
        "skip C over B (44-11)",
      ]);
      const result = countOf(options, ballots, 3);
      expect(result.winners).toEqual(["B", "A", "C"]);
      expect(result.rounds[0]!.tallies).toEqual({ A: 1, B: 2, C: 0 });
      expect(result.tieBreaks).toEqual([]);
    });
  });

  it("lets the tie-breaker pick among several sources that pairwise ties leave", () => {
    // a and b tie 2-2 head to head, so no majority joins them; both beat c.
    const options = ["a", "b", "c"];
    const ballots = [ballot(2, "a"), ballot(2, "b")];
    const result = countOf(options, ballots);
    expect(result.winners).toEqual(["a"]);
    expect(result.tieBreaks.map((t) => [t.deciding, t.between, t.chosen])).toEqual([
      ["order of the majorities won 2 to 0", ["a", "b", "c"], ["a", "b", "c"]],
      ["election", ["a", "b"], ["a"]],
    ]);
    expect(result.tieBreaks[1]!.explanation).toMatch(/source of the locked graph.*option order favours a/);
    expect(countOf(options, ballots, 1, recordedDrawTieBreaker(["b", "a", "c"])).winners).toEqual(["b"]);
  });

  it("counts weights, abstentions and partial rankings as the rules say", () => {
    const options = ["a", "b", "c"];
    const weighted = countOf(options, [ballot(3, "a", "b"), ballot(2, "c"), ballot(4)]);
    const repeated = countOf(options, [
      ...Array.from({ length: 3 }, () => ballot(1, "a", "b")),
      ...Array.from({ length: 2 }, () => ballot(1, "c")),
      ...Array.from({ length: 4 }, () => ballot(1)),
    ]);
    expect(weighted).toEqual(repeated);
    expect(weighted.abstentions).toBe(4);
    expect(weighted.pairwise).toEqual({ a: { b: 3, c: 3 }, b: { a: 0, c: 3 }, c: { a: 2, b: 2 } });
    expect(weighted.winners).toEqual(["a"]);
    expect(() => countOf(options, [ballot(1, "a", "a")])).toThrow(/twice/);
    expect(() => countOf(options, [ballot(-1, "a")])).toThrow(/positive whole number/);
    expect(countOf(options, [ballot(1)])).toMatchObject({ winners: [], rounds: [], abstentions: 1 });
  });

  // The real count against the naive reference (reference/condorcet-reference.ts): same matrix,
  // Condorcet winner, locked majorities and winner on a few hundred random small elections.
  it("agrees with the independent reference on 300 random elections", () => {
    const random = mulberry32(19_870_901);
    let withoutCondorcetWinner = 0;
    let withSkippedMajority = 0;
    let withEqualMajorities = 0;
    for (let n = 0; n < 300; n++) {
      const { options, ballots } = randomElection(random);
      const tieBreaker = optionOrderTieBreaker(options);
      const result = countOf(options, ballots, 1, tieBreaker);
      const reference = referenceRankedPairs(options, ballots, tieBreaker);
      const decisions = lockPairs(countPairwise(options, ballots), tieBreaker).decisions;
      const label = JSON.stringify({ options, ballots });
      expect(result.pairwise, label).toEqual(reference.matrix);
      expect(result.condorcetWinner, label).toBe(reference.condorcetWinner);
      expect(result.abstentions, label).toBe(reference.abstentions);
      expect(
        decisions.filter((d) => d.locked).map((d) => [d.winner, d.loser]),
        label,
      ).toEqual(reference.locked);
      expect(result.winners, label).toEqual(reference.winner === null ? [] : [reference.winner]);
      if (reference.condorcetWinner === null) withoutCondorcetWinner++;
      if (decisions.some((d) => !d.locked)) withSkippedMajority++;
      if (result.tieBreaks.some((t) => t.deciding.startsWith("order"))) withEqualMajorities++;
    }
    // The random elections do reach the cases that matter: cycles, skipped majorities, equal ones.
    expect(withoutCondorcetWinner).toBeGreaterThan(10);
    expect(withSkippedMajority).toBeGreaterThan(10);
    expect(withEqualMajorities).toBeGreaterThan(10);
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

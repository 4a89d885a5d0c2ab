import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CountResult, TieBreaker, WeightedBallot } from "../../src/tally/counting/counting-method";
import { instantRunoff } from "../../src/tally/counting/instant-runoff";
import { lotTieBreaker, optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { instantRunoff as instantRunoffAdapter } from "../../src/tally/instant-runoff";
import { referenceInstantRunoff } from "./reference/irv-reference";

type Ranking = { ranking: readonly string[] };
const sha256 = (data: Uint8Array) => new Uint8Array(createHash("sha256").update(data).digest());
const rank = (weight: number, ...ranking: string[]): WeightedBallot<Ranking> => ({ marks: { ranking }, weight });

/** A small seeded generator (mulberry32): the same seed gives the same elections every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function count(
  options: readonly string[],
  ballots: WeightedBallot<Ranking>[],
  tieBreaker: TieBreaker = optionOrderTieBreaker(options),
  batchElimination = false,
): CountResult {
  return instantRunoff.count({ options, seats: 1, ballots, tieBreaker, batchElimination });
}

/** The method's result and the reference's must agree on everything the reference computes. */
function expectSameAsReference(
  options: readonly string[],
  ballots: WeightedBallot<Ranking>[],
  tieBreaker: TieBreaker,
  batchElimination: boolean,
) {
  const result = count(options, ballots, tieBreaker, batchElimination);
  const reference = referenceInstantRunoff({ options, ballots, tieBreaker, batchElimination });
  expect(result.winners).toEqual(reference.winner === null ? [] : [reference.winner]);
  expect(result.abstentions).toBe(reference.abstentions);
  expect(
    result.rounds.map((r) => ({
      tallies: r.tallies,
      exhausted: r.exhausted,
      eliminated: r.eliminated,
      transfers: r.transfers ?? [],
    })),
  ).toEqual(reference.rounds);
  expect(result.tieBreaks.map(({ round, between, chosen, rule }) => ({ round, between, chosen, rule }))).toEqual(
    reference.tieBreaks,
  );
  return result;
}

describe("instant-runoff counting method", () => {
  // Wikipedia, "Instant-runoff voting", section "Examples" (the Tennessee state capital election):
  // 42% Memphis > Nashville > Chattanooga > Knoxville, 26% Nashville > Chattanooga > Knoxville > Memphis,
  // 15% Chattanooga > Knoxville > Nashville > Memphis, 17% Knoxville > Chattanooga > Nashville > Memphis.
  // Chattanooga is eliminated first, then Nashville, and Knoxville wins 58 to 42.
  const tennessee = ["memphis", "nashville", "chattanooga", "knoxville"];
  const tennesseeBallots = [
    rank(42, "memphis", "nashville", "chattanooga", "knoxville"),
    rank(26, "nashville", "chattanooga", "knoxville", "memphis"),
    rank(15, "chattanooga", "knoxville", "nashville", "memphis"),
    rank(17, "knoxville", "chattanooga", "nashville", "memphis"),
  ];

  it("reproduces the published Tennessee example, counted from weights, with its transfers", () => {
    expect(count(tennessee, tennesseeBallots)).toEqual({
      method: "instant-runoff",
      seats: 1,
      rounds: [
        {
          round: 1,
          tallies: { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
          exhausted: 0,
          elected: [],
          eliminated: ["chattanooga"],
          transfers: [{ from: "chattanooga", to: { memphis: 0, nashville: 0, knoxville: 15 }, exhausted: 0 }],
        },
        {
          round: 2,
          tallies: { memphis: 42, nashville: 26, knoxville: 32 },
          exhausted: 0,
          elected: [],
          eliminated: ["nashville"],
          transfers: [{ from: "nashville", to: { memphis: 0, knoxville: 26 }, exhausted: 0 }],
        },
        { round: 3, tallies: { memphis: 42, knoxville: 58 }, exhausted: 0, elected: ["knoxville"], eliminated: [] },
      ],
      winners: ["knoxville"],
      tieBreaks: [],
      abstentions: 0,
    });
    expectSameAsReference(tennessee, tennesseeBallots, optionOrderTieBreaker(tennessee), false);
  });

  it("counts a weight exactly as that many identical ballots", () => {
    const repeated = tennesseeBallots.flatMap((b) => Array.from({ length: b.weight }, () => ({ ...b, weight: 1 })));
    expect(repeated).toHaveLength(100);
    expect(count(tennessee, repeated)).toEqual(count(tennessee, tennesseeBallots));

    const next = random(99);
    for (let election = 0; election < 200; election++) {
      const { options, ballots } = randomElection(next, 6, 12, 4);
      const expanded = ballots.flatMap((b) => Array.from({ length: b.weight }, () => ({ ...b, weight: 1 })));
      for (const batch of [false, true]) {
        const tieBreaker = lotTieBreaker(`weights ${election}`, sha256);
        expect(count(options, expanded, tieBreaker, batch)).toEqual(count(options, ballots, tieBreaker, batch));
      }
    }
  });

  it("leaves exhausted ballots out of the majority and counts abstentions by weight", () => {
    const result = count(["a", "b", "c"], [rank(4, "a"), rank(3, "b"), rank(2, "c"), rank(1, "c", "b"), rank(5)]);
    expect(result.abstentions).toBe(5);
    expect(result.rounds).toEqual([
      {
        round: 1,
        tallies: { a: 4, b: 3, c: 3 },
        exhausted: 0,
        elected: [],
        eliminated: ["c"],
        transfers: [{ from: "c", to: { a: 0, b: 1 }, exhausted: 2 }],
      },
      // 10 ranked ballots, 2 exhausted: 8 remain and b's 4 is not more than half; a's 4 neither.
      {
        round: 2,
        tallies: { a: 4, b: 4 },
        exhausted: 2,
        elected: [],
        eliminated: ["b"],
        transfers: [{ from: "b", to: { a: 0 }, exhausted: 4 }],
      },
      { round: 3, tallies: { a: 4 }, exhausted: 6, elected: ["a"], eliminated: [] },
    ]);
    expect(count(["a", "b"], [rank(2), rank(3)])).toEqual({
      method: "instant-runoff",
      seats: 1,
      rounds: [],
      winners: [],
      tieBreaks: [],
      abstentions: 5,
    });
  });

  it("refuses what the domain never accepts", () => {
    const opts = ["a", "b"];
    const tb = optionOrderTieBreaker(opts);
    expect(() => instantRunoff.count({ options: opts, seats: 2, ballots: [], tieBreaker: tb })).toThrow("one seat");
    expect(() => count(opts, [rank(1, "x")])).toThrow('unknown option "x"');
    expect(() => count(opts, [rank(1, "a", "a")])).toThrow("twice");
    expect(() => count(opts, [rank(0, "a")])).toThrow("positive integer");
    expect(() => count(opts, [rank(2.5, "a")])).toThrow("positive integer");
    expect(() => count(["a", "a"], [rank(1, "a")])).toThrow("listed twice");
  });

  describe("ties for fewest votes", () => {
    // a 3, b 2, c 2 in round 1, never different before: the tie breaker decides.
    const options = ["a", "b", "c"];
    const ballots = [rank(3, "a"), rank(2, "b", "a"), rank(2, "c", "a")];

    it("with the option-order tie breaker: the option listed last is eliminated", () => {
      const result = count(options, ballots);
      expect(result.rounds[0]!.eliminated).toEqual(["c"]);
      expect(result.tieBreaks).toEqual([
        {
          round: 1,
          deciding: "elimination",
          between: ["b", "c"],
          chosen: ["c"],
          rule: "option-order",
          explanation: "Tie for fewest votes in every round: c comes last in the ballot order.",
        },
      ]);
      expect(result.winners).toEqual(["a"]);
    });

    it("by lot: the last of the draw goes, the same on every run, and the seed matters", () => {
      const four = ["a", "b", "c", "d"];
      const fourWay = [rank(5, "a"), rank(2, "b", "a"), rank(2, "c", "a"), rank(2, "d", "a")];
      const run = (seed: string) => count(four, fourWay, lotTieBreaker(seed, sha256));
      const first = run("the published seed");
      expect(run("the published seed")).toEqual(first);
      const order = lotTieBreaker("the published seed", sha256).order(["b", "c", "d"], "round 1: elimination");
      expect(first.rounds[0]!.eliminated).toEqual([order[2]]);
      expect(first.tieBreaks[0]).toMatchObject({
        round: 1,
        deciding: "elimination",
        between: ["b", "c", "d"],
        chosen: [order[2]],
        rule: "lot",
      });
      expect(first.tieBreaks[0]!.explanation).toMatch(/draw by lot from the published seed/);
      const others = Array.from({ length: 20 }, (_, i) => run(`seed ${i}`).rounds[0]!.eliminated[0]);
      expect(others.some((eliminated) => eliminated !== first.rounds[0]!.eliminated[0])).toBe(true);
      expectSameAsReference(four, fourWay, lotTieBreaker("the published seed", sha256), false);
    });

    it("by a recorded draw: the option drawn last is eliminated", () => {
      const result = count(options, ballots, recordedDrawTieBreaker(["c", "a", "b"]));
      expect(result.rounds[0]!.eliminated).toEqual(["b"]);
      expect(result.tieBreaks[0]).toMatchObject({ between: ["b", "c"], chosen: ["b"], rule: "recorded-draw" });
      expect(result.tieBreaks[0]!.explanation).toBe(
        "Tie for fewest votes in every round: b comes last in the officials' recorded draw.",
      );
    });

    it("are broken by looking back first, whatever the tie breaker", () => {
      // Round 1: a 5, b 4, c 3, d 1 → d out (its ballot goes to c). Round 2: a 5, b 4, c 4 → b and
      // c tie; in round 1 c had fewer (3 < 4), so c goes.
      const opts = ["a", "b", "c", "d"];
      const tied = [rank(5, "a"), rank(4, "b", "a"), rank(3, "c", "b"), rank(1, "d", "c", "b")];
      for (const tieBreaker of [
        optionOrderTieBreaker(opts),
        lotTieBreaker("any", sha256),
        recordedDrawTieBreaker(["c", "b", "a", "d"]),
      ]) {
        const result = count(opts, tied, tieBreaker);
        expect(result.rounds[1]!.eliminated).toEqual(["c"]);
        expect(result.tieBreaks).toEqual([
          {
            round: 2,
            deciding: "elimination",
            between: ["b", "c"],
            chosen: ["c"],
            rule: "look-back",
            explanation: "Tie for fewest votes broken by round 1, where c had the fewest.",
          },
        ]);
        expect(result.winners).toEqual(["b"]);
      }
    });

    it("narrowed by looking back go to the tie breaker among those still tied", () => {
      // Round 1: a 5, b 3, c 3, d 4, e 2 → e out, one ballot each to b and c. Round 2: b, c and
      // d tie at 4; round 1 sets d apart (4 > 3) but not b from c: the tie breaker takes c.
      // Round 3: b and d tie at 4 again; round 2 does not part them, round 1 does: b goes.
      const opts = ["a", "b", "c", "d", "e"];
      const narrowing = [rank(5, "a"), rank(3, "b"), rank(3, "c"), rank(4, "d"), rank(1, "e", "b"), rank(1, "e", "c")];
      const result = expectSameAsReference(opts, narrowing, optionOrderTieBreaker(opts), false);
      expect(result.rounds.map((r) => r.eliminated)).toEqual([["e"], ["c"], ["b"], []]);
      expect(result.tieBreaks).toEqual([
        {
          round: 2,
          deciding: "elimination",
          between: ["b", "c", "d"],
          chosen: ["c"],
          rule: "option-order",
          explanation:
            "Tie for fewest votes in every round (looking back left b and c): c comes last in the ballot order.",
        },
        {
          round: 3,
          deciding: "elimination",
          between: ["b", "d"],
          chosen: ["b"],
          rule: "look-back",
          explanation: "Tie for fewest votes broken by round 1, where b had the fewest.",
        },
      ]);
      // The adapter publishes the sentence the count always has.
      const adapted = instantRunoffAdapter({
        options: opts,
        ballots: narrowing.flatMap((b) => Array.from({ length: b.weight }, () => b.marks.ranking)),
      });
      expect(adapted.rounds[1]!.tieBreak).toBe(
        "Tie for fewest votes in every round: c comes last in the ballot order.",
      );
    });
  });

  describe("batch elimination", () => {
    // RCTab's help for "Use Batch Elimination" (hints_winning_rules.txt): "in a six candidate
    // contest with 200 votes, Candidate A has 80 votes, Candidate B has 70, and the other four
    // combined have 50. Because those four candidates can never combine their votes to surpass
    // Candidate B, they can be batch eliminated." The four's split (20, 15, 10, 5) and the later
    // preferences are ours.
    const options = ["a", "b", "c", "d", "e", "f"];
    const ballots = [
      rank(80, "a"),
      rank(70, "b"),
      rank(20, "c", "b"),
      rank(15, "d", "e", "b"),
      rank(10, "e", "a"),
      rank(5, "f", "c", "a"),
    ];

    it("eliminates every option that cannot overtake the next-lowest at once: same winner, fewer rounds", () => {
      const oneByOne = expectSameAsReference(options, ballots, optionOrderTieBreaker(options), false);
      const batched = expectSameAsReference(options, ballots, optionOrderTieBreaker(options), true);
      expect(oneByOne.rounds.map((r) => r.eliminated)).toEqual([["f"], ["e"], ["d"], ["c"], []]);
      expect(oneByOne.winners).toEqual(["b"]);
      expect(batched.winners).toEqual(["b"]);
      expect(batched.rounds).toEqual([
        {
          round: 1,
          tallies: { a: 80, b: 70, c: 20, d: 15, e: 10, f: 5 },
          exhausted: 0,
          elected: [],
          eliminated: ["c", "d", "e", "f"],
          // d's ballots skip e, out in the same round; f's skip c.
          transfers: [
            { from: "c", to: { a: 0, b: 20 }, exhausted: 0 },
            { from: "d", to: { a: 0, b: 15 }, exhausted: 0 },
            { from: "e", to: { a: 10, b: 0 }, exhausted: 0 },
            { from: "f", to: { a: 5, b: 0 }, exhausted: 0 },
          ],
        },
        { round: 2, tallies: { a: 95, b: 105 }, exhausted: 0, elected: ["b"], eliminated: [] },
      ]);
      expect(batched.tieBreaks).toEqual([]);
    });

    it("takes the largest such set, which may stop short of the next option", () => {
      // f 1, e 2, d 4, c 10, b 12, a 13: {f} < 2, {f, e} 3 < 4, {f, e, d} 7 < 10, but 17 ≥ 12.
      const sizes = [rank(13, "a"), rank(12, "b"), rank(10, "c", "a"), rank(4, "d", "b"), rank(2, "e"), rank(1, "f")];
      const result = expectSameAsReference(options, sizes, optionOrderTieBreaker(options), true);
      expect(result.rounds[0]!.eliminated).toEqual(["d", "e", "f"]);
      expect(result.rounds[1]!.tallies).toEqual({ a: 13, b: 16, c: 10 });
    });

    it("never splits options with equal votes, and leaves a tie it cannot batch to the usual rules", () => {
      // The rule's worked check: a 40, b 30, c 30. b and c together (60) are not fewer than a's
      // 40, so nothing is batch-eliminated and the tie for fewest goes to the tie breaker.
      const opts = ["a", "b", "c"];
      const tie = [rank(40, "a"), rank(30, "b", "c"), rank(30, "c", "b")];
      const result = count(opts, tie, optionOrderTieBreaker(opts), true);
      expect(result.rounds[0]!.eliminated).toEqual(["c"]);
      expect(result.tieBreaks[0]).toMatchObject({ between: ["b", "c"], rule: "option-order" });
      // x 0, y 0 tie below a and b's 5: together 0 < 5, so both go at once, with no tie to break.
      const zeros = count(
        ["a", "b", "x", "y"],
        [rank(5, "a"), rank(5, "b")],
        optionOrderTieBreaker(["a", "b", "x", "y"]),
        true,
      );
      expect(zeros.rounds[0]!.eliminated).toEqual(["x", "y"]);
      expect(zeros.rounds[0]!.transfers).toEqual([
        { from: "x", to: { a: 0, b: 0 }, exhausted: 0 },
        { from: "y", to: { a: 0, b: 0 }, exhausted: 0 },
      ]);
      expect(zeros.tieBreaks.filter((t) => t.round === 1)).toEqual([]);
    });

    it("applies only when it removes two or more options", () => {
      const result = expectSameAsReference(tennessee, tennesseeBallots, optionOrderTieBreaker(tennessee), true);
      expect(result.rounds.map((r) => r.eliminated)).toEqual([["chattanooga"], ["nashville"], []]);
    });
  });

  it("keeps an option called exhausted apart from the exhausted ballots", () => {
    const opts = ["exhausted", "b", "c"];
    const result = count(opts, [rank(4, "exhausted"), rank(3, "b"), rank(2, "c", "exhausted"), rank(1, "c")]);
    // The option called "exhausted" gets 2 of c's ballots; the one that ranks nothing else is exhausted.
    expect(result.rounds[0]!.transfers).toEqual([{ from: "c", to: { exhausted: 2, b: 0 }, exhausted: 1 }]);
    expect(result.rounds[1]).toMatchObject({ tallies: { exhausted: 6, b: 3 }, exhausted: 1 });
    expect(result.winners).toEqual(["exhausted"]);
  });

  it("agrees with the reference count on hundreds of seeded random elections", () => {
    const next = random(20_240_601);
    let tieBreaksSeen = 0;
    let batchRounds = 0;
    let sameWinnerChecks = 0;
    for (let election = 0; election < 400; election++) {
      const { options, ballots } = randomElection(next, 7, 20, 5);
      const drawn = shuffled(next, options);
      const tieBreakers = [
        optionOrderTieBreaker(options),
        lotTieBreaker(`random election ${election}`, sha256),
        recordedDrawTieBreaker(drawn),
      ];
      for (const batch of [false, true]) {
        const tieBreaker = tieBreakers[election % 3]!;
        const result = expectSameAsReference(options, ballots, tieBreaker, batch);
        tieBreaksSeen += result.tieBreaks.length;
        batchRounds += result.rounds.filter((r) => r.eliminated.length > 1).length;
        // Batch elimination removes only options one-by-one elimination would remove next anyway:
        // the winner is the same unless a tie is met (looking back then sees other rounds).
        const oneByOne = count(options, ballots, tieBreaker, false);
        if (batch && result.tieBreaks.length === 0 && oneByOne.tieBreaks.length === 0) {
          expect(result.winners).toEqual(oneByOne.winners);
          sameWinnerChecks += 1;
        }
      }
      // The adapter is the same count, one vote per ballot and ties by option order.
      const oneEach = ballots.flatMap((b) => Array.from({ length: b.weight }, () => b.marks.ranking));
      const adapted = instantRunoffAdapter({ options, ballots: oneEach });
      const direct = count(options, ballots);
      expect(adapted.winner).toBe(direct.winners[0] ?? null);
      expect(adapted.rounds.map((r) => [r.tallies, r.exhausted, r.eliminated])).toEqual(
        direct.rounds.map((r) => [r.tallies, r.exhausted, r.eliminated]),
      );
    }
    // The elections are small enough to meet ties and batches often.
    expect(tieBreaksSeen).toBeGreaterThan(100);
    expect(batchRounds).toBeGreaterThan(50);
    expect(sameWinnerChecks).toBeGreaterThan(100);
  });

  it("counts 100,000 random ballots, as the reference does", () => {
    const next = random(100_000);
    const options = Array.from({ length: 8 }, (_, i) => `candidate-${i}`);
    const ballots = Array.from({ length: 100_000 }, () => {
      // Preferences skewed towards the low numbers, of random length (0 is an abstention).
      const order = shuffled(next, options, 0.08);
      return rank(1, ...order.slice(0, Math.floor(next() * (options.length + 1))));
    });
    for (const batch of [false, true]) {
      const result = expectSameAsReference(options, ballots, optionOrderTieBreaker(options), batch);
      expect(result.winners).toHaveLength(1);
      expect(result.abstentions + result.rounds[0]!.exhausted! + sum(result.rounds[0]!.tallies)).toBe(100_000);
    }
  });
});

/** The options in a random order; `lean` > 0 favours the ones listed first. */
function shuffled(next: () => number, options: readonly string[], lean = 0): string[] {
  return options
    .map((id, i) => ({ id, key: next() + i * lean }))
    .sort((a, b) => a.key - b.key)
    .map((o) => o.id);
}

function sum(tallies: Readonly<Record<string, number>>): number {
  return Object.values(tallies).reduce((a, b) => a + b, 0);
}

/** Up to `maxOptions` options, up to `maxBallots` weighted partial rankings (some empty). */
function randomElection(next: () => number, maxOptions: number, maxBallots: number, maxWeight: number) {
  const options = Array.from({ length: 1 + Math.floor(next() * maxOptions) }, (_, i) => `o${i}`);
  const ballots = Array.from({ length: Math.floor(next() * (maxBallots + 1)) }, () => {
    const order = shuffled(next, options);
    return rank(1 + Math.floor(next() * maxWeight), ...order.slice(0, Math.floor(next() * (options.length + 1))));
  });
  return { options, ballots };
}

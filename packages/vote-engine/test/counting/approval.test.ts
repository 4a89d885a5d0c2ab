import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { approval } from "../../src/tally/counting/approval";
import type { WeightedBallot } from "../../src/tally/counting/counting-method";
import { lotTieBreaker, optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";

type Choices = { choices: readonly string[] };
const sha256 = (data: Uint8Array) => new Uint8Array(createHash("sha256").update(data).digest());
const vote = (weight: number, ...choices: string[]): WeightedBallot<Choices> => ({ marks: { choices }, weight });

/** A small seeded generator (mulberry32): the same seed gives the same elections every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("approval (block approval voting)", () => {
  // Wikipedia, "Block approval voting", section "Example with comparison": 12 candidates in a
  // 3-member district of 10,000 voters, column "Block approval voting": A1 4200, A2 4500,
  // A3 3900, B1 5200, B2 5000, B3 4700, I1 4400, I2 4900, I3 4400, I4 3900, I5 2600, I6 2300;
  // ranked B1 1., B2 2., I2 3. (elected), B3 4., A2 5., I1 and I3 both 6., A1 8., ...
  // The article gives only the totals; the 10,000 ballots here are one set that has them: voter
  // number v (0 to 9,999) approves every candidate whose total is above v.
  const published: Record<string, number> = {
    a1: 4200,
    a2: 4500,
    a3: 3900,
    b1: 5200,
    b2: 5000,
    b3: 4700,
    i1: 4400,
    i2: 4900,
    i3: 4400,
    i4: 3900,
    i5: 2600,
    i6: 2300,
  };
  const options = Object.keys(published);
  const grouped = new Map<string, WeightedBallot<Choices>>();
  for (let voter = 0; voter < 10_000; voter++) {
    const choices = options.filter((id) => published[id]! > voter);
    const key = choices.join(" ");
    grouped.set(key, vote((grouped.get(key)?.weight ?? 0) + 1, ...choices));
  }
  const ballots = [...grouped.values()];

  it("elects the published winners of the block approval example", () => {
    const result = approval.count({ options, seats: 3, ballots, tieBreaker: optionOrderTieBreaker(options) });
    expect(ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(10_000);
    expect(result).toEqual({
      method: "approval",
      seats: 3,
      rounds: [{ round: 1, tallies: published, elected: ["b1", "b2", "i2"], eliminated: [] }],
      winners: ["b1", "b2", "i2"],
      tieBreaks: [],
      // Voters 5,200 to 9,999 approve no candidate at all.
      abstentions: 4800,
    });
  });

  it("meets the example's published tie for sixth place with six seats", () => {
    const result = approval.count({ options, seats: 6, ballots, tieBreaker: optionOrderTieBreaker(options) });
    expect(result.winners).toEqual(["b1", "b2", "i2", "b3", "a2", "i1"]);
    expect(result.tieBreaks).toEqual([
      {
        round: 1,
        deciding: "the last of 6 seats",
        between: ["i1", "i3"],
        chosen: ["i1"],
        rule: "option-order",
        explanation:
          "i1 and i3 tied with 4400 votes each for the last of 6 seats; by the ballot order (the option listed first is favoured), i1 is elected.",
      },
    ]);
    // Seven seats take both: no tie to break.
    const seven = approval.count({ options, seats: 7, ballots, tieBreaker: optionOrderTieBreaker(options) });
    expect(seven.winners).toEqual(["b1", "b2", "i2", "b3", "a2", "i1", "i3"]);
    expect(seven.tieBreaks).toEqual([]);
  });

  it("accepts any number of choices and refuses what the domain never accepts", () => {
    const opts = ["a", "b", "c"];
    const result = approval.count({
      options: opts,
      seats: 2,
      ballots: [vote(2, "a", "b", "c"), vote(1, "c"), vote(3)],
      tieBreaker: optionOrderTieBreaker(opts),
    });
    expect(result.rounds[0]!.tallies).toEqual({ a: 2, b: 2, c: 3 });
    expect(result.winners).toEqual(["c", "a"]);
    expect(result.abstentions).toBe(3);
    const count = (ballots: WeightedBallot<Choices>[]) => () =>
      approval.count({ options: opts, seats: 1, ballots, tieBreaker: optionOrderTieBreaker(opts) });
    expect(count([vote(1, "a", "a")])).toThrow("twice");
    expect(count([vote(1, "a", "z")])).toThrow('unknown option "z"');
    expect(count([vote(0.5, "a")])).toThrow("positive integer");
  });

  it("never elects an option nobody approved", () => {
    const opts = ["a", "b", "c"];
    const result = approval.count({
      options: opts,
      seats: 3,
      ballots: [vote(1, "b")],
      tieBreaker: optionOrderTieBreaker(opts),
    });
    expect(result.winners).toEqual(["b"]);
    expect(result.tieBreaks).toEqual([]);
  });

  describe("ties at the seat boundary", () => {
    const opts = ["w", "x", "y", "z"];
    // w 6, x 4, y 4, z 4: for two seats, w is in and x, y, z tie for the other.
    const tied = [vote(4, "w", "x", "y", "z"), vote(2, "w")];

    it("with the option-order tie breaker: the option listed first", () => {
      const result = approval.count({
        options: opts,
        seats: 2,
        ballots: tied,
        tieBreaker: optionOrderTieBreaker(opts),
      });
      expect(result.winners).toEqual(["w", "x"]);
      expect(result.tieBreaks).toEqual([
        {
          round: 1,
          deciding: "the last of 2 seats",
          between: ["x", "y", "z"],
          chosen: ["x"],
          rule: "option-order",
          explanation:
            "x, y and z tied with 4 votes each for the last of 2 seats; by the ballot order (the option listed first is favoured), x is elected.",
        },
      ]);
    });

    it("by lot: reproducible from the seed, and the seed matters", () => {
      const run = (seed: string, seats: number) =>
        approval.count({ options: opts, seats, ballots: tied, tieBreaker: lotTieBreaker(seed, sha256) });
      const first = run("seed-a", 3);
      expect(run("seed-a", 3)).toEqual(first);
      const order = lotTieBreaker("seed-a", sha256).order(["x", "y", "z"], "round 1: the last 2 of 3 seats");
      expect(first.winners).toEqual(["w", ...order.slice(0, 2)]);
      expect(first.tieBreaks[0]).toMatchObject({
        deciding: "the last 2 of 3 seats",
        between: ["x", "y", "z"],
        chosen: order.slice(0, 2),
        rule: "lot",
      });
      const others = Array.from({ length: 20 }, (_, i) => run(`seed-${i}`, 3).winners.join());
      expect(others.some((winners) => winners !== first.winners.join())).toBe(true);
    });

    it("by a recorded draw: the options drawn first", () => {
      const result = approval.count({
        options: opts,
        seats: 3,
        ballots: tied,
        tieBreaker: recordedDrawTieBreaker(["z", "w", "y", "x"]),
      });
      expect(result.winners).toEqual(["w", "z", "y"]);
      expect(result.tieBreaks[0]).toMatchObject({ chosen: ["z", "y"], rule: "recorded-draw" });
      expect(result.tieBreaks[0]!.explanation).toBe(
        "x, y and z tied with 4 votes each for the last 2 of 3 seats; by the officials' recorded draw, z and y are elected.",
      );
    });
  });

  it("counts a weight exactly as that many identical ballots, and elects the most approved", () => {
    const next = random(11);
    for (let election = 0; election < 300; election++) {
      const opts = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => `o${i}`);
      const seats = 1 + Math.floor(next() * 4);
      const weighted = Array.from({ length: Math.floor(next() * 12) }, () =>
        vote(1 + Math.floor(next() * 4), ...opts.filter(() => next() < 0.4)),
      );
      const repeated = weighted.flatMap((b) => Array.from({ length: b.weight }, () => ({ ...b, weight: 1 })));
      const tieBreaker = lotTieBreaker(`election ${election}`, sha256);
      const result = approval.count({ options: opts, seats, ballots: weighted, tieBreaker });
      expect(approval.count({ options: opts, seats, ballots: repeated, tieBreaker })).toEqual(result);

      // Independently: each winner has at least the votes of every option left out, winners
      // have votes, and seats stay empty only when no other option has any vote.
      const tallies = result.rounds[0]!.tallies;
      const approvals = (id: string) =>
        weighted.filter((b) => b.marks.choices.includes(id)).reduce((s, b) => s + b.weight, 0);
      for (const id of opts) expect(tallies[id]).toBe(approvals(id));
      const losers = opts.filter((id) => !result.winners.includes(id));
      for (const w of result.winners) {
        expect(tallies[w]).toBeGreaterThan(0);
        for (const l of losers) expect(tallies[w]).toBeGreaterThanOrEqual(tallies[l]!);
      }
      expect(result.winners.length).toBe(Math.min(seats, opts.filter((id) => tallies[id]! > 0).length));
      const boundaryTie =
        result.winners.length === seats &&
        losers.some((l) => tallies[l]! > 0 && tallies[l] === tallies[result.winners[seats - 1]!]);
      expect(result.tieBreaks.length).toBe(boundaryTie ? 1 : 0);
    }
  });

  it("counts 100,000 random ballots", () => {
    const next = random(2_024);
    const opts = Array.from({ length: 10 }, (_, i) => `option-${i}`);
    const expected: Record<string, number> = Object.fromEntries(opts.map((id) => [id, 0]));
    const ballots = Array.from({ length: 100_000 }, () => {
      // option-i is approved with probability (i + 1) / 12: the later, the more approved.
      const choices = opts.filter((_, i) => next() < (i + 1) / 12);
      for (const id of choices) expected[id]! += 1;
      return vote(1, ...choices);
    });
    const result = approval.count({ options: opts, seats: 4, ballots, tieBreaker: optionOrderTieBreaker(opts) });
    expect(result.rounds[0]!.tallies).toEqual(expected);
    expect(result.winners).toEqual([...opts].sort((a, b) => expected[b]! - expected[a]!).slice(0, 4));
    expect(result.abstentions).toBe(ballots.filter((b) => b.marks.choices.length === 0).length);
  });
});

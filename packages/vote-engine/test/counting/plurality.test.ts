import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WeightedBallot } from "../../src/tally/counting/counting-method";
import { plurality } from "../../src/tally/counting/plurality";
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

describe("plurality", () => {
  // Wikipedia, "Instant-runoff voting", section "Examples" (the Tennessee state capital
  // election): first preferences Memphis 42%, Nashville 26%, Chattanooga 15%, Knoxville 17%.
  // Counted by plurality, only first preferences count and Memphis wins with 42.
  it("elects the published plurality winner of the Tennessee example", () => {
    const options = ["memphis", "nashville", "chattanooga", "knoxville"];
    const result = plurality.count({
      options,
      seats: 1,
      ballots: [vote(42, "memphis"), vote(26, "nashville"), vote(15, "chattanooga"), vote(17, "knoxville")],
      tieBreaker: optionOrderTieBreaker(options),
    });
    expect(result).toEqual({
      method: "plurality",
      seats: 1,
      rounds: [
        {
          round: 1,
          tallies: { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
          elected: ["memphis"],
          eliminated: [],
        },
      ],
      winners: ["memphis"],
      tieBreaks: [],
      abstentions: 0,
    });
  });

  // Wikipedia, "Block approval voting", section "Example with comparison": a 3-member district,
  // column "Single non-transferable vote" (one vote per voter, which is what plurality with
  // several seats is here): A1 800, A2 1900, A3 700, B1 900, B2 1100, B3 400, I1 800, I2 800,
  // I3 700, I4 700, I5 600, I6 500; elected A2 (1.), B2 (2.) and B1 (3.). The column adds up to
  // 9,900 of the example's 10,000 voters; the other 100 are not in it and are left out here.
  it("elects the published single non-transferable vote example with 3 seats", () => {
    const published: Record<string, number> = {
      a1: 800,
      a2: 1900,
      a3: 700,
      b1: 900,
      b2: 1100,
      b3: 400,
      i1: 800,
      i2: 800,
      i3: 700,
      i4: 700,
      i5: 600,
      i6: 500,
    };
    const options = Object.keys(published);
    const result = plurality.count({
      options,
      seats: 3,
      ballots: options.map((id) => vote(published[id]!, id)),
      tieBreaker: optionOrderTieBreaker(options),
    });
    expect(result.winners).toEqual(["a2", "b2", "b1"]);
    expect(result.rounds[0]!.tallies).toEqual(published);
    expect(result.tieBreaks).toEqual([]);
  });

  it("counts ballots with no choice as abstentions, by weight", () => {
    const result = plurality.count({
      options: ["a", "b"],
      seats: 1,
      ballots: [vote(3), vote(2, "b"), vote(4)],
      tieBreaker: optionOrderTieBreaker(["a", "b"]),
    });
    expect(result.abstentions).toBe(7);
    expect(result.winners).toEqual(["b"]);
    expect(result.rounds[0]!.tallies).toEqual({ a: 0, b: 2 });
  });

  it("refuses a ballot with more than one choice, and other ballots the domain never accepts", () => {
    const count =
      (ballots: WeightedBallot<Choices>[], seats = 1, options = ["a", "b"]) =>
      () =>
        plurality.count({ options, seats, ballots, tieBreaker: optionOrderTieBreaker(options) });
    expect(count([vote(1, "a", "b")])).toThrow("more than one option");
    expect(count([vote(1, "x")])).toThrow('unknown option "x"');
    expect(count([vote(0, "a")])).toThrow("positive integer");
    expect(count([vote(1.5, "a")])).toThrow("positive integer");
    expect(count([vote(-2, "a")])).toThrow("positive integer");
    expect(count([vote(1, "a")], 0)).toThrow("seats");
    expect(count([vote(1, "a")], 1, ["a", "a"])).toThrow("listed twice");
  });

  it("never elects an option nobody chose, so seats may stay unfilled", () => {
    const options = ["a", "b", "c", "d"];
    const result = plurality.count({
      options,
      seats: 3,
      ballots: [vote(2, "c"), vote(1, "a")],
      tieBreaker: optionOrderTieBreaker(options),
    });
    expect(result.winners).toEqual(["c", "a"]);
    expect(result.rounds[0]!.elected).toEqual(["c", "a"]);
    // b and d tie with no vote at the boundary: nothing to break, nobody elected.
    expect(result.tieBreaks).toEqual([]);
    const nobody = plurality.count({
      options,
      seats: 2,
      ballots: [vote(5)],
      tieBreaker: optionOrderTieBreaker(options),
    });
    expect(nobody.winners).toEqual([]);
    expect(nobody.abstentions).toBe(5);
  });

  it("elects a group of equal options together when they all fit", () => {
    const options = ["a", "b", "c", "d"];
    const result = plurality.count({
      options,
      seats: 3,
      ballots: [vote(5, "d"), vote(3, "a"), vote(3, "c"), vote(1, "b")],
      tieBreaker: optionOrderTieBreaker(options),
    });
    expect(result.winners).toEqual(["d", "a", "c"]);
    expect(result.tieBreaks).toEqual([]);
  });

  describe("ties at the seat boundary", () => {
    const options = ["a", "b", "c", "d"];
    // a 5; b, c and d 3 each: a wins a seat, and b, c, d tie for the second.
    const ballots = [vote(5, "a"), vote(3, "b"), vote(3, "c"), vote(3, "d"), vote(1)];

    it("go to the option listed first with the option-order tie breaker, and are recorded", () => {
      const result = plurality.count({ options, seats: 2, ballots, tieBreaker: optionOrderTieBreaker(options) });
      expect(result.winners).toEqual(["a", "b"]);
      expect(result.tieBreaks).toEqual([
        {
          round: 1,
          deciding: "the last of 2 seats",
          between: ["b", "c", "d"],
          chosen: ["b"],
          rule: "option-order",
          explanation:
            "b, c and d tied with 3 votes each for the last of 2 seats; by the ballot order (the option listed first is favoured), b is elected.",
        },
      ]);
    });

    it("go by lot from the seed: the same on every run, and another seed may draw another", () => {
      const run = (seed: string) =>
        plurality.count({ options, seats: 2, ballots, tieBreaker: lotTieBreaker(seed, sha256) });
      const first = run("published seed 2024");
      expect(run("published seed 2024")).toEqual(first);
      const expected = lotTieBreaker("published seed 2024", sha256).order(
        ["b", "c", "d"],
        "round 1: the last of 2 seats",
      );
      expect(first.winners).toEqual(["a", expected[0]]);
      expect(first.tieBreaks[0]).toMatchObject({
        round: 1,
        deciding: "the last of 2 seats",
        between: ["b", "c", "d"],
        chosen: [expected[0]],
        rule: "lot",
      });
      expect(first.tieBreaks[0]!.explanation).toMatch(/by lot drawn from the published seed/);
      const others = Array.from({ length: 20 }, (_, i) => run(`another seed ${i}`).tieBreaks[0]!.chosen[0]);
      expect(others.some((chosen) => chosen !== first.tieBreaks[0]!.chosen[0])).toBe(true);
    });

    it("go to the option drawn first in a recorded draw", () => {
      const result = plurality.count({
        options,
        seats: 2,
        ballots,
        tieBreaker: recordedDrawTieBreaker(["c", "a", "d", "b"]),
      });
      expect(result.winners).toEqual(["a", "c"]);
      expect(result.tieBreaks[0]).toMatchObject({ between: ["b", "c", "d"], chosen: ["c"], rule: "recorded-draw" });
      expect(() =>
        plurality.count({ options, seats: 2, ballots, tieBreaker: recordedDrawTieBreaker(["a", "b", "c"]) }),
      ).toThrow('does not place option "d"');
    });

    it("say how many of how many seats were decided", () => {
      const three = plurality.count({ options, seats: 3, ballots, tieBreaker: optionOrderTieBreaker(options) });
      expect(three.winners).toEqual(["a", "b", "c"]);
      expect(three.tieBreaks[0]).toMatchObject({ deciding: "the last 2 of 3 seats", chosen: ["b", "c"] });
      const one = plurality.count({
        options,
        seats: 1,
        ballots: [vote(2, "c"), vote(2, "b")],
        tieBreaker: recordedDrawTieBreaker(["d", "c", "b", "a"]),
      });
      expect(one.winners).toEqual(["c"]);
      expect(one.tieBreaks[0]).toMatchObject({ deciding: "the seat", between: ["b", "c"], chosen: ["c"] });
    });
  });

  it("counts a weight exactly as that many identical ballots", () => {
    const next = random(7);
    for (let election = 0; election < 200; election++) {
      const options = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => `o${i}`);
      const seats = 1 + Math.floor(next() * 3);
      const weighted: WeightedBallot<Choices>[] = Array.from({ length: Math.floor(next() * 15) }, () => {
        const pick = Math.floor(next() * (options.length + 1));
        return vote(1 + Math.floor(next() * 4), ...(pick < options.length ? [options[pick]!] : []));
      });
      const repeated = weighted.flatMap((b) => Array.from({ length: b.weight }, () => ({ ...b, weight: 1 })));
      for (const tieBreaker of [optionOrderTieBreaker(options), lotTieBreaker(`seed ${election}`, sha256)]) {
        expect(plurality.count({ options, seats, ballots: repeated, tieBreaker })).toEqual(
          plurality.count({ options, seats, ballots: weighted, tieBreaker }),
        );
      }
    }
  });

  it("counts 100,000 random ballots", () => {
    const next = random(100_000);
    const options = Array.from({ length: 8 }, (_, i) => `candidate-${i}`);
    const expected: Record<string, number> = Object.fromEntries(options.map((id) => [id, 0]));
    let abstentions = 0;
    const ballots = Array.from({ length: 100_000 }, () => {
      // Skewed, so the order is clear: candidate-0 is chosen most often.
      const pick = Math.floor(next() ** 1.5 * (options.length + 1));
      if (pick === options.length) {
        abstentions += 1;
        return vote(1);
      }
      expected[options[pick]!]! += 1;
      return vote(1, options[pick]!);
    });
    const result = plurality.count({ options, seats: 3, ballots, tieBreaker: optionOrderTieBreaker(options) });
    expect(result.rounds[0]!.tallies).toEqual(expected);
    expect(result.abstentions).toBe(abstentions);
    const byVotes = [...options].sort((a, b) => expected[b]! - expected[a]!);
    expect(result.winners).toEqual(byVotes.slice(0, 3));
  });
});

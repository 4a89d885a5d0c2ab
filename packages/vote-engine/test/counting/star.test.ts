import { describe, expect, it } from "vitest";
import type { CountInput, CountResult } from "../../src/tally/counting/counting-method";
import type { ScoreMarks } from "../../src/tally/counting/score";
import { star } from "../../src/tally/counting/star";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { referenceStar } from "./reference/score-reference";

const scored = (weight: number, scores: Record<string, number>) => ({ marks: { scores }, weight });

/** Ballots written as rows of scores in the options' order, one ballot per row. */
const rows = (options: readonly string[], table: readonly (readonly number[])[]) =>
  table.map((row) => scored(1, Object.fromEntries(options.map((id, i) => [id, row[i]!]))));

function count(input: Partial<CountInput<ScoreMarks>> & Pick<CountInput<ScoreMarks>, "options" | "ballots">) {
  return star.count({
    seats: 1,
    tieBreaker: optionOrderTieBreaker(input.options),
    scoreRange: { min: 0, max: 5 },
    ...input,
  });
}

const finalistsOf = (result: CountResult) =>
  Object.keys(result.rounds[0]!.tallies).filter((id) => !result.rounds[0]!.eliminated.includes(id));

describe("STAR voting", () => {
  // Wikipedia, "STAR voting", section "Example": the Tennessee capital election scored 0 to 5
  // (42% Memphis voters: Memphis 5, Nashville 2, Chattanooga 1, Knoxville 0; 26% Nashville
  // voters: 0, 5, 2, 1; 15% Chattanooga voters: 0, 3, 5, 3; 17% Knoxville voters: 0, 2, 4, 5;
  // transcribed as in endolith/elsim, tests/test_star.py). The article elects Nashville. Over 100
  // voters these ballots total Memphis 210, Nashville 293, Chattanooga 237, Knoxville 156, so
  // Nashville and Chattanooga are the finalists; the runoff prefers Nashville on 42 + 26 = 68
  // ballots and Chattanooga on 15 + 17 = 32.
  it("reproduces Wikipedia's Tennessee example (Nashville beats Chattanooga 68 to 32)", () => {
    const options = ["memphis", "nashville", "chattanooga", "knoxville"];
    const result = count({
      options,
      ballots: [
        scored(42, { memphis: 5, nashville: 2, chattanooga: 1, knoxville: 0 }),
        scored(26, { memphis: 0, nashville: 5, chattanooga: 2, knoxville: 1 }),
        scored(15, { memphis: 0, nashville: 3, chattanooga: 5, knoxville: 3 }),
        scored(17, { memphis: 0, nashville: 2, chattanooga: 4, knoxville: 5 }),
      ],
    });
    expect(result).toEqual({
      method: "star",
      seats: 1,
      rounds: [
        {
          round: 1,
          tallies: { memphis: 210, nashville: 293, chattanooga: 237, knoxville: 156 },
          elected: [],
          eliminated: ["memphis", "knoxville"],
        },
        {
          round: 2,
          tallies: { nashville: 68, chattanooga: 32 },
          exhausted: 0,
          elected: ["nashville"],
          eliminated: ["chattanooga"],
        },
      ],
      winners: ["nashville"],
      tieBreaks: [],
      abstentions: 0,
    });
  });

  // The worked example of the STAR explainer video https://www.youtube.com/watch?v=3-mOeUXAkV0,
  // as transcribed in endolith/elsim, tests/test_star.py ("DeAndre wins"): five voters score Abby,
  // Ben, Carmen and DeAndre. Totals 10, 6, 16, 19; Carmen and DeAndre are the finalists; DeAndre
  // is preferred on 3 ballots, Carmen on 1, and one ballot gives both 5 (no preference).
  it("reports ballots with no preference between the finalists as round 2's exhausted", () => {
    const options = ["abby", "ben", "carmen", "deandre"];
    const result = count({
      options,
      ballots: rows(options, [
        [3, 4, 0, 5],
        [1, 0, 5, 1],
        [0, 2, 5, 5],
        [5, 0, 2, 3],
        [1, 0, 4, 5],
      ]),
    });
    expect(result.rounds).toEqual([
      {
        round: 1,
        tallies: { abby: 10, ben: 6, carmen: 16, deandre: 19 },
        elected: [],
        eliminated: ["abby", "ben"],
      },
      { round: 2, tallies: { carmen: 1, deandre: 3 }, exhausted: 1, elected: ["deandre"], eliminated: ["carmen"] },
    ]);
    expect(result.winners).toEqual(["deandre"]);
  });

  // Equal Vote's own tabulator tests (Equal-Vote/bettervoting, packages/backend/src/Tabulators/
  // Star.test.ts, "STAR Tests"), ballots as published there; candidates Allison, Bill, Carmen, Doug.
  describe("Equal Vote's published tabulator cases", () => {
    const people = ["allison", "bill", "carmen", "doug"];

    it('"Condorcet Winner": Allison wins, Carmen is runner-up', () => {
      const result = count({
        options: people,
        ballots: rows(people, [
          [5, 2, 1, 4],
          [5, 2, 1, 0],
          [5, 2, 1, 0],
          [5, 2, 1, 0],
          [5, 3, 4, 0],
          [5, 1, 4, 0],
          [5, 1, 4, 0],
          [4, 0, 5, 1],
          [3, 4, 5, 0],
          [3, 5, 5, 5],
        ]),
      });
      expect(result.rounds[0]!.tallies).toEqual({ allison: 45, bill: 22, carmen: 31, doug: 10 });
      expect(result.rounds[1]).toMatchObject({ tallies: { allison: 7, carmen: 3 }, exhausted: 0 });
      expect(result.winners).toEqual(["allison"]);
      expect(result.rounds[1]!.eliminated).toEqual(["carmen"]);
      expect(result.tieBreaks).toEqual([]);
    });

    it('"Runnerup tie": Bill beats Carmen head-to-head for the second place, then Allison wins the runoff tie on score', () => {
      const result = count({
        options: people,
        ballots: rows(people, [
          [5, 4, 3, 3],
          [4, 5, 1, 1],
          [4, 5, 1, 2],
          [3, 5, 1, 0],
          [5, 4, 3, 0],
          [5, 0, 4, 1],
          [5, 0, 4, 0],
          [4, 0, 5, 1],
          [3, 4, 5, 0],
          [3, 5, 5, 4],
        ]),
      });
      // Bill and Carmen both total 32; Bill is scored higher on 5 ballots, Carmen on 4.
      expect(result.rounds[0]!.tallies).toEqual({ allison: 41, bill: 32, carmen: 32, doug: 12 });
      expect(finalistsOf(result)).toEqual(["allison", "bill"]);
      // The runoff is 5 to 5; Allison's total (41) beats Bill's (32).
      expect(result.rounds[1]).toEqual({
        round: 2,
        tallies: { allison: 5, bill: 5 },
        exhausted: 0,
        elected: ["allison"],
        eliminated: ["bill"],
      });
      expect(result.tieBreaks).toEqual([
        {
          round: 1,
          deciding: "runoff finalist",
          between: ["bill", "carmen"],
          chosen: ["bill"],
          rule: "option-order",
          explanation:
            "bill and carmen tied with 32 points each for the second runoff place; bill was scored higher than carmen " +
            "on 5 ballots to 4, so bill advances (head-to-head, the official STAR tie-breaker's first step); " +
            "the election's tie breaker (option-order) was not needed.",
        },
        {
          round: 2,
          deciding: "the seat",
          between: ["allison", "bill"],
          chosen: ["allison"],
          rule: "option-order",
          explanation:
            "allison and bill were each preferred on 5 ballots in the runoff; allison had the higher total score " +
            "(41 to 32), so allison wins (the official STAR tie-breaker's first runoff step; bill is runner-up); " +
            "the election's tie breaker (option-order) was not needed.",
        },
      ]);
    });

    it('"Runoff tie, score resolves": Bill wins on his higher total', () => {
      const options = ["allison", "bill"];
      const result = count({
        options,
        ballots: rows(options, [
          [0, 5],
          [3, 2],
        ]),
      });
      expect(result.rounds[1]!.tallies).toEqual({ allison: 1, bill: 1 });
      expect(result.winners).toEqual(["bill"]);
      expect(result.tieBreaks[0]!.explanation).toMatch(/bill had the higher total score \(7 to 3\)/);
    });

    it('"Runoff & Score Tie, use five-star tiebreaker to resolve": Allison wins on five-star ratings', () => {
      const options = ["allison", "bill"];
      const result = count({
        options,
        ballots: rows(options, [
          [2, 4],
          [5, 3],
        ]),
      });
      expect(result.rounds[0]!.tallies).toEqual({ allison: 7, bill: 7 });
      expect(result.winners).toEqual(["allison"]);
      expect(result.tieBreaks[0]!.explanation).toMatch(/allison had more top scores \(5: 1 to 0\)/);
    });

    it('"True Tie, random winner": the election\'s tie breaker decides', () => {
      const options = ["allison", "bill"];
      const ballots = rows(options, [
        [0, 5],
        [5, 0],
      ]);
      expect(count({ options, ballots }).winners).toEqual(["allison"]);
      const drawn = count({ options, ballots, tieBreaker: recordedDrawTieBreaker(["bill", "allison"]) });
      expect(drawn.winners).toEqual(["bill"]);
      expect(drawn.tieBreaks).toEqual([
        {
          round: 2,
          deciding: "the seat",
          between: ["allison", "bill"],
          chosen: ["bill"],
          rule: "recorded-draw",
          explanation:
            "allison and bill were each preferred on 1 ballot in the runoff; their total scores (5) and top scores " +
            "(5: 1) were equal too; by the officials' recorded draw (the rules' random step), bill wins.",
        },
      ]);
    });
  });

  describe("ties in the scoring round (the Official Tie-breaker Protocol)", () => {
    const options = ["a", "b", "c", "d"];

    it("lets two options tied for first both advance without a tie break", () => {
      const result = count({ options, ballots: [scored(1, { a: 5, b: 5, c: 2 }), scored(1, { a: 1, b: 1 })] });
      expect(finalistsOf(result)).toEqual(["a", "b"]);
      expect(result.tieBreaks.filter((t) => t.round === 1)).toEqual([]);
    });

    it("sends three options tied for both places to the five-star step", () => {
      // a, b and c total 10; top scores a 2, b 1, c 0.
      const result = count({
        options,
        ballots: [scored(1, { a: 5, b: 4, c: 4 }), scored(1, { a: 5, b: 1, c: 3, d: 1 }), scored(1, { b: 5, c: 3 })],
      });
      expect(result.rounds[0]!.tallies).toEqual({ a: 10, b: 10, c: 10, d: 1 });
      expect(finalistsOf(result)).toEqual(["a", "b"]);
      expect(result.tieBreaks[0]).toMatchObject({
        deciding: "runoff finalists",
        between: ["a", "b", "c"],
        chosen: ["a", "b"],
      });
      expect(result.tieBreaks[0]!.explanation).toMatch(
        /head-to-head is not used; top scores \(5\) were a 2, b 1, c 0, so a and b advance/,
      );
      expect(result.winners).toEqual(["a"]);
    });

    it("sends three options tied for the second place to the five-star step", () => {
      const result = count({
        options,
        ballots: [scored(1, { a: 5, b: 5 }), scored(1, { a: 5, c: 3, d: 2 }), scored(1, { a: 5, c: 2, d: 3 })],
      });
      expect(result.rounds[0]!.tallies).toEqual({ a: 15, b: 5, c: 5, d: 5 });
      expect(finalistsOf(result)).toEqual(["a", "b"]);
      expect(result.tieBreaks[0]).toMatchObject({
        deciding: "runoff finalist",
        between: ["b", "c", "d"],
        chosen: ["b"],
      });
      // The ballot scoring a and b both 5 has no preference.
      expect(result.rounds[1]).toMatchObject({ tallies: { a: 2, b: 0 }, exhausted: 1, elected: ["a"] });
    });

    it("uses the tie breaker when the five-star step leaves a tie at the boundary", () => {
      // a, b and c total 10; top scores a 2, b 1, c 1: a advances, then b or c by the tie breaker.
      const ballots = [
        scored(1, { a: 5, b: 5 }),
        scored(1, { a: 5, c: 5 }),
        scored(1, { b: 4, c: 4 }),
        scored(1, { b: 1, c: 1 }),
      ];
      const byOrder = count({ options, ballots });
      expect(finalistsOf(byOrder)).toEqual(["a", "b"]);
      expect(byOrder.tieBreaks[0]).toMatchObject({
        between: ["a", "b", "c"],
        chosen: ["a", "b"],
        rule: "option-order",
      });
      expect(byOrder.tieBreaks[0]!.explanation).toMatch(
        /leaving b and c level on 1; by the ballot order \(the option listed first is favoured\) \(the rules' random step\), b advances/,
      );
      // The runoff: a preferred on 1 ballot, b on 2, one with no preference.
      expect(byOrder.rounds[1]).toMatchObject({ tallies: { a: 1, b: 2 }, exhausted: 1 });
      expect(byOrder.winners).toEqual(["b"]);

      const byDraw = count({ options, ballots, tieBreaker: recordedDrawTieBreaker(["d", "c", "b", "a"]) });
      expect(finalistsOf(byDraw)).toEqual(["a", "c"]);
      expect(byDraw.tieBreaks[0]).toMatchObject({ chosen: ["a", "c"], rule: "recorded-draw" });
    });

    it("settles two options tied for the second place head-to-head", () => {
      const result = count({
        options,
        ballots: [scored(2, { a: 5, b: 2, c: 1 }), scored(1, { a: 5, c: 2 })],
      });
      expect(result.rounds[0]!.tallies).toEqual({ a: 15, b: 4, c: 4, d: 0 });
      expect(finalistsOf(result)).toEqual(["a", "b"]);
      expect(result.tieBreaks[0]!.explanation).toMatch(/b was scored higher than c on 2 ballots to 1/);
    });

    it("goes on to five stars, then the tie breaker, when two tied options split head-to-head", () => {
      const ballots = [scored(1, { a: 5, b: 2, c: 1 }), scored(1, { a: 5, b: 1, c: 2 })];
      const byOrder = count({ options, ballots });
      expect(finalistsOf(byOrder)).toEqual(["a", "b"]);
      expect(byOrder.tieBreaks[0]!.explanation).toBe(
        "b and c tied with 3 points each for the second runoff place; each was scored higher than the other on 1 ballot, " +
          "so head-to-head does not settle it; top scores (5) were b 0, c 0, leaving b and c level on 0; by the ballot order " +
          "(the option listed first is favoured) (the rules' random step), b advances.",
      );
      const byDraw = count({ options, ballots, tieBreaker: recordedDrawTieBreaker(["c", "b", "a", "d"]) });
      expect(finalistsOf(byDraw)).toEqual(["a", "c"]);
    });
  });

  it("elects a question's only option, and no one when every ballot abstains", () => {
    expect(count({ options: ["a"], ballots: [scored(2, { a: 3 })] })).toMatchObject({
      winners: ["a"],
      rounds: [{ round: 1, tallies: { a: 6 }, elected: ["a"], eliminated: [] }],
    });
    expect(count({ options: ["a", "b"], ballots: [scored(4, { a: 0 })] })).toMatchObject({
      winners: [],
      abstentions: 4,
      rounds: [{ round: 1, tallies: { a: 0, b: 0 }, elected: [], eliminated: [] }],
    });
  });

  it("reads ballots as score voting does, and fills one seat only", () => {
    const options = ["a", "b"];
    expect(() => count({ options, ballots: [scored(1, { a: 7 })] })).toThrow(/outside the range 0 to 5/);
    expect(() => count({ options, ballots: [scored(1, { a: 1.5 })] })).toThrow(/not a whole number/);
    expect(() => count({ options, ballots: [scored(1, { c: 1 })] })).toThrow(/unknown option "c"/);
    expect(() => count({ options, ballots: [], scoreRange: undefined })).toThrow(
      /STAR voting needs the question's score range/,
    );
    expect(() => count({ options, ballots: [], seats: 2 })).toThrow(/fills one seat/);
  });

  it("agrees with the independent reference on 400 seeded random elections", () => {
    const random = mulberry32(5_2014);
    let tied = 0;
    for (let election = 0; election < 400; election++) {
      const { options, ballots, range } = randomElection(random);
      const tieBreaker =
        election % 2 === 0 ? optionOrderTieBreaker(options) : recordedDrawTieBreaker(shuffled(options, random));
      const result = star.count({ options, seats: 1, ballots, tieBreaker, scoreRange: range });
      const expected = referenceStar({ options, ballots, range, seats: 1, tieBreaker });
      const label = `election ${election}`;
      expect(result.rounds[0]!.tallies, label).toEqual(expected.totals);
      expect(result.winners, label).toEqual(expected.winner === null ? [] : [expected.winner]);
      expect(result.abstentions, label).toBe(expected.abstentions);
      if (expected.runoff === null) {
        expect(result.rounds, label).toHaveLength(1);
      } else {
        const [first, second] = expected.finalists as [string, string];
        expect(finalistsOf(result), label).toEqual(expected.finalists);
        expect(result.rounds[1]!.tallies, label).toEqual({
          [first]: expected.runoff.first,
          [second]: expected.runoff.second,
        });
        expect(result.rounds[1]!.exhausted, label).toBe(expected.runoff.neither);
      }
      tied += result.tieBreaks.length > 0 ? 1 : 0;
    }
    // The generator is meant to make ties common; make sure it does, or the comparison proves little.
    expect(tied).toBeGreaterThan(40);
  });

  it("counts 100,000 ballots quickly and exactly", () => {
    const random = mulberry32(11);
    const options = ["a", "b", "c", "d", "e", "f"];
    const range = { min: 0, max: 5 };
    const ballots = Array.from({ length: 100_000 }, () => ({ marks: randomScores(random, options, range), weight: 1 }));
    const tieBreaker = optionOrderTieBreaker(options);
    const started = performance.now();
    const result = star.count({ options, seats: 1, ballots, tieBreaker, scoreRange: range });
    const elapsed = performance.now() - started;
    const expected = referenceStar({ options, ballots, range, seats: 1, tieBreaker });
    expect(result.rounds[0]!.tallies).toEqual(expected.totals);
    expect(finalistsOf(result)).toEqual(expected.finalists);
    expect(result.rounds[1]!.exhausted).toBe(expected.runoff!.neither);
    expect(result.winners).toEqual([expected.winner]);
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
  const ballots = Array.from({ length: Math.floor(random() * 10) }, () => ({
    marks: randomScores(random, options, range),
    weight: 1 + Math.floor(random() * 3),
  }));
  return { options, ballots, range };
}

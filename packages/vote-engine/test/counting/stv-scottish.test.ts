import { describe, expect, it } from "vitest";
import type { CountResult, TieBreaker, WeightedBallot } from "../../src/tally/counting/counting-method";
import { stvScottish } from "../../src/tally/counting/stv-scottish";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { ballot, prng, randomBallots } from "./reference/random-ranked-ballots";
import { GPUS_STEERING_COMMITTEE_2005, parseBlt, referenceScottish } from "./reference/stv-reference";

type Ranked = { readonly ranking: readonly string[] };
const count = (
  options: readonly string[],
  seats: number,
  ballots: ReadonlyArray<WeightedBallot<Ranked>>,
  tieBreaker: TieBreaker = optionOrderTieBreaker(options),
) => stvScottish.count({ options, seats, ballots, tieBreaker });
const toBallots = (ballots: ReadonlyArray<{ ranking: readonly string[]; weight: number }>) =>
  ballots.map(({ ranking, weight }) => ballot(weight, ...ranking));

/** Each stage's change is exactly its transfer: to the continuing options and to the non-transferable. */
function expectTransfersAccountForChanges(result: CountResult) {
  result.rounds.forEach((round, i) => {
    const next = result.rounds[i + 1];
    if (!next) return;
    const [transfer] = round.transfers!;
    for (const option of Object.keys(next.tallies)) {
      if (option === transfer!.from) continue;
      expect(next.tallies[option]! - round.tallies[option]!).toBeCloseTo(transfer!.to[option] ?? 0, 5);
    }
    expect(next.exhausted! - round.exhausted!).toBeCloseTo(transfer!.exhausted, 5);
  });
}

/** A published count's stages: non-transferable total, then each candidate's votes (null once excluded). */
type Stage = [nonTransferable: number, votes: Array<number | null>];

function expectStages(result: CountResult, options: readonly string[], stages: readonly Stage[]) {
  expect(result.rounds).toHaveLength(stages.length);
  stages.forEach(([nonTransferable, votes], i) => {
    const round = result.rounds[i]!;
    expect(round.exhausted, `stage ${i + 1}`).toBe(nonTransferable);
    expect(round.tallies, `stage ${i + 1}`).toEqual(
      Object.fromEntries(options.flatMap((name, c) => (votes[c] === null ? [] : [[name, votes[c]]]))),
    );
  });
}

describe("Scottish STV count", () => {
  // Source: the Springburn ward of the Glasgow City Council election of 3 May 2007, counted under
  // SSI 2007/42: the preference data Glasgow published, as kept in Droop (github.com/jklundell/droop,
  // commit cf58293) test/blt/scotland/Springburn-2007.blt (verbatim below), and Droop's reference count
  // under its Scottish rule, test/ref/dump/scotland/Springburn-2007-scotland-fixed-p5-d5.txt. 5,410
  // votes, 3 seats, quota 1,353. The stages below are that output's, digit for digit.
  it("reproduces the 2007 Springburn ward count stage by stage", () => {
    const ward = parseBlt(SPRINGBURN_2007);
    const result = count(ward.options, ward.seats, toBallots(ward.ballots));
    expect(result.rounds.every((r) => r.quota === 1353)).toBe(true);
    expectStages(result, ward.options, [
      [0, [135, 339, 173, 1300, 134, 85, 135, 1752, 168, 1189]],
      [
        82.89372,
        [139.78233, 351.75288, 176.41595, 1327.09987, 140.14871, 86.82184, 137.50503, 1353, 176.88147, 1437.68116],
      ],
      [133.29616, [143.25032, 358.57632, 178.54502, 1336.33636, 143.75895, 88.39636, 138.78505, 1353, 183.03308, 1353]],
      [163.16127, [144.60926, 362.87082, 203.47722, 1340.90962, 150.77236, null, 151.84395, 1353, 186.33312, 1353]],
      [205.38908, [null, 410.14226, 209.51745, 1374.08557, 162.73399, null, 154.90285, 1353, 187.20642, 1353]],
    ]);
    expect(result.rounds.map((r) => [r.elected, r.eliminated, r.transfers?.[0]?.from])).toEqual([
      [["Allan Stewart"], [], "Allan Stewart"],
      [["James Todd"], [], "James Todd"],
      [[], ["Robert G C Sawers"], "Robert G C Sawers"],
      [[], ["Margaret Bean"], "Margaret Bean"],
      // Every seat is filled: Phil Greene's surplus is not transferred (rule 48(1)).
      [["Phil Greene"], [], undefined],
    ]);
    expect(result.winners).toEqual(["Allan Stewart", "James Todd", "Phil Greene"]);
    expect(result.tieBreaks).toEqual([]);
    expectTransfersAccountForChanges(result);
    // Rule 48(3): Stewart's surplus of 399 went at 399/1752 a paper, truncated to 5 places.
    expect(result.rounds[0]!.transfers![0]!.to["James Todd"]).toBe(248.68116);
  });

  // Source: Droop (commit cf58293) test/blt/SC.blt, the GPUS Steering Committee election of
  // 2005-07-24, and Droop's count of it under the Scottish rule, test/ref/dump/SC-scotland-fixed-p5-d5.txt.
  // Four candidates sit at zero in every stage; Droop excludes the first in ballot order, which a
  // recorded draw in reverse ballot order reproduces (rule 51(2)(b), by lot).
  it("reproduces Droop's count of the GPUS 2005 election stage by stage, ties by lot recorded", () => {
    const gpus = parseBlt(GPUS_STEERING_COMMITTEE_2005);
    const result = count(
      gpus.options,
      gpus.seats,
      toBallots(gpus.ballots),
      recordedDrawTieBreaker([...gpus.options].reverse()),
    );
    expectStages(result, gpus.options, [
      [0, [6, 3, 8, 22, 2, 0, 33, 1, 1, 0, 0, 0, 18]],
      [0, [6.84848, 3.42424, 8.42424, 22, 2.42424, 0, 19, 12.45448, 1.42424, 0, 0, 0, 18]],
      [0, [7.803, 3.5606, 9.2424, 19, 2.69696, 0, 19, 12.7272, 1.42424, 0, 0, 0, 18.54544]],
      [0, [7.803, 3.5606, 9.2424, 19, 2.69696, null, 19, 12.7272, 1.42424, 0, 0, 0, 18.54544]],
      [0, [7.803, 3.5606, 9.2424, 19, 2.69696, null, 19, 12.7272, 1.42424, null, 0, 0, 18.54544]],
      [0, [7.803, 3.5606, 9.2424, 19, 2.69696, null, 19, 12.7272, 1.42424, null, null, 0, 18.54544]],
      [0, [7.803, 3.5606, 9.2424, 19, 2.69696, null, 19, 12.7272, 1.42424, null, null, null, 18.54544]],
      [0, [7.803, 3.5606, 9.2424, 19, 2.69696, null, 19, 14.15144, null, null, null, null, 18.54544]],
      [0, [8.803, 3.69696, 9.2424, 19, null, null, 19, 14.57568, null, null, null, null, 19.6818]],
      [0.00472, [9.01084, 3.9536, 9.45496, 19, null, null, 19, 14.57568, null, null, null, null, 19]],
      [1.43368, [9.36448, null, 10.59132, 19, null, null, 19, 15.61032, null, null, null, null, 19]],
      [3.77788, [null, null, 16.62204, 19, null, null, 19, 16.59988, null, null, null, null, 19]],
      [18.40808, [null, null, 18.59172, 19, null, null, 19, null, null, null, null, null, 19]],
    ]);
    expect(result.rounds.map((r) => [r.elected, r.eliminated])).toEqual([
      [["Rebecca Rotzler", "Pat LaMarche"], []],
      [[], []],
      [[], ["Write-In 2"]],
      [[], ["Write-In 1"]],
      [[], ["Steve Greenfield"]],
      [[], ["Jimmy Leas"]],
      [[], ["Jason Jones"]],
      [[], ["Michael Piacsek"]],
      [["Steve Kramer"], []],
      [[], ["Kirit Mookerjee"]],
      [[], ["Budd Dickinson"]],
      [[], ["Kristen Olsen"]],
      // Rule 52: one continuing candidate for one seat, elected below the quota.
      [["Tom Sevigny"], []],
    ]);
    // Rule 49(1): the larger surplus (Rotzler's) first, then LaMarche's.
    expect(result.rounds.slice(0, 2).map((r) => r.transfers![0]!.from)).toEqual(["Rebecca Rotzler", "Pat LaMarche"]);
    expect(result.tieBreaks.map((t) => [t.round, t.deciding, t.between, t.chosen, t.rule])).toEqual([
      [
        3,
        "elimination",
        ["Write-In 2", "Write-In 1", "Steve Greenfield", "Jimmy Leas"],
        ["Write-In 2"],
        "recorded-draw",
      ],
      [4, "elimination", ["Write-In 1", "Steve Greenfield", "Jimmy Leas"], ["Write-In 1"], "recorded-draw"],
      [5, "elimination", ["Steve Greenfield", "Jimmy Leas"], ["Steve Greenfield"], "recorded-draw"],
    ]);
    expect(result.winners).toEqual(["Rebecca Rotzler", "Pat LaMarche", "Steve Kramer", "Tom Sevigny"]);
    expectTransfersAccountForChanges(result);
  });

  it("sets aside partial rankings as non-transferable, at the value they were moved at", () => {
    // 14 votes, 2 seats, quota ⌊14/3⌋ + 1 = 5. a's surplus 4 goes at 4/9 = 0.44444 (truncated) a paper:
    // 7 papers ranking a alone are non-transferable (3.11108), 2 go to b (0.88888). b (2.88888) is
    // then lowest; its papers rank nothing further. c is the one continuing candidate for one seat.
    const result = count(["a", "b", "c"], 2, [ballot(7, "a"), ballot(2, "a", "b"), ballot(3, "c"), ballot(2, "b")]);
    expect(result.rounds).toEqual([
      {
        round: 1,
        tallies: { a: 9, b: 2, c: 3 },
        exhausted: 0,
        elected: ["a"],
        eliminated: [],
        transfers: [{ from: "a", to: { b: 0.88888 }, exhausted: 3.11108 }],
        quota: 5,
      },
      {
        round: 2,
        tallies: { a: 5, b: 2.88888, c: 3 },
        exhausted: 3.11108,
        elected: [],
        eliminated: ["b"],
        transfers: [{ from: "b", to: {}, exhausted: 2.88888 }],
        quota: 5,
      },
      { round: 3, tallies: { a: 5, c: 3 }, exhausted: 5.99996, elected: ["c"], eliminated: [], quota: 5 },
    ]);
    expect(result.winners).toEqual(["a", "c"]);
  });

  it("settles a tie for fewest by the most recent stage where the tied candidates differed", () => {
    // Stage 1: a 10, b 4, c 5, y 2, z 3: y goes, to b. Stage 2: a 10, b 6, c 5, z 3: z goes, one paper
    // to c. Stage 3: b and c both 6. Rule 51(2)(a): at stage 2, the most recent where they differed,
    // c had fewer (5 < 6), so c goes (Meek's rule looks forward from the first round and excludes b).
    const result = count(["a", "b", "c", "y", "z"], 1, [
      ballot(10, "a"),
      ballot(4, "b"),
      ballot(5, "c"),
      ballot(2, "y", "b"),
      ballot(1, "z", "c"),
      ballot(2, "z"),
    ]);
    expect(result.rounds.map((r) => [r.tallies, r.exhausted, r.eliminated, r.elected])).toEqual([
      [{ a: 10, b: 4, c: 5, y: 2, z: 3 }, 0, ["y"], []],
      [{ a: 10, b: 6, c: 5, z: 3 }, 0, ["z"], []],
      [{ a: 10, b: 6, c: 6 }, 2, ["c"], []],
      [{ a: 10, b: 6 }, 8, ["b"], []],
      // Rule 52: a is the one continuing candidate for the one seat, below the quota of 13.
      [{ a: 10 }, 14, [], ["a"]],
    ]);
    expect(result.tieBreaks).toEqual([
      expect.objectContaining({
        round: 3,
        deciding: "elimination",
        between: ["b", "c"],
        chosen: ["c"],
        rule: "look-back",
      }),
    ]);
    expect(result.tieBreaks[0]!.explanation).toMatch(/round 2/);
  });

  it("orders equal surpluses by lot when no earlier stage separates them, then transfers the larger first", () => {
    // 12 votes, 3 seats, quota 4. a and b both reach 5 at the first stage: equal surpluses, no
    // earlier stage (rule 49(3)): the recorded draw favours b, so b's surplus goes first, at 1/5 a paper.
    const contexts: string[] = [];
    const draw = recordedDrawTieBreaker(["b", "a", "c", "d"]);
    const recorded: TieBreaker = {
      rule: draw.rule,
      order: (tied, context) => {
        contexts.push(context);
        return draw.order(tied, context);
      },
    };
    const result = count(
      ["a", "b", "c", "d"],
      3,
      [ballot(5, "a", "c"), ballot(5, "b", "d"), ballot(1, "c"), ballot(1, "d")],
      recorded,
    );
    expect(result.rounds.map((r) => [r.tallies, r.elected, r.eliminated, r.transfers?.[0]])).toEqual([
      [{ a: 5, b: 5, c: 1, d: 1 }, ["a", "b"], [], { from: "b", to: { d: 1 }, exhausted: 0 }],
      [{ a: 5, b: 4, c: 1, d: 2 }, [], [], { from: "a", to: { c: 1 }, exhausted: 0 }],
      // c and d level at 2; at stage 2 c had fewer.
      [{ a: 4, b: 4, c: 2, d: 2 }, [], ["c"], { from: "c", to: {}, exhausted: 2 }],
      [{ a: 4, b: 4, d: 2 }, ["d"], [], undefined],
    ]);
    expect(contexts).toEqual(["round 1: surplus transfer order"]);
    expect(result.tieBreaks.map((t) => [t.round, t.deciding, t.chosen, t.rule])).toEqual([
      [1, "surplus transfer order", ["b"], "recorded-draw"],
      [3, "elimination", ["c"], "look-back"],
    ]);
    expect(result.winners).toEqual(["a", "b", "d"]);
  });

  it("excludes by lot when the tied candidates were level at every stage", () => {
    const result = count(
      ["a", "b", "c"],
      1,
      [ballot(3, "a"), ballot(2, "b"), ballot(2, "c")],
      recordedDrawTieBreaker(["a", "c", "b"]),
    );
    expect(result.rounds[0]!.eliminated).toEqual(["b"]);
    expect(result.tieBreaks).toEqual([
      expect.objectContaining({
        round: 1,
        deciding: "elimination",
        between: ["b", "c"],
        chosen: ["b"],
        rule: "recorded-draw",
      }),
    ]);
    expect(result.winners).toEqual(["a"]);
  });

  it("counts a weight exactly as that many identical ballots", () => {
    const int = prng(7);
    const options = ["a", "b", "c", "d", "e", "f"];
    const weighted = randomBallots(int, options, 40, 5);
    const duplicated = weighted.flatMap((b) => Array.from({ length: b.weight }, () => ballot(1, ...b.marks.ranking)));
    expect(count(options, 3, duplicated)).toEqual(count(options, 3, weighted));
    // Springburn's file groups identical ballots into weights; one line per ballot counts the same.
    const ward = parseBlt(SPRINGBURN_2007);
    const oneByOne = ward.ballots.flatMap((b) => Array.from({ length: b.weight }, () => ballot(1, ...b.ranking)));
    expect(oneByOne).toHaveLength(5410);
    expect(count(ward.options, 3, oneByOne)).toEqual(count(ward.options, 3, toBallots(ward.ballots)));
  });

  it("gives the same count whatever order the ballots come in", () => {
    const int = prng(11);
    const options = ["a", "b", "c", "d", "e"];
    const ballots = randomBallots(int, options, 50, 3);
    expect(count(options, 2, [...ballots].reverse())).toEqual(count(options, 2, ballots));
  });

  it("elects every option when the seats are at least the options (rule 52)", () => {
    for (const seats of [3, 5]) {
      const result = count(["a", "b", "c"], seats, [ballot(2, "a", "b"), ballot(1, "b")]);
      expect(result.rounds).toHaveLength(1);
      expect(result.rounds[0]).toMatchObject({
        tallies: { a: 2, b: 1, c: 0 },
        elected: ["a", "b", "c"],
        eliminated: [],
      });
      expect(result.rounds[0]!.transfers).toBeUndefined();
      expect(result.winners).toEqual(["a", "b", "c"]);
    }
  });

  it("reports empty rankings as abstentions that take no part, not even in the quota", () => {
    const result = count(["a", "b"], 1, [ballot(3, "a"), ballot(1, "b"), ballot(2)]);
    expect(result.abstentions).toBe(2);
    // ⌊4/2⌋ + 1 = 3: the 2 abstentions do not count as valid votes.
    expect(result.rounds[0]).toMatchObject({ tallies: { a: 3, b: 1 }, quota: 3, elected: ["a"] });
    expect(count(["a", "b"], 1, [ballot(4)])).toEqual({
      method: "stv-scottish",
      seats: 1,
      rounds: [],
      winners: [],
      tieBreaks: [],
      abstentions: 4,
    });
  });

  it("rejects ballots and questions it cannot count", () => {
    expect(() => count(["a", "b"], 1, [ballot(1, "a", "x")])).toThrow(/unknown option "x"/);
    expect(() => count(["a", "b"], 1, [ballot(1, "b", "b")])).toThrow(/twice/);
    expect(() => count(["a", "b"], 1, [ballot(-1, "a")])).toThrow(/positive integer/);
    expect(() => count(["a", "b"], 2.5, [ballot(1, "a")])).toThrow(/seats/);
  });

  it("agrees stage by stage with the independent reference count on 300 random elections", () => {
    const int = prng(2007);
    for (let election = 0; election < 300; election++) {
      const options = ["a", "b", "c", "d", "e", "f", "g"].slice(0, int(3, 7));
      const seats = int(1, 3);
      const ballots = randomBallots(int, options, int(5, 60), 3);
      const result = count(options, seats, ballots);
      const reference = referenceScottish(
        options,
        seats,
        ballots.map((b) => ({ ranking: b.marks.ranking, weight: b.weight })),
      );
      expect(result.winners, `election ${election}`).toEqual(reference.winners);
      expect(
        result.rounds.map((r) => [r.elected, r.eliminated, r.tallies, r.exhausted, r.quota]),
        `election ${election}`,
      ).toEqual(
        reference.rounds.map((r) => [
          r.elected,
          r.eliminated,
          Object.fromEntries(Object.entries(r.tallies).map(([id, v]) => [id, Number(v)])),
          Number(r.exhausted),
          Number(r.quota),
        ]),
      );
    }
  });

  it("counts 100,000 ballots", () => {
    const int = prng(100_000);
    const options = ["a", "b", "c", "d", "e", "f", "g"];
    const ballots = randomBallots(int, options, 100_000, 3);
    const result = count(options, 3, ballots);
    expect(result.winners).toHaveLength(3);
    expect(new Set(result.winners).size).toBe(3);
  });
});

/**
 * Springburn ward, Glasgow City Council election, 3 May 2007: 10 candidates, 3 seats, 5,410 votes.
 * Verbatim from Droop (github.com/jklundell/droop, commit cf58293), test/blt/scotland/Springburn-2007.blt.
 */
const SPRINGBURN_2007 = `
10 3
21 1 0
9 1 10 0
1 1 10 5 8 0
1 1 10 6 0
1 1 10 8 2 0
2 1 10 8 4 0
1 1 10 8 4 2 0
1 1 10 8 5 2 6 7 9 3 4 0
1 1 10 8 6 2 4 5 7 9 3 0
1 1 10 8 6 5 3 2 0
7 1 2 0
1 1 2 10 0
1 1 2 3 4 0
1 1 2 3 4 5 6 7 8 9 0
1 1 2 3 4 5 6 7 8 9 10 0
1 1 2 3 4 5 6 8 7 9 10 0
1 1 2 4 0
2 1 2 4 10 0
2 1 2 4 5 0
1 1 2 4 5 6 7 8 10 0
1 1 2 4 5 9 8 10 6 3 7 0
1 1 2 4 6 7 9 5 3 8 0
1 1 2 4 6 8 0
1 1 2 4 6 8 10 7 9 5 0
2 1 2 4 7 0
1 1 2 4 7 5 0
1 1 2 4 8 0
1 1 2 4 8 10 0
1 1 2 4 8 10 7 6 5 9 0
1 1 2 4 8 10 9 6 5 3 7 0
1 1 2 4 8 5 10 9 7 3 6 0
2 1 2 5 0
1 1 2 5 10 9 0
1 1 2 5 4 3 7 6 9 8 10 0
1 1 2 5 9 4 0
1 1 2 6 8 10 0
1 1 2 8 0
2 1 2 8 10 0
1 1 2 8 10 3 6 4 5 7 0
1 1 2 8 4 0
1 1 2 9 0
1 1 2 9 5 4 3 6 8 10 7 0
1 1 3 0
1 1 3 2 9 4 7 5 8 6 10 0
1 1 3 4 6 5 7 9 8 2 10 0
1 1 3 5 0
1 1 3 6 9 0
1 1 3 8 9 0
9 1 4 0
3 1 4 10 0
1 1 4 10 7 2 0
1 1 4 2 0
1 1 4 2 5 0
1 1 4 3 10 8 9 2 5 6 7 0
2 1 4 5 0
1 1 4 5 2 6 0
1 1 4 5 8 0
1 1 4 6 7 0
1 1 4 6 8 10 3 0
1 1 4 7 8 6 10 5 9 3 2 0
2 1 4 8 0
1 1 4 8 10 0
1 1 4 8 5 9 0
3 1 5 0
1 1 5 6 10 0
2 1 5 8 0
1 1 6 0
1 1 6 7 8 0
2 1 7 0
1 1 8 0
6 1 8 10 0
1 1 8 10 5 0
1 1 8 4 0
1 1 8 5 0
252 10 0
1 10 1 0
1 10 1 2 0
1 10 1 2 8 4 0
1 10 1 2 8 5 4 6 9 3 7 0
1 10 1 4 5 0
1 10 1 4 5 8 0
1 10 1 6 8 4 0
4 10 1 8 0
12 10 2 0
4 10 2 1 0
1 10 2 1 8 0
1 10 2 1 8 4 5 6 3 9 7 0
2 10 2 1 8 5 0
1 10 2 4 0
1 10 2 4 1 0
1 10 2 4 5 0
1 10 2 4 5 8 9 7 6 3 1 0
3 10 2 5 0
1 10 2 5 4 6 8 9 0
1 10 2 5 7 8 0
2 10 2 5 8 0
1 10 2 6 0
1 10 2 7 8 1 9 6 5 4 3 0
6 10 2 8 0
1 10 2 8 1 9 6 3 5 4 7 0
1 10 2 8 5 9 0
7 10 3 0
1 10 3 4 9 0
2 10 3 8 0
1 10 3 8 4 1 6 5 9 7 0
2 10 3 9 0
1 10 3 9 4 2 0
18 10 4 0
1 10 4 1 0
1 10 4 1 7 0
4 10 4 2 0
1 10 4 2 1 5 8 0
1 10 4 2 1 5 8 9 7 6 3 0
1 10 4 2 1 7 9 8 0
1 10 4 2 5 0
1 10 4 3 2 0
2 10 4 5 0
1 10 4 6 7 3 1 2 8 9 5 0
5 10 4 8 0
2 10 4 8 1 0
1 10 4 8 2 0
3 10 4 8 5 0
1 10 4 8 5 6 9 3 1 2 7 0
1 10 4 8 6 0
1 10 4 8 9 1 3 2 5 6 7 0
3 10 4 9 0
1 10 4 9 1 5 0
3 10 5 0
1 10 5 2 0
1 10 5 6 0
2 10 5 8 0
1 10 5 8 1 2 3 7 6 4 0
3 10 6 0
1 10 6 2 1 3 5 7 4 9 8 0
1 10 6 2 8 0
2 10 6 3 0
1 10 6 3 8 0
1 10 6 8 0
1 10 6 8 1 0
1 10 7 0
1 10 7 1 0
1 10 7 4 8 0
1 10 7 6 0
1 10 7 8 6 0
448 10 8 0
12 10 8 1 0
6 10 8 1 2 0
2 10 8 1 2 3 4 5 6 7 9 0
1 10 8 1 2 5 4 9 0
1 10 8 1 2 5 6 9 4 7 3 0
1 10 8 1 2 6 9 3 5 7 4 0
2 10 8 1 4 0
1 10 8 1 4 5 7 6 3 9 2 0
1 10 8 1 4 6 0
4 10 8 1 5 0
2 10 8 1 5 2 0
1 10 8 1 5 9 0
1 10 8 1 6 0
1 10 8 1 7 2 5 4 3 6 9 0
2 10 8 1 9 0
1 10 8 1 9 5 2 6 3 7 4 0
31 10 8 2 0
5 10 8 2 1 0
1 10 8 2 1 4 5 6 3 9 7 0
2 10 8 2 1 5 0
1 10 8 2 1 5 4 9 3 6 7 0
1 10 8 2 1 5 7 4 3 9 0
2 10 8 2 1 9 0
1 10 8 2 1 9 5 4 3 6 7 0
1 10 8 2 3 0
2 10 8 2 4 0
1 10 8 2 4 1 5 9 3 7 6 0
1 10 8 2 4 1 9 5 0
1 10 8 2 4 1 9 6 5 7 3 0
1 10 8 2 4 1 9 7 5 6 3 0
1 10 8 2 4 1 9 7 6 5 3 0
1 10 8 2 4 5 1 9 6 7 3 0
1 10 8 2 4 5 9 1 3 6 7 0
1 10 8 2 9 1 5 4 6 7 3 0
1 10 8 2 9 4 1 0
1 10 8 2 9 4 1 5 6 7 3 0
1 10 8 2 9 6 5 4 1 3 7 0
8 10 8 3 0
1 10 8 3 2 9 0
2 10 8 3 4 0
1 10 8 3 5 0
1 10 8 3 6 0
1 10 8 3 7 0
1 10 8 3 9 5 6 7 2 1 4 0
1 10 8 3 9 6 0
36 10 8 4 0
5 10 8 4 1 0
3 10 8 4 1 2 0
1 10 8 4 1 5 7 9 6 2 3 0
1 10 8 4 1 7 0
1 10 8 4 1 7 6 0
5 10 8 4 2 0
1 10 8 4 2 1 0
1 10 8 4 2 1 3 0
1 10 8 4 2 1 7 9 5 6 3 0
1 10 8 4 2 1 9 3 5 6 7 0
1 10 8 4 2 9 0
1 10 8 4 2 9 1 0
1 10 8 4 2 9 5 3 6 7 1 0
1 10 8 4 3 0
1 10 8 4 3 5 1 9 2 6 7 0
3 10 8 4 5 0
1 10 8 4 5 1 0
1 10 8 4 5 1 2 3 6 9 7 0
1 10 8 4 5 1 2 9 7 6 3 0
1 10 8 4 5 6 7 9 3 2 1 0
1 10 8 4 5 9 0
1 10 8 4 6 0
4 10 8 4 7 0
6 10 8 4 9 0
1 10 8 4 9 1 5 6 3 2 7 0
1 10 8 4 9 3 2 1 5 6 7 0
23 10 8 5 0
1 10 8 5 1 2 4 9 6 7 3 0
1 10 8 5 1 3 9 2 6 7 4 0
1 10 8 5 1 4 6 7 9 3 2 0
1 10 8 5 1 6 0
1 10 8 5 1 9 0
2 10 8 5 2 0
5 10 8 5 4 0
1 10 8 5 4 2 1 0
1 10 8 5 6 0
2 10 8 5 9 0
1 10 8 5 9 2 0
1 10 8 5 9 6 4 2 1 3 7 0
5 10 8 6 0
1 10 8 6 1 0
1 10 8 6 2 0
1 10 8 6 2 1 0
1 10 8 6 2 7 0
1 10 8 6 3 0
1 10 8 6 4 0
1 10 8 6 4 3 1 9 2 5 7 0
1 10 8 6 7 0
1 10 8 6 9 5 0
7 10 8 7 0
1 10 8 7 1 0
1 10 8 7 1 2 4 9 6 5 3 0
1 10 8 7 2 0
1 10 8 7 4 1 2 5 6 9 3 0
1 10 8 7 5 4 6 1 3 9 2 0
1 10 8 7 9 4 5 6 3 1 2 0
1 10 8 7 9 5 0
22 10 8 9 0
1 10 8 9 1 0
4 10 8 9 2 0
3 10 8 9 3 0
1 10 8 9 3 4 5 6 1 2 7 0
1 10 8 9 3 4 5 6 7 1 2 0
1 10 8 9 3 5 2 6 1 4 0
5 10 8 9 4 0
2 10 8 9 4 1 2 6 7 3 5 0
1 10 8 9 4 5 1 2 7 6 3 0
1 10 8 9 4 5 3 1 6 2 7 0
3 10 8 9 5 0
1 10 8 9 5 2 4 6 7 0
1 10 8 9 5 3 4 6 1 2 7 0
1 10 8 9 6 0
1 10 8 9 7 1 4 5 6 2 3 0
1 10 8 9 7 6 4 5 3 1 2 0
1 10 8 9 7 6 5 4 3 2 1 0
14 10 9 0
1 10 9 1 3 0
1 10 9 1 8 3 0
3 10 9 4 0
1 10 9 4 8 0
1 10 9 5 0
1 10 9 5 8 4 1 2 6 7 3 0
1 10 9 7 4 0
1 10 9 7 8 2 1 3 4 5 6 0
6 10 9 8 0
1 10 9 8 3 4 5 6 7 1 2 0
2 10 9 8 4 0
1 10 9 8 4 5 1 3 2 6 7 0
1 10 9 8 7 6 5 4 3 2 1 0
79 2 0
15 2 1 0
2 2 1 10 0
1 2 1 10 4 3 8 9 5 6 7 0
5 2 1 10 8 0
1 2 1 3 4 5 6 7 8 10 9 0
2 2 1 3 4 5 6 7 8 9 10 0
3 2 1 4 0
1 2 1 4 10 8 5 9 7 6 3 0
1 2 1 4 5 0
1 2 1 4 5 3 6 7 8 9 10 0
1 2 1 4 5 8 10 0
1 2 1 4 7 5 6 9 3 10 8 0
1 2 1 4 8 10 9 5 3 0
1 2 1 4 8 10 9 5 3 7 6 0
1 2 1 4 8 9 10 5 7 6 3 0
1 2 1 4 8 9 10 7 6 5 3 0
1 2 1 4 9 0
7 2 1 5 0
1 2 1 5 10 8 0
1 2 1 5 4 0
1 2 1 5 4 8 10 0
1 2 1 5 4 9 0
1 2 1 5 4 9 8 10 0
1 2 1 5 6 3 4 7 9 10 8 0
2 2 1 5 8 0
1 2 1 5 8 10 0
1 2 1 5 8 10 6 4 3 9 0
1 2 1 6 5 4 0
2 2 1 6 8 0
1 2 1 7 0
1 2 1 7 4 5 3 9 10 8 6 0
4 2 1 8 0
2 2 1 8 10 0
1 2 1 8 10 4 3 6 5 7 9 0
1 2 1 8 10 5 0
1 2 1 8 10 5 9 0
1 2 1 8 10 6 5 0
3 2 1 9 0
1 2 1 9 10 8 5 0
1 2 1 9 4 10 6 8 5 3 7 0
1 2 1 9 8 6 7 3 4 5 10 0
15 2 10 0
3 2 10 1 0
1 2 10 1 4 7 9 5 6 3 8 0
1 2 10 4 0
1 2 10 4 3 0
2 2 10 5 0
1 2 10 6 0
5 2 10 8 0
2 2 10 8 1 0
1 2 10 8 3 0
3 2 10 8 4 0
1 2 10 8 6 1 9 5 3 0
1 2 10 8 9 1 3 5 6 7 4 0
1 2 10 8 9 5 1 3 4 6 0
1 2 10 9 4 5 8 1 3 6 7 0
1 2 10 9 8 6 5 4 3 1 7 0
1 2 3 1 0
1 2 3 4 7 0
1 2 3 8 0
1 2 3 9 8 10 4 5 1 6 7 0
20 2 4 0
2 2 4 1 0
1 2 4 1 10 8 0
3 2 4 1 5 0
1 2 4 1 5 10 0
1 2 4 1 6 0
2 2 4 10 0
1 2 4 10 1 8 9 5 3 6 7 0
1 2 4 10 8 0
1 2 4 10 9 8 0
1 2 4 3 7 9 0
2 2 4 5 0
1 2 4 5 10 0
1 2 4 5 6 7 1 8 9 10 3 0
1 2 4 5 6 7 8 9 10 0
1 2 4 5 7 0
3 2 4 5 9 0
1 2 4 5 9 1 8 10 3 0
1 2 4 6 7 0
1 2 4 6 8 0
1 2 4 6 9 0
5 2 4 7 0
1 2 4 7 1 0
1 2 4 7 8 10 0
3 2 4 8 0
1 2 4 8 10 0
1 2 4 8 10 3 0
1 2 4 8 10 5 6 7 1 3 9 0
1 2 4 8 9 10 5 6 1 3 7 0
1 2 4 8 9 10 6 0
1 2 4 8 9 7 0
1 2 4 9 0
6 2 5 0
2 2 5 1 0
1 2 5 1 4 0
1 2 5 1 9 4 0
2 2 5 4 0
1 2 5 4 1 0
1 2 5 6 0
1 2 5 6 9 0
1 2 5 7 9 1 3 10 8 6 4 0
2 2 5 8 10 0
1 2 5 8 10 9 1 4 7 3 6 0
1 2 5 8 4 0
1 2 5 9 4 0
1 2 5 9 4 1 0
1 2 5 9 6 1 3 4 0
1 2 6 0
1 2 6 1 10 0
1 2 6 10 1 0
1 2 6 10 1 3 4 5 8 7 9 0
1 2 6 5 0
1 2 6 8 10 9 7 5 4 3 1 0
1 2 7 0
1 2 7 1 5 4 6 3 9 10 8 0
1 2 7 10 0
1 2 7 4 1 0
1 2 7 5 1 8 10 0
5 2 8 0
1 2 8 1 4 0
1 2 8 1 6 4 3 5 7 9 10 0
11 2 8 10 0
1 2 8 10 1 5 0
3 2 8 10 4 0
1 2 8 10 4 1 9 5 7 6 3 0
1 2 8 10 4 5 0
1 2 8 10 4 9 0
2 2 8 4 10 0
1 2 8 4 9 0
1 2 8 7 10 5 1 6 0
1 2 8 9 10 0
1 2 8 9 10 4 0
2 2 9 0
1 2 9 10 6 0
1 2 9 10 8 0
1 2 9 4 1 0
1 2 9 4 5 0
1 2 9 4 5 6 7 0
1 2 9 4 8 10 0
1 2 9 5 0
1 2 9 8 4 1 6 10 7 5 3 0
45 3 0
1 3 1 10 0
1 3 1 2 6 4 0
1 3 1 5 7 6 8 9 10 2 0
1 3 1 6 0
1 3 10 1 2 4 5 7 0
1 3 10 2 0
1 3 10 4 0
1 3 10 7 0
1 3 10 8 0
1 3 10 8 4 0
1 3 10 8 9 6 7 5 4 1 2 0
1 3 10 9 0
2 3 2 10 0
3 3 2 4 0
1 3 2 4 7 5 9 1 6 10 8 0
1 3 2 7 6 0
1 3 2 9 0
1 3 2 9 10 8 4 5 1 6 7 0
3 3 4 0
1 3 4 5 0
1 3 4 6 0
1 3 4 6 1 0
1 3 4 7 0
1 3 4 7 10 0
1 3 4 8 10 9 7 6 5 2 1 0
1 3 4 9 10 0
4 3 5 0
1 3 5 4 9 1 2 0
1 3 5 6 0
1 3 5 8 10 9 4 6 2 1 7 0
1 3 5 9 0
19 3 6 0
1 3 6 1 0
3 3 6 10 0
1 3 6 10 8 0
1 3 6 10 9 8 5 4 1 2 7 0
1 3 6 4 0
1 3 6 4 7 0
1 3 6 5 4 9 1 2 7 8 10 0
1 3 6 5 9 0
2 3 6 7 0
1 3 6 7 1 0
1 3 6 7 5 0
1 3 6 7 9 0
2 3 6 8 0
1 3 6 8 10 9 2 4 5 1 7 0
1 3 6 8 10 9 4 2 5 1 7 0
1 3 6 9 0
1 3 6 9 10 5 7 8 4 1 2 0
1 3 6 9 4 0
1 3 6 9 5 8 10 4 1 2 7 0
4 3 7 0
2 3 7 1 0
1 3 7 10 0
1 3 7 2 0
1 3 7 5 0
1 3 7 5 1 4 0
1 3 7 6 0
1 3 7 6 5 4 9 10 8 1 2 0
1 3 7 6 9 5 2 8 10 0
1 3 8 0
7 3 8 10 0
1 3 8 10 2 1 4 5 6 7 9 0
2 3 8 10 4 0
1 3 8 10 5 0
1 3 8 10 9 5 0
1 3 8 10 9 6 0
1 3 8 9 0
1 3 8 9 10 0
1 3 8 9 4 0
6 3 9 0
3 3 9 10 0
1 3 9 10 8 0
1 3 9 10 8 5 4 0
1 3 9 4 0
2 3 9 5 0
1 3 9 5 6 10 8 4 1 7 2 0
1 3 9 5 8 10 0
1 3 9 8 10 0
372 4 0
23 4 1 0
2 4 1 10 0
1 4 1 10 3 0
18 4 1 2 0
1 4 1 2 10 9 0
1 4 1 2 10 9 8 3 6 5 7 0
1 4 1 2 3 0
1 4 1 2 3 10 9 6 5 7 8 0
1 4 1 2 3 10 9 8 7 6 5 0
1 4 1 2 3 9 8 7 6 5 10 0
6 4 1 2 5 0
1 4 1 2 5 3 6 7 9 8 10 0
1 4 1 2 5 7 0
1 4 1 2 5 8 0
1 4 1 2 6 5 3 7 9 8 10 0
1 4 1 2 7 0
1 4 1 2 7 5 8 10 0
1 4 1 2 7 5 9 0
1 4 1 2 7 8 3 5 10 9 6 0
4 4 1 2 8 0
1 4 1 2 8 10 0
1 4 1 2 8 10 9 7 6 5 3 0
1 4 1 2 8 9 10 0
1 4 1 2 8 9 10 7 6 5 3 0
2 4 1 2 9 0
1 4 1 3 0
1 4 1 3 6 0
1 4 1 3 6 8 9 10 2 5 7 0
5 4 1 5 0
2 4 1 5 2 0
1 4 1 5 2 3 6 7 9 8 10 0
1 4 1 5 2 9 3 6 8 10 0
1 4 1 5 3 0
1 4 1 5 7 0
2 4 1 5 9 0
1 4 1 5 9 2 0
1 4 1 6 0
1 4 1 6 10 0
1 4 1 6 2 0
1 4 1 6 8 0
1 4 1 6 9 3 7 5 2 10 8 0
1 4 1 7 0
1 4 1 7 6 0
1 4 1 7 8 9 6 5 3 2 10 0
5 4 1 8 0
3 4 1 8 10 0
1 4 1 8 10 5 3 2 6 7 9 0
1 4 1 8 2 7 10 0
2 4 1 9 0
1 4 1 9 10 2 5 8 3 6 7 0
1 4 1 9 3 0
1 4 1 9 5 0
35 4 10 0
1 4 10 1 0
2 4 10 1 2 0
1 4 10 1 3 6 7 8 9 2 0
1 4 10 1 5 9 0
1 4 10 1 8 0
2 4 10 1 9 0
4 4 10 2 0
1 4 10 2 1 0
3 4 10 2 5 0
1 4 10 2 6 0
2 4 10 5 0
1 4 10 5 1 0
1 4 10 5 1 2 6 0
1 4 10 5 8 0
2 4 10 6 0
1 4 10 6 1 2 7 9 3 8 5 0
1 4 10 7 0
25 4 10 8 0
6 4 10 8 1 0
1 4 10 8 1 2 6 5 9 3 0
2 4 10 8 1 2 9 0
1 4 10 8 2 0
2 4 10 8 5 0
1 4 10 8 5 1 3 2 9 0
1 4 10 8 5 9 0
1 4 10 8 6 0
1 4 10 8 6 9 5 0
1 4 10 8 7 0
1 4 10 8 9 0
1 4 10 8 9 3 0
1 4 10 8 9 6 2 1 0
3 4 10 9 0
1 4 10 9 2 0
2 4 10 9 8 0
1 4 10 9 8 5 6 7 3 2 1 0
49 4 2 0
36 4 2 1 0
1 4 2 1 10 0
1 4 2 1 10 8 0
1 4 2 1 10 8 9 5 0
1 4 2 1 3 0
1 4 2 1 3 5 7 9 6 8 10 0
11 4 2 1 5 0
1 4 2 1 5 10 0
1 4 2 1 5 6 7 3 9 8 10 0
1 4 2 1 5 6 7 9 3 8 10 0
1 4 2 1 5 8 9 10 7 6 3 0
1 4 2 1 5 9 3 6 7 8 10 0
1 4 2 1 5 9 7 6 3 8 10 0
3 4 2 1 6 0
2 4 2 1 7 0
1 4 2 1 7 9 10 8 5 3 6 0
1 4 2 1 8 0
1 4 2 1 8 3 6 7 10 9 5 0
1 4 2 1 8 9 10 0
3 4 2 1 9 0
6 4 2 10 0
1 4 2 10 1 5 0
1 4 2 10 5 0
1 4 2 10 8 0
1 4 2 10 8 9 5 0
1 4 2 3 0
1 4 2 3 1 5 6 9 7 10 8 0
1 4 2 3 5 0
1 4 2 3 5 9 0
1 4 2 3 8 10 9 0
13 4 2 5 0
1 4 2 5 1 0
1 4 2 5 1 3 6 8 9 10 7 0
1 4 2 5 10 0
1 4 2 5 3 6 7 8 9 10 0
1 4 2 5 8 0
2 4 2 5 8 10 0
1 4 2 5 8 9 10 0
1 4 2 5 9 0
1 4 2 5 9 1 8 10 3 7 6 0
1 4 2 6 0
1 4 2 6 5 0
7 4 2 7 0
10 4 2 8 0
3 4 2 8 10 0
1 4 2 8 5 9 10 7 6 3 1 0
1 4 2 8 6 0
1 4 2 8 9 0
5 4 2 9 0
2 4 2 9 1 0
1 4 2 9 1 10 0
1 4 2 9 10 0
3 4 2 9 5 0
1 4 2 9 7 0
1 4 2 9 7 1 8 3 5 6 10 0
1 4 2 9 7 5 3 8 1 0
2 4 2 9 8 0
11 4 3 0
2 4 3 1 0
1 4 3 1 2 5 0
1 4 3 1 6 5 2 9 7 0
1 4 3 1 8 0
1 4 3 10 0
1 4 3 2 1 5 6 7 8 9 10 0
1 4 3 2 5 0
1 4 3 2 5 6 7 8 9 1 10 0
1 4 3 5 0
1 4 3 5 1 10 0
1 4 3 5 9 1 2 6 7 8 10 0
1 4 3 6 0
1 4 3 6 7 0
1 4 3 6 7 9 5 0
1 4 3 6 9 5 0
1 4 3 7 10 0
1 4 3 7 9 6 5 2 1 8 10 0
2 4 3 8 0
1 4 3 8 10 5 0
2 4 3 9 0
1 4 3 9 10 8 5 0
1 4 3 9 10 8 7 5 6 2 1 0
33 4 5 0
6 4 5 1 0
1 4 5 1 10 9 2 3 8 6 7 0
1 4 5 1 2 0
1 4 5 1 2 7 0
1 4 5 1 2 9 0
3 4 5 1 9 0
1 4 5 10 0
1 4 5 10 8 0
4 4 5 2 0
4 4 5 2 1 0
1 4 5 2 1 3 6 9 7 8 10 0
1 4 5 2 1 3 7 9 10 8 6 0
2 4 5 2 1 9 0
1 4 5 2 1 9 10 8 6 7 3 0
1 4 5 2 1 9 8 10 6 3 7 0
1 4 5 2 8 10 0
1 4 5 2 9 1 8 10 0
2 4 5 3 0
1 4 5 3 6 2 8 0
1 4 5 3 6 9 8 0
1 4 5 3 7 0
1 4 5 3 7 9 10 0
1 4 5 6 10 0
1 4 5 6 2 1 3 7 9 8 10 0
1 4 5 6 3 0
1 4 5 6 8 10 9 7 3 2 1 0
1 4 5 6 9 0
1 4 5 6 9 10 8 1 2 3 7 0
1 4 5 6 9 10 8 3 2 1 7 0
2 4 5 7 0
1 4 5 7 6 9 2 3 1 8 10 0
1 4 5 7 6 9 8 10 2 3 1 0
1 4 5 7 8 0
1 4 5 7 9 0
3 4 5 8 0
2 4 5 8 10 0
1 4 5 8 10 1 2 0
1 4 5 8 10 3 2 1 6 7 9 0
1 4 5 8 10 9 2 0
1 4 5 8 10 9 6 3 1 2 0
2 4 5 8 9 0
1 4 5 8 9 10 1 2 3 6 7 0
1 4 5 8 9 10 6 7 1 2 3 0
12 4 5 9 0
1 4 5 9 1 7 3 6 2 10 0
1 4 5 9 10 0
1 4 5 9 10 2 0
1 4 5 9 2 8 10 0
1 4 5 9 7 0
1 4 5 9 7 1 2 3 6 8 10 0
1 4 5 9 8 0
3 4 5 9 8 10 0
3 4 6 0
1 4 6 1 8 0
1 4 6 1 8 10 0
1 4 6 10 9 8 5 7 3 2 1 0
2 4 6 2 0
1 4 6 2 3 0
4 4 6 3 0
1 4 6 3 5 9 0
1 4 6 5 0
1 4 6 5 3 0
2 4 6 7 0
2 4 6 7 1 2 9 10 8 3 5 0
3 4 6 8 0
1 4 6 8 1 0
6 4 6 9 0
2 4 6 9 3 0
16 4 7 0
5 4 7 1 0
2 4 7 1 2 0
1 4 7 1 3 6 8 10 9 5 2 0
1 4 7 1 5 2 0
1 4 7 1 9 3 2 5 6 8 10 0
3 4 7 10 0
1 4 7 10 9 2 3 1 5 6 8 0
3 4 7 2 0
1 4 7 2 1 9 6 3 5 8 10 0
1 4 7 2 5 1 6 3 9 8 10 0
1 4 7 3 0
1 4 7 3 6 0
3 4 7 5 0
2 4 7 5 6 0
3 4 7 8 0
1 4 7 8 10 0
1 4 7 8 10 1 3 0
1 4 7 8 10 2 1 5 6 9 3 0
1 4 7 9 1 0
1 4 7 9 1 5 2 10 8 6 3 0
1 4 7 9 2 3 1 5 6 8 10 0
37 4 8 0
5 4 8 1 0
1 4 8 1 10 0
1 4 8 1 10 9 5 6 2 7 3 0
1 4 8 1 7 3 0
1 4 8 1 9 0
1 4 8 1 9 3 2 5 0
55 4 8 10 0
5 4 8 10 1 0
1 4 8 10 1 2 5 0
1 4 8 10 1 2 5 6 3 7 9 0
1 4 8 10 1 5 0
1 4 8 10 1 9 6 5 0
4 4 8 10 2 0
1 4 8 10 2 1 0
1 4 8 10 2 9 1 5 3 6 7 0
1 4 8 10 3 0
5 4 8 10 5 0
1 4 8 10 5 9 0
2 4 8 10 5 9 1 2 3 6 7 0
1 4 8 10 7 0
1 4 8 10 7 2 0
1 4 8 10 7 5 9 6 3 2 1 0
4 4 8 10 9 0
1 4 8 10 9 1 2 0
1 4 8 10 9 1 2 3 5 6 7 0
1 4 8 10 9 1 2 5 0
1 4 8 10 9 1 2 5 7 6 3 0
1 4 8 10 9 2 1 5 3 6 7 0
1 4 8 10 9 3 0
1 4 8 10 9 5 3 1 2 6 7 0
1 4 8 10 9 5 3 2 1 6 7 0
1 4 8 10 9 7 6 5 3 2 1 0
6 4 8 2 0
1 4 8 2 5 0
2 4 8 3 0
1 4 8 3 1 0
1 4 8 3 10 0
1 4 8 3 2 0
8 4 8 5 0
1 4 8 5 1 0
1 4 8 5 9 10 0
1 4 8 7 2 0
1 4 8 7 5 0
1 4 8 7 9 10 0
2 4 8 9 0
2 4 8 9 10 0
1 4 8 9 10 5 2 1 7 6 3 0
1 4 8 9 10 6 3 2 1 5 7 0
1 4 8 9 5 10 0
1 4 8 9 5 3 10 0
17 4 9 0
1 4 9 1 0
1 4 9 1 10 8 0
3 4 9 1 2 0
1 4 9 1 5 2 7 6 10 8 3 0
1 4 9 1 5 3 2 10 8 6 7 0
1 4 9 1 5 3 2 6 7 8 10 0
6 4 9 10 0
1 4 9 10 1 2 3 5 6 8 7 0
1 4 9 10 2 0
1 4 9 10 2 1 0
2 4 9 10 5 0
3 4 9 10 8 0
1 4 9 10 8 3 0
1 4 9 10 8 6 7 5 2 1 3 0
1 4 9 10 8 7 6 1 5 3 2 0
1 4 9 10 8 7 6 5 3 2 1 0
3 4 9 2 0
3 4 9 2 1 0
1 4 9 2 1 3 5 6 7 8 10 0
5 4 9 3 0
1 4 9 3 5 0
1 4 9 3 6 0
1 4 9 3 6 5 0
10 4 9 5 0
2 4 9 5 1 0
2 4 9 5 1 2 0
1 4 9 5 10 0
1 4 9 6 0
1 4 9 6 5 2 1 7 8 10 3 0
1 4 9 6 5 8 10 3 2 1 7 0
1 4 9 7 0
1 4 9 7 8 0
2 4 9 8 0
2 4 9 8 10 0
1 4 9 8 10 2 3 5 6 1 7 0
1 4 9 8 10 3 1 5 6 7 2 0
1 4 9 8 10 5 2 3 1 6 7 0
1 4 9 8 10 5 3 1 0
1 4 9 8 10 7 0
1 4 9 8 3 0
1 4 9 8 3 5 6 10 2 1 7 0
1 4 9 8 5 0
25 5 0
1 5 1 10 0
2 5 1 2 0
1 5 1 2 6 0
1 5 1 4 0
1 5 1 4 10 0
1 5 1 8 10 4 0
1 5 1 8 10 9 2 4 0
1 5 1 8 9 10 0
1 5 1 9 2 6 7 3 10 8 4 0
1 5 1 9 8 10 2 0
6 5 10 0
1 5 10 2 0
1 5 10 4 0
2 5 10 8 0
1 5 10 8 9 0
1 5 10 9 1 0
1 5 10 9 8 4 1 2 6 3 7 0
2 5 2 0
3 5 2 1 0
1 5 2 1 4 9 0
1 5 2 1 9 0
1 5 2 1 9 8 10 4 6 3 7 0
1 5 2 10 8 9 0
1 5 2 9 0
1 5 2 9 8 10 1 4 0
1 5 3 0
1 5 3 2 0
1 5 3 2 10 0
1 5 3 6 0
1 5 3 7 1 0
1 5 3 8 10 0
1 5 3 9 0
1 5 3 9 8 7 4 2 1 0
9 5 4 0
1 5 4 1 0
1 5 4 1 2 9 0
1 5 4 1 3 7 6 9 2 10 8 0
1 5 4 1 7 2 6 0
2 5 4 10 0
1 5 4 10 7 2 0
1 5 4 2 0
1 5 4 2 1 0
1 5 4 2 1 3 6 9 8 7 10 0
1 5 4 3 8 0
1 5 4 6 0
1 5 4 8 0
1 5 4 8 10 0
1 5 4 8 7 10 0
5 5 4 9 0
1 5 4 9 1 3 7 6 2 0
2 5 4 9 10 0
1 5 4 9 8 10 0
1 5 6 1 4 7 0
1 5 6 7 9 3 2 1 0
1 5 7 0
1 5 7 6 3 0
1 5 8 1 4 0
3 5 8 10 0
1 5 8 10 4 0
1 5 8 10 9 0
1 5 8 3 9 0
1 5 8 4 0
2 5 8 9 0
1 5 8 9 2 0
1 5 8 9 3 0
1 5 9 0
2 5 9 10 0
2 5 9 10 8 0
1 5 9 10 8 3 0
1 5 9 2 0
1 5 9 2 1 0
1 5 9 3 0
2 5 9 4 0
1 5 9 4 1 6 2 8 10 3 7 0
2 5 9 4 6 0
1 5 9 7 0
2 5 9 8 10 0
19 6 0
1 6 1 4 0
4 6 10 0
1 6 10 3 7 9 0
1 6 10 7 0
3 6 10 8 0
1 6 10 8 5 3 9 7 0
1 6 10 8 9 0
2 6 2 0
1 6 2 3 7 4 1 5 9 8 10 0
1 6 2 5 9 4 3 1 0
8 6 3 0
1 6 3 1 8 0
1 6 3 10 0
1 6 3 5 8 10 9 4 1 2 7 0
5 6 3 7 0
1 6 3 7 5 0
2 6 3 7 9 0
1 6 3 8 10 0
1 6 3 9 0
1 6 3 9 5 7 10 2 1 8 4 0
1 6 4 0
1 6 4 3 5 0
1 6 4 7 0
1 6 4 9 0
1 6 5 0
1 6 5 1 2 7 9 3 8 10 4 0
2 6 5 3 0
2 6 5 9 0
3 6 7 0
4 6 7 3 0
1 6 7 3 5 0
2 6 7 4 0
1 6 7 9 5 3 4 2 1 8 10 0
1 6 8 0
2 6 8 10 0
1 6 8 3 0
1 6 8 7 9 1 2 4 3 5 10 0
1 6 8 9 10 0
1 6 9 3 0
39 7 0
1 7 1 0
1 7 1 2 8 10 0
2 7 1 6 0
2 7 10 0
1 7 10 1 0
1 7 10 2 0
1 7 10 3 8 0
1 7 10 8 9 1 2 5 3 6 0
1 7 2 0
1 7 2 1 4 0
1 7 2 1 9 0
1 7 2 3 6 4 0
2 7 2 4 0
1 7 2 4 5 0
1 7 2 5 8 10 9 1 6 4 3 0
1 7 2 6 0
1 7 2 9 0
7 7 3 0
1 7 3 4 0
1 7 3 4 8 10 6 0
1 7 3 5 0
1 7 3 5 4 0
5 7 3 6 0
7 7 4 0
1 7 4 1 3 5 2 8 9 6 10 0
1 7 4 10 1 2 3 8 9 6 5 0
1 7 4 2 1 5 9 6 3 8 10 0
2 7 4 3 0
1 7 4 3 10 0
1 7 4 5 8 0
3 7 4 6 0
1 7 4 6 9 0
1 7 4 9 0
1 7 5 1 0
1 7 5 4 0
1 7 5 4 9 0
2 7 5 6 0
1 7 5 9 6 0
4 7 6 0
1 7 6 2 4 0
4 7 6 3 0
1 7 6 3 4 9 10 5 8 1 2 0
1 7 6 4 0
1 7 6 4 3 0
1 7 6 5 0
1 7 6 5 4 10 3 2 9 8 1 0
1 7 6 5 4 3 2 1 9 8 10 0
1 7 8 0
1 7 8 1 0
5 7 8 10 0
1 7 8 10 1 0
1 7 8 10 5 0
2 7 8 10 6 0
1 7 8 10 9 6 5 4 1 2 3 0
3 7 8 6 0
4 7 9 0
1 7 9 5 3 6 10 1 2 8 4 0
364 8 0
1 8 1 0
6 8 1 10 0
1 8 1 10 4 0
3 8 1 2 0
1 8 1 2 10 0
1 8 1 2 3 9 10 7 6 5 4 0
1 8 1 2 4 3 5 6 7 9 10 0
2 8 1 4 0
1 8 1 5 0
1 8 1 5 9 10 2 3 4 6 7 0
1 8 1 6 9 0
1 8 1 9 0
1 8 1 9 4 0
684 8 10 0
16 8 10 1 0
1 8 10 1 2 0
2 8 10 1 2 4 0
1 8 10 1 2 4 5 3 6 7 9 0
1 8 10 1 2 9 5 3 7 4 6 0
1 8 10 1 3 2 6 7 9 5 4 0
1 8 10 1 3 4 6 7 9 2 5 0
1 8 10 1 3 5 7 6 4 2 9 0
3 8 10 1 4 0
1 8 10 1 4 3 2 6 5 7 9 0
1 8 10 1 4 5 7 9 6 2 3 0
1 8 10 1 4 5 9 6 2 7 3 0
6 8 10 1 5 0
1 8 10 1 5 4 9 7 6 2 3 0
1 8 10 1 6 0
1 8 10 1 9 0
41 8 10 2 0
6 8 10 2 1 0
1 8 10 2 1 3 4 5 6 7 9 0
1 8 10 2 1 3 6 4 5 9 7 0
1 8 10 2 1 4 0
1 8 10 2 1 4 5 3 6 9 7 0
1 8 10 2 1 4 5 6 7 9 0
1 8 10 2 1 4 5 9 3 6 7 0
1 8 10 2 1 5 9 4 0
1 8 10 2 1 7 6 0
1 8 10 2 3 5 6 7 9 1 4 0
2 8 10 2 4 0
1 8 10 2 4 1 0
1 8 10 2 4 5 9 1 6 3 7 0
1 8 10 2 4 7 1 6 9 3 5 0
1 8 10 2 4 9 1 0
1 8 10 2 4 9 1 5 7 6 3 0
1 8 10 2 5 0
1 8 10 2 5 1 9 6 7 3 4 0
1 8 10 2 5 9 0
2 8 10 2 6 0
1 8 10 2 6 4 0
3 8 10 2 9 0
1 8 10 2 9 1 3 6 5 4 7 0
1 8 10 2 9 5 1 6 7 3 4 0
12 8 10 3 0
1 8 10 3 1 4 2 9 5 6 7 0
1 8 10 3 2 5 6 0
4 8 10 3 4 0
2 8 10 3 5 0
1 8 10 3 5 6 9 7 0
1 8 10 3 6 2 0
1 8 10 3 7 0
3 8 10 3 9 0
1 8 10 3 9 1 4 2 5 6 7 0
54 8 10 4 0
4 8 10 4 1 0
1 8 10 4 1 2 3 5 6 7 0
1 8 10 4 1 2 5 6 7 9 3 0
1 8 10 4 1 2 6 7 5 3 9 0
9 8 10 4 2 0
1 8 10 4 2 1 5 6 7 9 3 0
1 8 10 4 2 1 5 9 0
1 8 10 4 2 1 5 9 6 7 3 0
2 8 10 4 2 9 1 5 0
1 8 10 4 3 0
1 8 10 4 3 1 0
9 8 10 4 5 0
1 8 10 4 5 1 3 6 7 2 9 0
1 8 10 4 5 2 0
1 8 10 4 5 9 1 2 3 6 7 0
1 8 10 4 5 9 2 7 1 6 3 0
1 8 10 4 6 2 0
1 8 10 4 6 7 9 1 2 5 3 0
3 8 10 4 7 0
7 8 10 4 9 0
1 8 10 4 9 1 0
1 8 10 4 9 3 0
1 8 10 4 9 5 1 2 6 3 7 0
1 8 10 4 9 5 3 0
1 8 10 4 9 6 1 7 5 2 3 0
1 8 10 4 9 6 2 1 3 0
1 8 10 4 9 7 6 3 1 2 5 0
27 8 10 5 0
1 8 10 5 1 2 6 3 4 9 7 0
1 8 10 5 1 3 2 6 7 4 9 0
1 8 10 5 2 1 4 0
1 8 10 5 2 1 9 3 4 6 7 0
1 8 10 5 2 9 7 6 4 3 1 0
3 8 10 5 4 0
1 8 10 5 4 3 2 1 6 9 7 0
1 8 10 5 4 3 2 6 7 9 0
1 8 10 5 4 9 2 3 6 7 1 0
1 8 10 5 4 9 7 6 2 1 3 0
2 8 10 5 6 0
1 8 10 5 6 4 0
1 8 10 5 6 7 4 3 2 1 9 0
2 8 10 5 7 0
5 8 10 5 9 0
1 8 10 5 9 1 7 6 4 3 2 0
1 8 10 5 9 4 1 2 6 3 7 0
1 8 10 5 9 7 6 3 2 1 4 0
1 8 10 5 9 7 6 4 1 2 3 0
8 8 10 6 0
1 8 10 6 1 2 7 5 4 9 3 0
1 8 10 6 3 0
1 8 10 6 5 7 9 1 3 4 2 0
1 8 10 6 9 0
5 8 10 7 0
1 8 10 7 1 0
1 8 10 7 2 0
1 8 10 7 2 1 9 6 5 4 3 0
1 8 10 7 3 9 6 1 5 2 4 0
1 8 10 7 4 0
1 8 10 7 6 4 1 2 3 5 9 0
1 8 10 7 9 0
29 8 10 9 0
1 8 10 9 1 0
1 8 10 9 1 2 3 4 5 6 7 0
1 8 10 9 1 2 4 5 3 6 7 0
1 8 10 9 1 5 0
1 8 10 9 1 5 3 2 4 6 7 0
4 8 10 9 2 0
1 8 10 9 2 1 3 0
1 8 10 9 2 5 0
4 8 10 9 3 0
1 8 10 9 3 4 6 5 2 1 7 0
6 8 10 9 4 0
1 8 10 9 4 1 2 5 6 7 3 0
1 8 10 9 4 3 0
1 8 10 9 4 3 2 1 5 6 7 0
1 8 10 9 4 3 2 1 6 7 5 0
1 8 10 9 4 5 1 2 0
1 8 10 9 4 5 1 2 3 6 7 0
1 8 10 9 4 7 1 6 5 3 2 0
5 8 10 9 5 0
1 8 10 9 5 2 1 0
1 8 10 9 5 2 1 4 7 3 6 0
1 8 10 9 5 2 4 3 1 7 6 0
2 8 10 9 5 3 0
1 8 10 9 5 3 1 2 6 4 7 0
1 8 10 9 5 3 4 7 6 1 2 0
1 8 10 9 5 4 0
1 8 10 9 5 4 3 6 7 2 1 0
1 8 10 9 5 6 0
1 8 10 9 5 6 7 4 2 1 3 0
1 8 10 9 6 4 5 3 0
1 8 10 9 6 5 4 3 7 2 1 0
1 8 10 9 7 0
1 8 10 9 7 5 4 0
1 8 10 9 7 6 4 5 3 2 1 0
2 8 10 9 7 6 5 4 3 2 1 0
20 8 2 0
3 8 2 1 0
1 8 2 1 10 0
2 8 2 1 5 0
10 8 2 10 0
1 8 2 10 1 0
1 8 2 10 4 0
1 8 2 10 4 1 0
3 8 2 4 0
1 8 2 4 1 5 6 7 9 10 3 0
2 8 2 4 10 0
1 8 2 4 3 10 0
1 8 2 4 5 6 7 9 10 3 1 0
1 8 2 4 9 1 0
1 8 2 4 9 10 1 5 6 0
1 8 2 4 9 10 5 3 1 6 7 0
3 8 2 5 0
1 8 2 9 10 5 1 4 6 7 3 0
2 8 2 9 5 0
1 8 3 10 0
1 8 3 10 1 4 0
1 8 3 10 9 0
2 8 3 4 0
1 8 3 4 10 9 6 7 5 1 2 0
1 8 3 5 10 0
1 8 3 5 10 9 1 6 7 2 4 0
1 8 3 5 6 0
1 8 3 5 7 0
2 8 3 6 0
2 8 3 9 0
1 8 3 9 10 5 6 1 2 4 7 0
38 8 4 0
4 8 4 1 0
3 8 4 1 10 0
1 8 4 1 10 2 6 5 3 9 7 0
1 8 4 1 2 0
1 8 4 1 2 6 5 3 10 9 7 0
1 8 4 1 3 2 6 5 7 9 10 0
1 8 4 1 5 0
17 8 4 10 0
1 8 4 10 1 2 3 5 6 7 9 0
3 8 4 10 2 0
1 8 4 10 3 2 6 5 9 1 7 0
1 8 4 10 3 5 6 2 1 7 9 0
1 8 4 10 5 0
1 8 4 10 5 2 1 0
1 8 4 10 6 2 9 0
4 8 4 10 9 0
1 8 4 10 9 1 5 0
7 8 4 2 0
3 8 4 2 10 0
1 8 4 2 5 7 9 10 6 1 3 0
1 8 4 2 6 0
1 8 4 2 9 0
3 8 4 3 0
1 8 4 3 10 7 1 6 5 2 9 0
1 8 4 3 2 0
1 8 4 3 9 7 6 5 10 2 1 0
2 8 4 5 0
2 8 4 5 10 0
1 8 4 5 2 0
1 8 4 5 9 0
1 8 4 6 9 10 1 2 3 5 7 0
1 8 4 7 0
3 8 4 9 0
2 8 4 9 10 0
1 8 4 9 10 2 5 0
1 8 4 9 10 3 6 2 1 5 7 0
1 8 4 9 10 5 6 1 0
1 8 4 9 10 6 3 2 5 1 0
1 8 4 9 2 5 0
1 8 4 9 6 10 2 1 3 5 7 0
7 8 5 0
1 8 5 1 0
6 8 5 10 0
2 8 5 10 4 0
1 8 5 10 4 9 2 1 3 6 7 0
1 8 5 2 0
1 8 5 2 10 9 1 3 6 7 4 0
1 8 5 3 0
2 8 5 4 0
2 8 5 4 10 0
1 8 5 9 0
1 8 5 9 10 0
1 8 5 9 4 0
1 8 6 0
1 8 6 1 0
1 8 6 10 3 0
2 8 6 3 0
2 8 6 4 0
1 8 6 9 0
3 8 7 0
1 8 7 1 0
1 8 7 10 0
1 8 7 10 2 4 9 5 1 6 3 0
1 8 7 10 9 0
1 8 7 2 0
1 8 7 2 10 1 6 9 0
1 8 7 4 0
1 8 7 9 10 6 5 4 3 2 1 0
5 8 9 0
1 8 9 1 10 0
8 8 9 10 0
1 8 9 10 1 0
1 8 9 10 3 0
4 8 9 10 4 0
1 8 9 10 4 2 3 5 1 6 7 0
1 8 9 10 4 3 7 2 0
1 8 9 10 5 3 4 6 2 1 7 0
1 8 9 10 5 4 0
1 8 9 10 6 4 3 5 0
1 8 9 10 7 4 1 2 3 5 6 0
2 8 9 10 7 6 5 4 3 2 1 0
1 8 9 2 0
1 8 9 2 10 0
1 8 9 2 7 0
2 8 9 3 0
2 8 9 4 0
3 8 9 5 0
1 8 9 6 0
27 9 0
6 9 1 0
2 9 1 10 0
1 9 1 10 8 5 4 2 3 6 7 0
1 9 1 7 8 6 4 5 3 2 10 0
1 9 1 8 0
12 9 10 0
1 9 10 2 8 0
1 9 10 3 0
2 9 10 4 8 0
2 9 10 5 0
1 9 10 5 4 8 6 2 3 1 7 0
1 9 10 5 8 0
1 9 10 6 0
9 9 10 8 0
1 9 10 8 2 0
1 9 10 8 4 0
1 9 10 8 4 5 6 3 2 1 7 0
1 9 10 8 5 0
1 9 10 8 5 4 1 2 3 6 7 0
2 9 2 0
1 9 2 1 4 7 5 10 8 6 3 0
1 9 2 1 5 4 0
1 9 2 4 7 3 8 10 0
7 9 3 0
1 9 3 10 0
1 9 3 10 6 0
1 9 3 4 0
1 9 3 5 0
1 9 3 5 10 0
1 9 3 6 0
1 9 3 6 5 0
1 9 3 8 0
5 9 4 0
1 9 4 1 0
1 9 4 1 7 0
1 9 4 1 8 0
1 9 4 10 8 0
4 9 4 3 0
1 9 4 3 8 10 5 6 0
5 9 4 5 0
1 9 4 5 6 0
1 9 4 8 0
1 9 4 8 10 5 0
1 9 4 8 10 7 6 3 0
5 9 5 0
2 9 5 1 0
1 9 5 1 2 0
1 9 5 1 4 0
1 9 5 10 8 0
1 9 5 2 0
1 9 5 2 4 8 0
1 9 5 2 8 10 0
1 9 5 3 0
1 9 5 3 10 0
1 9 5 3 8 0
3 9 5 4 0
1 9 5 4 2 0
1 9 5 4 2 1 0
3 9 5 8 0
1 9 5 8 10 0
1 9 5 8 10 3 6 1 2 4 7 0
1 9 6 0
1 9 7 1 2 3 6 5 4 8 10 0
1 9 7 4 10 0
1 9 7 5 0
1 9 7 5 1 0
4 9 8 0
2 9 8 10 0
1 9 8 10 1 5 0
2 9 8 10 2 0
1 9 8 10 4 0
1 9 8 10 4 5 2 1 0
1 9 8 10 5 0
1 9 8 10 5 4 0
1 9 8 3 0
4 9 8 4 0
1 9 8 4 10 0
1 9 8 5 10 1 0
1 9 8 5 6 7 10 4 3 1 2 0
0
"Margaret Bean"
"Graham Campbell"
"Graeme Dickson"
"Phil Greene"
"Patrick McAleer"
"Robert G C Sawers"
"Kenny Smith"
"Allan Stewart"
"John H Stuart"
"James Todd"
"SPRINGBURN Ward"
`;

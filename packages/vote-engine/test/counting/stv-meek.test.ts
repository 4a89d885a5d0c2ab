import { describe, expect, it } from "vitest";
import type { CountResult, TieBreaker, WeightedBallot } from "../../src/tally/counting/counting-method";
import { stvMeek } from "../../src/tally/counting/stv-meek";
import { optionOrderTieBreaker, recordedDrawTieBreaker } from "../../src/tally/counting/tie-breakers";
import { ballot, prng, randomBallots } from "./reference/random-ranked-ballots";
import { GPUS_STEERING_COMMITTEE_2005, parseBlt, referenceMeek } from "./reference/stv-reference";

type Ranked = { readonly ranking: readonly string[] };
const count = (
  options: readonly string[],
  seats: number,
  ballots: ReadonlyArray<WeightedBallot<Ranked>>,
  tieBreaker: TieBreaker = optionOrderTieBreaker(options),
) => stvMeek.count({ options, seats, ballots, tieBreaker });

/** Every vote between two rounds is accounted for by the round's transfers. */
function expectTransfersAccountForChanges(result: CountResult) {
  result.rounds.forEach((round, i) => {
    const next = result.rounds[i + 1];
    if (!next) return;
    for (const option of Object.keys(next.tallies)) {
      const moved = round.transfers!.reduce((sum, { from, to, exhausted }) => {
        if (from !== option) return sum + (to[option] ?? 0);
        return sum - Object.values(to).reduce((a, b) => a + b, 0) - exhausted;
      }, 0);
      expect(moved).toBeCloseTo(next.tallies[option]! - round.tallies[option]!, 8);
    }
    const toExcess = round.transfers!.reduce((sum, transfer) => sum + transfer.exhausted, 0);
    expect(toExcess).toBeCloseTo(next.exhausted! - round.exhausted!, 8);
  });
}

describe("Meek STV count", () => {
  // Source: Droop (github.com/jklundell/droop, commit cf58293), test/blt/SC.blt, the GPUS Steering
  // Committee election of 2005-07-24, and its reference output under the PR Foundation's Reference
  // Meek Rule (prfound.org/resources/reference/reference-meek-rule/), test/ref/dump/SC-meek-prf-o6-
  // fixed-p9-d9.txt: quota and votes per round, from each round's first line. That rule shares this
  // count's arithmetic (9 places, w × k rounded up, quota truncated + 0.000000001, keep values
  // updated k × q ÷ v rounded up) and stops iterating at a total surplus below 0.000001 where Hill's
  // rule stops at 0.0001, so wherever both iterate to convergence (rounds 1–8) the votes agree to
  // within that limit. From round 9 Hill's rule excludes a candidate as soon as the surplus could not
  // save them, before converging (rule 3e(ii)), so there only the decisions are compared. Droop breaks
  // a tie at zero by excluding the candidate first in ballot order: a recorded draw in reverse
  // ballot order does the same here.
  const gpus = parseBlt(GPUS_STEERING_COMMITTEE_2005);
  const prfRounds: Array<[quota: number, votes: Array<number | null>]> = [
    [18.800000001, [6, 3, 8, 22, 2, 0, 33, 1, 1, 0, 0, 0, 18]],
    [
      18.800000001,
      [
        8.006073598, 3.232685848, 9.408174589, 18.800000609, 2.759954125, 0, 18.800000299, 13.000470959, 1.435843893, 0,
        0, 0, 18.55679608,
      ],
    ],
    [
      18.800000001,
      [
        8.006073598,
        3.232685848,
        9.408174589,
        18.800000609,
        2.759954125,
        null,
        18.800000299,
        13.000470959,
        1.435843893,
        0,
        0,
        0,
        18.55679608,
      ],
    ],
    [
      18.800000001,
      [
        8.006073598,
        3.232685848,
        9.408174589,
        18.800000609,
        2.759954125,
        null,
        18.800000299,
        13.000470959,
        1.435843893,
        null,
        0,
        0,
        18.55679608,
      ],
    ],
    [
      18.800000001,
      [
        8.006073598,
        3.232685848,
        9.408174589,
        18.800000609,
        2.759954125,
        null,
        18.800000299,
        13.000470959,
        1.435843893,
        null,
        null,
        0,
        18.55679608,
      ],
    ],
    [
      18.800000001,
      [
        8.006073598,
        3.232685848,
        9.408174589,
        18.800000609,
        2.759954125,
        null,
        18.800000299,
        13.000470959,
        1.435843893,
        null,
        null,
        null,
        18.55679608,
      ],
    ],
    [
      18.800000001,
      [
        8.006073598,
        3.232685848,
        9.408174589,
        18.800000609,
        2.759954125,
        null,
        18.800000299,
        14.436314852,
        null,
        null,
        null,
        null,
        18.55679608,
      ],
    ],
    [
      18.800000001,
      [
        9.006073598,
        3.394740964,
        9.408174589,
        19.16521377,
        null,
        null,
        18.800000299,
        14.506945584,
        null,
        null,
        null,
        null,
        19.718851196,
      ],
    ],
  ];
  const prfDecisions: Array<[elected: string[], excluded: string[]]> = [
    [["Pat LaMarche", "Rebecca Rotzler"], []],
    [[], ["Write-In 2"]],
    [[], ["Write-In 1"]],
    [[], ["Steve Greenfield"]],
    [[], ["Jimmy Leas"]],
    [[], ["Jason Jones"]],
    [[], ["Michael Piacsek"]],
    [["Steve Kramer"], []],
    [[], ["Kirit Mookerjee"]],
    [[], ["Budd Dickinson"]],
    // Droop then lists Tom Sevigny as defeated: every seat is filled, so he simply is not elected.
    [["Kristen Olsen"], []],
  ];

  it("reproduces Droop's reference count of the GPUS 2005 election, round by round", () => {
    const result = count(
      gpus.options,
      gpus.seats,
      toBallots(gpus.ballots),
      recordedDrawTieBreaker([...gpus.options].reverse()),
    );
    expect(result.rounds.map((r) => [[...r.elected].sort(), r.eliminated])).toEqual(prfDecisions);
    expect(result.winners).toEqual(["Rebecca Rotzler", "Pat LaMarche", "Steve Kramer", "Kristen Olsen"]);
    prfRounds.forEach(([quota, votes], i) => {
      const round = result.rounds[i]!;
      expect(Math.abs(round.quota! - quota)).toBeLessThan(0.0001);
      const expected = gpus.options.flatMap((name, c) => (votes[c] === null ? [] : [[name, votes[c]!] as const]));
      expect(Object.keys(round.tallies)).toEqual(expected.map(([name]) => name));
      for (const [name, v] of expected) expect(Math.abs(round.tallies[name]! - v)).toBeLessThan(0.0001);
    });
    // Round 1 is the first preferences, exactly.
    expect(result.rounds[0]!.tallies["Rebecca Rotzler"]).toBe(33);
    expect(result.rounds[0]!.quota).toBe(18.800000001);
    // The three candidates level at zero in every round went to the draw, each time recorded.
    expect(result.tieBreaks.map((t) => [t.round, t.deciding, t.between, t.chosen, t.rule])).toEqual([
      [
        2,
        "elimination",
        ["Write-In 2", "Write-In 1", "Steve Greenfield", "Jimmy Leas"],
        ["Write-In 2"],
        "recorded-draw",
      ],
      [3, "elimination", ["Write-In 1", "Steve Greenfield", "Jimmy Leas"], ["Write-In 1"], "recorded-draw"],
      [4, "elimination", ["Steve Greenfield", "Jimmy Leas"], ["Steve Greenfield"], "recorded-draw"],
    ]);
  });

  it("accounts for every vote in every round of the GPUS 2005 count", () => {
    const result = count(
      gpus.options,
      gpus.seats,
      toBallots(gpus.ballots),
      recordedDrawTieBreaker([...gpus.options].reverse()),
    );
    for (const round of result.rounds) {
      const total = Object.values(round.tallies).reduce((a, b) => a + b, 0) + round.exhausted!;
      expect(total).toBeCloseTo(94, 8);
      // Rule 3b: the quota is (94 − excess) ÷ 5, truncated to 9 places, plus 0.000000001.
      expect(round.quota).toBeCloseTo(Math.floor(((94 - round.exhausted!) / 5) * 1e9) / 1e9 + 1e-9, 8);
      for (const k of Object.values(round.keepValues!)) expect(k > 0 && k <= 1).toBe(true);
    }
    expectTransfersAccountForChanges(result);
  });

  it("lets the quota fall as partial rankings exhaust", () => {
    // 14 votes, 2 seats. a's surplus flows on only from the 2 ballots a > b; from the 7 ranking a alone
    // it is excess, which lowers the quota until b reaches it (Scottish rules elect c here: the quota
    // stays 5 and b is excluded first; see that test).
    const result = count(["a", "b", "c"], 2, [ballot(7, "a"), ballot(2, "a", "b"), ballot(3, "c"), ballot(2, "b")]);
    expect(result.rounds[0]).toMatchObject({
      tallies: { a: 9, b: 2, c: 3 },
      exhausted: 0,
      quota: 4.666666667,
      elected: ["a"],
    });
    const [fromA] = result.rounds[0]!.transfers!;
    expect(fromA!.from).toBe("a");
    // Every ballot headed by a passes on the same share: 7 of them to the excess for every 2 to b.
    expect(fromA!.exhausted * 2).toBeCloseTo(fromA!.to.b! * 7, 8);
    // As a's keep value falls, so does the quota, until b's 2 votes plus its share of a's surplus reach it.
    const second = result.rounds[1]!;
    expect(second).toMatchObject({ elected: ["b"], eliminated: [] });
    expect(second.quota).toBeLessThan(4.666666667);
    expect(second.tallies.b).toBeGreaterThanOrEqual(second.quota!);
    expect(second.keepValues!.a).toBeLessThan(1);
    expect(result.rounds).toHaveLength(2);
    expect(result.winners).toEqual(["a", "b"]);
    expectTransfersAccountForChanges(result);
  });

  it("settles a tie for fewest by the first round where the tied options differed", () => {
    // Round 1: a 10, b 4, c 5, y 2, z 3: y goes, to b. Round 2: a 10, b 6, c 5, z 3: z goes, one ballot
    // to c. Round 3: b and c both 6. Ahead at first difference: in round 1 b had fewer (4 < 5), so b
    // goes (the Scottish rule looks at the most recent difference instead and excludes c).
    const result = count(["a", "b", "c", "y", "z"], 1, [
      ballot(10, "a"),
      ballot(4, "b"),
      ballot(5, "c"),
      ballot(2, "y", "b"),
      ballot(1, "z", "c"),
      ballot(2, "z"),
    ]);
    expect(result.rounds.map((r) => [r.tallies, r.eliminated, r.elected])).toEqual([
      [{ a: 10, b: 4, c: 5, y: 2, z: 3 }, ["y"], []],
      [{ a: 10, b: 6, c: 5, z: 3 }, ["z"], []],
      [{ a: 10, b: 6, c: 6 }, ["b"], []],
      [{ a: 10, c: 6 }, [], ["a"]],
    ]);
    expect(result.tieBreaks).toEqual([
      expect.objectContaining({
        round: 3,
        deciding: "elimination",
        between: ["b", "c"],
        chosen: ["b"],
        rule: "look-back",
      }),
    ]);
    expect(result.tieBreaks[0]!.explanation).toMatch(/round 1/);
  });

  it("hands a tie level in every round to the election's tie-breaker, naming the decision", () => {
    const contexts: string[] = [];
    const draw = recordedDrawTieBreaker(["a", "c", "b"]);
    const recorded: TieBreaker = {
      rule: draw.rule,
      order: (tied, context) => {
        contexts.push(context);
        return draw.order(tied, context);
      },
    };
    const result = count(["a", "b", "c"], 1, [ballot(3, "a"), ballot(2, "b"), ballot(2, "c")], recorded);
    // The draw favours a, then c, then b: an exclusion takes the least favoured, b.
    expect(result.rounds[0]!.eliminated).toEqual(["b"]);
    expect(contexts).toEqual(["round 1: elimination"]);
    expect(result.tieBreaks).toEqual([
      expect.objectContaining({ round: 1, between: ["b", "c"], chosen: ["b"], rule: "recorded-draw" }),
    ]);
    expect(result.winners).toEqual(["a"]);
  });

  it("counts a weight exactly as that many identical ballots", () => {
    const int = prng(7);
    const options = ["a", "b", "c", "d", "e", "f"];
    const weighted = randomBallots(int, options, 40, 5);
    const duplicated = weighted.flatMap((b) => Array.from({ length: b.weight }, () => ballot(1, ...b.marks.ranking)));
    expect(count(options, 3, duplicated)).toEqual(count(options, 3, weighted));
    // The GPUS file lists identical ballots on separate lines; grouped into weights it counts the same.
    const grouped = new Map<string, number>();
    for (const b of gpus.ballots) grouped.set(b.ranking.join(">"), (grouped.get(b.ranking.join(">")) ?? 0) + b.weight);
    const asWeights = [...grouped].map(([ranking, weight]) => ballot(weight, ...ranking.split(">")));
    const draw = recordedDrawTieBreaker([...gpus.options].reverse());
    expect(count(gpus.options, 4, asWeights, draw)).toEqual(count(gpus.options, 4, toBallots(gpus.ballots), draw));
  });

  it("gives the same count whatever order the ballots come in", () => {
    const int = prng(11);
    const options = ["a", "b", "c", "d", "e"];
    const ballots = randomBallots(int, options, 50, 3);
    expect(count(options, 2, [...ballots].reverse())).toEqual(count(options, 2, ballots));
  });

  it("elects every option when the seats are at least the options", () => {
    for (const seats of [3, 5]) {
      const result = count(["a", "b", "c"], seats, [ballot(2, "a", "b"), ballot(1, "b")]);
      expect(result.rounds).toHaveLength(1);
      expect(result.rounds[0]).toMatchObject({
        tallies: { a: 2, b: 1, c: 0 },
        elected: ["a", "b", "c"],
        eliminated: [],
      });
      expect(result.winners).toEqual(["a", "b", "c"]);
    }
  });

  it("reports empty rankings as abstentions that take no part", () => {
    const result = count(["a", "b"], 1, [ballot(3, "a"), ballot(1, "b"), ballot(2)]);
    expect(result.abstentions).toBe(2);
    expect(result.rounds[0]).toMatchObject({ tallies: { a: 3, b: 1 }, quota: 2.000000001, elected: ["a"] });
    expect(count(["a", "b"], 1, [ballot(4)])).toEqual({
      method: "stv-meek",
      seats: 1,
      rounds: [],
      winners: [],
      tieBreaks: [],
      abstentions: 4,
    });
  });

  it("rejects ballots and questions it cannot count", () => {
    expect(() => count(["a", "b"], 1, [ballot(1, "a", "x")])).toThrow(/unknown option "x"/);
    expect(() => count(["a", "b"], 1, [ballot(1, "a", "a")])).toThrow(/twice/);
    expect(() => count(["a", "b"], 1, [ballot(0, "a")])).toThrow(/positive integer/);
    expect(() => count(["a", "b"], 1, [ballot(1.5, "a")])).toThrow(/positive integer/);
    expect(() => count(["a", "b"], 0, [ballot(1, "a")])).toThrow(/seats/);
  });

  it("agrees with the independent reference count on 300 random elections", () => {
    const int = prng(2024);
    for (let election = 0; election < 300; election++) {
      const options = ["a", "b", "c", "d", "e", "f", "g"].slice(0, int(3, 7));
      const seats = int(1, 3);
      const ballots = randomBallots(int, options, int(5, 60), 3);
      const result = count(options, seats, ballots);
      const reference = referenceMeek(
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

function toBallots(ballots: ReadonlyArray<{ ranking: readonly string[]; weight: number }>): WeightedBallot<Ranked>[] {
  return ballots.map(({ ranking, weight }) => ({ marks: { ranking }, weight }));
}

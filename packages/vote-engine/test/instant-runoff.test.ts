import { describe, expect, it } from "vitest";
import { instantRunoff } from "../src/tally/instant-runoff";

const repeat = (times: number, ranking: readonly string[]) => Array.from({ length: times }, () => ranking);

describe("instant-runoff count", () => {
  // Wikipedia, "Instant-runoff voting", section "Examples" (the Tennessee state capital election):
  // 42% Memphis > Nashville > Chattanooga > Knoxville, 26% Nashville > Chattanooga > Knoxville > Memphis,
  // 15% Chattanooga > Knoxville > Nashville > Memphis, 17% Knoxville > Chattanooga > Nashville > Memphis.
  // Chattanooga is eliminated first, then Nashville, and Knoxville wins 58 to 42.
  it("reproduces the published Tennessee capital example", () => {
    const options = ["memphis", "nashville", "chattanooga", "knoxville"];
    const result = instantRunoff({
      options,
      ballots: [
        ...repeat(42, ["memphis", "nashville", "chattanooga", "knoxville"]),
        ...repeat(26, ["nashville", "chattanooga", "knoxville", "memphis"]),
        ...repeat(15, ["chattanooga", "knoxville", "nashville", "memphis"]),
        ...repeat(17, ["knoxville", "chattanooga", "nashville", "memphis"]),
      ],
    });
    expect(result.rounds).toEqual([
      {
        round: 1,
        tallies: { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
        exhausted: 0,
        eliminated: ["chattanooga"],
      },
      { round: 2, tallies: { memphis: 42, nashville: 26, knoxville: 32 }, exhausted: 0, eliminated: ["nashville"] },
      { round: 3, tallies: { memphis: 42, knoxville: 58 }, exhausted: 0, eliminated: [] },
    ]);
    expect(result.winner).toBe("knoxville");
  });

  it("elects a first-round majority without eliminating anyone", () => {
    const result = instantRunoff({
      options: ["a", "b", "c"],
      ballots: [...repeat(6, ["a"]), ...repeat(3, ["b", "a"]), ["c"]],
    });
    expect(result.rounds).toEqual([{ round: 1, tallies: { a: 6, b: 3, c: 1 }, exhausted: 0, eliminated: [] }]);
    expect(result.winner).toBe("a");
  });

  it("drops exhausted partial rankings from the majority it needs", () => {
    // 10 ballots; after c goes, its 3 ballots rank nothing else, so 7 remain and 4 is a majority.
    const result = instantRunoff({
      options: ["a", "b", "c"],
      ballots: [...repeat(4, ["a"]), ...repeat(3, ["b"]), ...repeat(3, ["c"])],
    });
    expect(result.rounds.map((r) => [r.tallies, r.exhausted, r.eliminated])).toEqual([
      [{ a: 4, b: 3, c: 3 }, 0, ["c"]],
      [{ a: 4, b: 3 }, 3, []],
    ]);
    expect(result.rounds[0]?.tieBreak).toMatch(/ballot order/);
    expect(result.winner).toBe("a");
  });

  it("breaks a tie for last by looking back to an earlier round", () => {
    // Round 1: a 5, b 4, c 3, d 1 → d out (its ballot goes to c). Round 2: a 5, b 4, c 4 → b and c tie;
    // in round 1 c had fewer (3 < 4), so c goes.
    const result = instantRunoff({
      options: ["a", "b", "c", "d"],
      ballots: [...repeat(5, ["a"]), ...repeat(4, ["b", "a"]), ...repeat(3, ["c", "b"]), ["d", "c", "b"]],
    });
    expect(result.rounds[1]).toEqual({
      round: 2,
      tallies: { a: 5, b: 4, c: 4 },
      exhausted: 0,
      eliminated: ["c"],
      tieBreak: "Tie for fewest votes broken by round 1, where c had the fewest.",
    });
    expect(result.rounds[2]).toEqual({ round: 3, tallies: { a: 5, b: 8 }, exhausted: 0, eliminated: [] });
    expect(result.winner).toBe("b");
  });

  it("falls back to ballot order when the tie never differed", () => {
    const result = instantRunoff({
      options: ["a", "b", "c"],
      ballots: [...repeat(3, ["a"]), ...repeat(2, ["b", "a"]), ...repeat(2, ["c", "a"])],
    });
    expect(result.rounds[0]).toMatchObject({
      eliminated: ["c"],
      tieBreak: "Tie for fewest votes in every round: c comes last in the ballot order.",
    });
    expect(result.rounds[1]).toEqual({ round: 2, tallies: { a: 5, b: 2 }, exhausted: 0, eliminated: [] });
  });

  it("eliminates an option nobody ranked first before anything else", () => {
    const result = instantRunoff({
      options: ["a", "b", "z"],
      ballots: [...repeat(2, ["a", "z"]), ...repeat(2, ["b", "z"]), ["z", "a"]],
    });
    expect(result.rounds[0]).toMatchObject({ tallies: { a: 2, b: 2, z: 1 }, eliminated: ["z"] });
    expect(result.rounds[1]).toEqual({ round: 2, tallies: { a: 3, b: 2 }, exhausted: 0, eliminated: [] });
    expect(result.winner).toBe("a");
  });

  it("counts abstentions apart and has no winner when everyone abstains", () => {
    expect(instantRunoff({ options: ["a", "b"], ballots: [[], ["b"], []] })).toMatchObject({
      abstentions: 2,
      winner: "b",
    });
    expect(instantRunoff({ options: ["a", "b"], ballots: [[], []] })).toEqual({
      rounds: [],
      winner: null,
      abstentions: 2,
    });
  });

  it("refuses ballots the domain should never have accepted", () => {
    expect(() => instantRunoff({ options: ["a"], ballots: [["x"]] })).toThrow('unknown option "x"');
    expect(() => instantRunoff({ options: ["a", "b"], ballots: [["a", "a"]] })).toThrow("twice");
  });
});

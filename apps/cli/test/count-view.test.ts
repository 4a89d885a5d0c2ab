import { describe, expect, it } from "vitest";
import { countingMethods, optionOrderTieBreaker } from "@landslide/vote-engine";
import { addsToTable, countView } from "../src/lib/count-view";

const question = {
  prompt: "Elect the board",
  options: [
    { id: "ada", label: "Ada" },
    { id: "bo", label: "Bo" },
    { id: "cy", label: "Cy" },
    { id: "di", label: "Di" },
  ],
};
const ids = question.options.map((o) => o.id);
const ranked = (ranking: string[], weight: number) => ({ marks: { ranking }, weight });

describe("the final count in a terminal", () => {
  it("names the elected, the method and the seats, each round with its quota, and the votes moved", () => {
    const count = countingMethods["stv-scottish"].count({
      options: ids,
      seats: 2,
      ballots: [ranked(["ada", "bo"], 9), ranked(["cy", "bo"], 4), ranked(["bo"], 2), ranked(["di", "cy"], 3)],
      tieBreaker: optionOrderTieBreaker(ids),
    });
    const text = countView(question, count);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Elect the board");
    expect(lines[1]).toBe(
      `  Counted by single transferable vote (Scottish rules), 2 seats: elected ${count.winners.map((id) => question.options.find((o) => o.id === id)!.label).join(", ")}.`,
    );
    expect(text).toMatch(/OPTION\s+ROUND 1\s+ROUND 2/);
    expect(text).toMatch(/Ada \(elected\)\s+9\b/);
    // Droop quota of 18 votes for 2 seats: floor(18 / 3) + 1.
    expect(text).toMatch(/Quota\s+7\b/);
    // Scottish rules transfer a surplus at five decimals, truncated: 2 votes' worth arrive as 1.99998.
    expect(text).toMatch(/After round 1, Ada's votes moved: 1\.99998 to Bo\./);
    expect(text).toMatch(/After round 2, Di's votes moved: 3 to Cy\./);
    expect(addsToTable(count)).toBe(true);
  });

  it("shows a Condorcet method's head-to-head matrix and says who beats everyone", () => {
    const count = countingMethods.schulze.count({
      options: ids,
      seats: 1,
      ballots: [ranked(["bo", "ada", "cy"], 4), ranked(["ada", "cy", "bo"], 2), ranked(["cy", "bo"], 1)],
      tieBreaker: optionOrderTieBreaker(ids),
    });
    const text = countView(question, count);
    expect(text).toContain("Head to head (voters preferring the row's option over the column's):");
    expect(text).toMatch(/OPTION\s+OPTIONS BEATEN/);
    // Bo over Ada: the 4 who rank Bo first and the 1 who ranks Bo and not Ada; over Cy 4, over Di all 7.
    expect(text).toMatch(/\n {2}Bo\s+5\s+—\s+4\s+7\n/);
    expect(count.condorcetWinner).toBe("bo");
    expect(text).toContain(
      `${question.options.find((o) => o.id === count.condorcetWinner)!.label} beats every other option head to head.`,
    );
  });

  it("heads STAR's rounds as total scores and a runoff, and names the ballots that scored both finalists the same", () => {
    // Wikipedia's Tennessee example scored 0 to 5 (the engine's STAR test), and 3 ballots scoring the finalists alike.
    const cities = {
      prompt: "Tennessee's capital",
      options: ["Memphis", "Nashville", "Chattanooga", "Knoxville"].map((label) => ({
        id: label.toLowerCase(),
        label,
      })),
    };
    const scored = (weight: number, scores: Record<string, number>) => ({ marks: { scores }, weight });
    const ballots = [
      scored(42, { memphis: 5, nashville: 2, chattanooga: 1, knoxville: 0 }),
      scored(26, { memphis: 0, nashville: 5, chattanooga: 2, knoxville: 1 }),
      scored(15, { memphis: 0, nashville: 3, chattanooga: 5, knoxville: 3 }),
      scored(17, { memphis: 0, nashville: 2, chattanooga: 4, knoxville: 5 }),
      scored(3, { memphis: 1, nashville: 4, chattanooga: 4 }),
    ];
    const input = {
      options: cities.options.map((o) => o.id),
      seats: 1,
      ballots,
      tieBreaker: optionOrderTieBreaker(cities.options.map((o) => o.id)),
      scoreRange: { min: 0, max: 5 },
    };
    const star = countView(cities, countingMethods.star.count(input));
    expect(star.split("\n")).toEqual([
      "Tennessee's capital",
      "  Counted by STAR (score, then an automatic runoff), 1 seat: elected Nashville.",
      "  OPTION                TOTAL SCORE  RUNOFF",
      "  Memphis                       213       —",
      "  Nashville (elected)           305      68",
      "  Chattanooga                   249      32",
      "  Knoxville                     156       —",
      "  Scored both the same            —       3",
      "  Runoff between the two highest total scores: Nashville preferred on 68 ballots, Chattanooga on 32, 3 scored both the same.",
    ]);
    expect(star).not.toMatch(/No choice left|ROUND/);

    const score = countView(cities, countingMethods.score.count(input));
    expect(score).toMatch(/Counted by score voting, 1 seat: elected Nashville\./);
    expect(score).toMatch(/OPTION\s+TOTAL SCORE\n/);
    expect(score).not.toMatch(/Runoff|Scored both/);
    expect(addsToTable(countingMethods.star.count(input))).toBe(true);
  });

  it("adds nothing to the table for a one-seat plurality or approval count, unless a declared rule settled a tie", () => {
    expect(addsToTable({ method: "plurality", seats: 1, tieBreaks: [] })).toBe(false);
    expect(addsToTable({ method: "approval", seats: 1, tieBreaks: [] })).toBe(false);
    expect(addsToTable({ method: "plurality", seats: 3, tieBreaks: [] })).toBe(true);
    expect(addsToTable({ method: "instant-runoff", seats: 1, tieBreaks: [] })).toBe(true);
    const lot = { round: 1, deciding: "the seat", between: ["ada", "bo"], chosen: ["bo"], explanation: "" };
    expect(addsToTable({ method: "plurality", seats: 1, tieBreaks: [{ ...lot, rule: "lot" }] })).toBe(true);
    expect(addsToTable({ method: "plurality", seats: 1, tieBreaks: [{ ...lot, rule: "recorded-draw" }] })).toBe(true);
    expect(addsToTable({ method: "plurality", seats: 1, tieBreaks: [{ ...lot, rule: "option-order" }] })).toBe(false);
  });
});

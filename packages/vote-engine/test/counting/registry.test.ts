import { describe, expect, it } from "vitest";
import { countingMethods, methodNames, optionOrderTieBreaker } from "../../src/tally/counting";

describe("the counting methods", () => {
  it("has one method under each name a question may give, answering to that name", () => {
    expect(Object.keys(countingMethods).sort()).toEqual([...methodNames].sort());
    for (const [name, method] of Object.entries(countingMethods)) expect(method.name).toBe(name);
  });

  it("each counts a unanimous electorate for the option everyone prefers", () => {
    const options = ["north", "south", "east"];
    const tieBreaker = optionOrderTieBreaker(options);
    for (const method of Object.values(countingMethods)) {
      const marks =
        method.marks === "choices"
          ? { choices: ["south"] }
          : method.marks === "ranking"
            ? { ranking: ["south", "east", "north"] }
            : { scores: { south: 5, east: 2, north: 0 } };
      const result = (method.count as (input: object) => { winners: readonly string[] })({
        options,
        seats: 1,
        ballots: [{ marks, weight: 7 }],
        tieBreaker,
        scoreRange: { min: 0, max: 5 },
      });
      expect(result.winners, method.name).toEqual(["south"]);
    }
  });
});

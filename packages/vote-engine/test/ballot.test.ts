import { describe, expect, it } from "vitest";
import { BALLOT_LIMITS, validateBallot } from "../src/index";
import { demoBallot, election } from "./fixtures";

const withAnswer = (questionId: string, answer: unknown) => ({
  answers: { ...demoBallot().answers, [questionId]: answer },
});
const code = (input: unknown, e = election) => {
  const result = validateBallot(e, input);
  return result.ok ? "OK" : result.error.code;
};

describe("ballot validation", () => {
  it("accepts a valid ballot and puts it in canonical form", () => {
    const result = validateBallot(election, withAnswer("parks", { choices: ["oakwood", "riverside"] }));
    expect(result).toEqual({
      ok: true,
      value: [
        ["mascot", { choices: ["heron"] }],
        ["parks", { choices: ["riverside", "oakwood"] }],
        ["council-chair", { ranking: ["ada", "bruno"] }],
      ],
    });
  });

  it("keeps the voter's order for a ranked question and allows a partial ranking", () => {
    const result = validateBallot(election, withAnswer("council-chair", { choices: ["dolores", "ada"] }));
    expect(result.ok && result.value[2]).toEqual(["council-chair", { ranking: ["dolores", "ada"] }]);
  });

  it("accepts an explicit abstention where the election allows it, and refuses it where not", () => {
    expect(code(withAnswer("mascot", { abstain: true }))).toBe("OK");
    expect(code(withAnswer("mascot", { abstain: true }), { ...election, allowAbstain: false })).toBe(
      "ABSTAIN_NOT_ALLOWED",
    );
  });

  it.each([
    [
      "a missing answer",
      { answers: { mascot: { choices: ["fox"] }, parks: { choices: ["oakwood"] } } },
      "MISSING_ANSWER",
    ],
    ["an unknown question", { answers: { ...demoBallot().answers, budget: { choices: ["x"] } } }, "UNKNOWN_QUESTION"],
    ["an unknown option", withAnswer("mascot", { choices: ["dragon"] }), "UNKNOWN_OPTION"],
    ["a repeated option", withAnswer("council-chair", { choices: ["ada", "ada"] }), "DUPLICATE_OPTION"],
    [
      "two choices on a single-choice question",
      withAnswer("mascot", { choices: ["fox", "otter"] }),
      "TOO_MANY_CHOICES",
    ],
    ["no choice on a single-choice question", withAnswer("mascot", { choices: [] }), "TOO_FEW_CHOICES"],
    [
      "more than the multi-select maximum",
      withAnswer("parks", { choices: ["riverside", "hilltop", "harbour", "oakwood"] }),
      "TOO_MANY_CHOICES",
    ],
    ["an empty ranking", withAnswer("council-chair", { choices: [] }), "TOO_FEW_CHOICES"],
    ["wrong types", { answers: { mascot: { choices: "fox" } } }, "INVALID_BALLOT"],
    ["both choices and abstain", withAnswer("mascot", { choices: ["fox"], abstain: true }), "INVALID_BALLOT"],
    ["extra fields", { ...demoBallot(), voter: "me" }, "INVALID_BALLOT"],
    ["not an object", "heron", "INVALID_BALLOT"],
    ["null", null, "INVALID_BALLOT"],
    [
      "an oversized ballot",
      { answers: { mascot: { choices: ["x".repeat(BALLOT_LIMITS.bytes)] } } },
      "BALLOT_TOO_LARGE",
    ],
  ])("refuses %s with its own code", (_, input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it("says which question and option a violation is about", () => {
    expect(validateBallot(election, withAnswer("mascot", { choices: ["dragon"] }))).toMatchObject({
      ok: false,
      error: {
        code: "UNKNOWN_OPTION",
        details: { questionId: "mascot", optionId: "dragon" },
        message: '"dragon" is not an option of this question.',
      },
    });
  });
});

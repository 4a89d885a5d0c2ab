import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { RouterOutputs } from "@landslide/api/client";
import { ballotProblems, hintOf, needsCountingSentence, toBallot } from "../app/[locale]/elections/[id]/ballot-form";
import { answerInWords } from "../app/[locale]/elections/[id]/ballot-review";
import { scoreAnswered, scoresIn, withScore } from "../app/[locale]/elections/[id]/score-answer";
import { inEnglish } from "../i18n/english";
import english from "../messages/en.json";

type Election = RouterOutputs["elections"]["get"];
type Question = Election["questions"][number];

const option = (id: string) => ({ id, label: id.toUpperCase() });
const question = (id: string, kind: Question["kind"], minChoices: number, maxChoices: number): Question => ({
  id,
  kind,
  prompt: `${id}?`,
  minChoices,
  maxChoices,
  options: ["a", "b", "c"].map(option),
});
const election = (questions: Question[]): Pick<Election, "questions"> => ({ questions });

describe("why a ballot cannot be reviewed yet", () => {
  const questions = [
    question("chair", "single", 1, 1),
    question("projects", "multi", 2, 2),
    question("harbour", "ranked", 1, 3),
  ];

  it("names each unanswered or over-answered question in the hint's words", () => {
    expect(ballotProblems(election(questions), { projects: ["a", "b", "c"] }, inEnglish)).toEqual({
      chair: "Choose an option",
      projects: "Choose at most 2",
      harbour: "Choose an option",
    });
    expect(ballotProblems(election([question("projects", "multi", 2, 3)]), { projects: ["a"] }, inEnglish)).toEqual({
      projects: "Choose at least 2",
    });
  });

  it("has nothing to say once every question is answered or abstained on", () => {
    expect(
      ballotProblems(election(questions), { chair: ["a"], projects: ["a", "c"], harbour: "abstain" }, inEnglish),
    ).toEqual({});
  });
});

describe("the ballot as the API takes it", () => {
  it("sends choices in their order (a ranking's) and an abstention as such", () => {
    expect(toBallot({ harbour: ["c", "a"], chair: "abstain" })).toEqual({
      answers: { harbour: { choices: ["c", "a"] }, chair: { abstain: true } },
    });
  });
});

describe("a score question", () => {
  const cities = ["nashville", "memphis", "knoxville"].map(option);
  // As the engine's definition has one: minChoices and maxChoices left at 1 (they mean nothing here).
  const scored = (id: string, scoreRange?: { min: number; max: number }): Question => ({
    ...question(id, "score", 1, 1),
    options: cities,
    ...(scoreRange ? { scoreRange } : {}),
  });

  it("offers every whole score of its range, lowest first", () => {
    expect(scoresIn({ min: 0, max: 5 })).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scoresIn({ min: 1, max: 3 })).toEqual([1, 2, 3]);
    expect(scoresIn({ min: 0, max: 10 })).toHaveLength(11);
  });

  it("says under its prompt what to do, what an option left out gets, and what the ends of the range mean", () => {
    const t = createTranslator({ locale: "en", messages: english, namespace: "ballot" });
    expect(hintOf(scored("city"), t)).toBe(
      "Give each option a score from 0 to 5. Options you leave out get 0. 0 = not at all, 5 = the most.",
    );
    expect(hintOf(scored("rating", { min: 1, max: 10 }), t)).toBe(
      "Give each option a score from 1 to 10. Options you leave out get 1. 1 = the least, 10 = the most.",
    );
  });

  it("keeps each score the voter gives, replacing an earlier one or an abstention", () => {
    const first = withScore(undefined, "nashville", 5);
    expect(first).toEqual({ scores: { nashville: 5 } });
    expect(withScore(withScore(first, "memphis", 2), "nashville", 3)).toEqual({ scores: { nashville: 3, memphis: 2 } });
    expect(withScore("abstain", "memphis", 1)).toEqual({ scores: { memphis: 1 } });
  });

  it("is answered only once an option scores above the range's lowest", () => {
    const range = { min: 0, max: 5 };
    expect(scoreAnswered({ scores: {} }, range)).toBe(false);
    expect(scoreAnswered({ scores: { nashville: 0, memphis: 0 } }, range)).toBe(false);
    expect(scoreAnswered({ scores: { nashville: 0, memphis: 1 } }, range)).toBe(true);
    expect(scoreAnswered({ scores: { nashville: 1 } }, { min: 1, max: 5 })).toBe(false);
    expect(scoreAnswered({ scores: { nashville: 2 } }, { min: 1, max: 5 })).toBe(true);
  });

  it("asks for a score above the lowest in words, and is content with one or with an abstention", () => {
    const questions = [scored("city"), scored("rating", { min: 1, max: 5 })];
    expect(ballotProblems(election(questions), {}, inEnglish)).toEqual({
      city: "Give at least one option a score above 0",
      rating: "Give at least one option a score above 1",
    });
    expect(
      ballotProblems(
        election(questions),
        { city: { scores: { memphis: 0 } }, rating: { scores: { memphis: 1 } } },
        inEnglish,
      ),
    ).toEqual({
      city: "Give at least one option a score above 0",
      rating: "Give at least one option a score above 1",
    });
    // minChoices 1 is not "one option scored": scoring one option at the lowest still answers nothing,
    // and one option above it answers the question however many are left out.
    expect(
      ballotProblems(election(questions), { city: { scores: { knoxville: 4 } }, rating: "abstain" }, inEnglish),
    ).toEqual({});
  });

  it("is sent as its scores, next to the other kinds' choices", () => {
    expect(toBallot({ city: { scores: { nashville: 5, memphis: 0 } }, chair: ["a"], harbour: "abstain" })).toEqual({
      answers: {
        city: { scores: { nashville: 5, memphis: 0 } },
        chair: { choices: ["a"] },
        harbour: { abstain: true },
      },
    });
  });

  it("is read back with every option's score out of the highest, those left out at the lowest", () => {
    expect(answerInWords(scored("city"), { scores: { nashville: 5, knoxville: 2 } }, inEnglish)).toBe(
      "NASHVILLE: 5 of 5, MEMPHIS: 0 of 5, KNOXVILLE: 2 of 5",
    );
    expect(answerInWords(scored("rating", { min: 1, max: 10 }), { scores: { memphis: 10 } }, inEnglish)).toBe(
      "NASHVILLE: 1 of 10, MEMPHIS: 10 of 10, KNOXVILLE: 1 of 10",
    );
    expect(answerInWords(scored("city"), "abstain", inEnglish)).toBe("abstain");
  });

  it("says how it is counted only when that is not score voting for one seat", () => {
    expect(needsCountingSentence("score", { method: "score", seats: 1 })).toBe(false);
    expect(needsCountingSentence("score", { method: "star", seats: 1 })).toBe(true);
    expect(needsCountingSentence("score", { method: "score", seats: 3 })).toBe(true);
    expect(needsCountingSentence("ranked", { method: "instant-runoff", seats: 1 })).toBe(false);
  });

  it("leaves the other kinds' words as they were", () => {
    expect(answerInWords(question("harbour", "ranked", 1, 3), ["c", "a"], inEnglish)).toBe("1. C, 2. A");
    expect(answerInWords(question("projects", "multi", 1, 3), ["a", "b"], inEnglish)).toBe("A, B");
  });
});

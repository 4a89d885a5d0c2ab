import { describe, expect, it } from "vitest";
import type { RouterOutputs } from "@landslide/api/client";
import { ballotProblems, toBallot } from "../app/[locale]/elections/[id]/ballot-form";
import { inEnglish } from "../i18n/english";

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

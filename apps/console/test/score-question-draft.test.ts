import { describe, expect, it } from "vitest";
import { storedElection } from "./stored-election";
import { USUAL_METHOD } from "@landslide/api/client";
import { englishUiText } from "@landslide/ui/ui-text";
import { inEnglish } from "../i18n/english";
import { restateResult } from "../app/[locale]/elections/[id]/result-restatement";
import { choiceHint, withKind, withOptions } from "../app/[locale]/elections/form/choice-bounds";
import {
  countingPreview,
  defaultCounting,
  fillsSeveralSeats,
  isDefaultCounting,
  methodChoices,
  withMethod,
} from "../app/[locale]/elections/form/counting-choices";
import {
  draftOf,
  emptyDraft,
  emptyOption,
  emptyQuestion,
  type ElectionDraft,
  type QuestionDraft,
  toElectionFields,
} from "../app/[locale]/elections/form/draft";
import { scoresIn } from "../app/[locale]/elections/form/score-range";
import { draftProblems, questionMessageCount } from "../app/[locale]/elections/form/validate";

/** A score question as the form makes it: a new question turned to scores, its options labelled. */
const scored = (labels: string[], change: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...withKind({ ...emptyQuestion(), prompt: "Rate the ferry timetables" }, "score"),
  options: labels.map((label) => ({ ...emptyOption(), label })),
  ...change,
});

const titled = (questions: QuestionDraft[]): ElectionDraft => ({ ...emptyDraft("en"), title: "Harbour", questions });

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) }));

/** A stored election with one score question; `question` adds what a test is about. */
const storedWith = (question: object) =>
  storedElection(
    [
      {
        id: "timetable",
        kind: "score",
        prompt: "Rate the ferry timetables",
        minChoices: 1,
        maxChoices: 1,
        options: options("summer", "winter", "night"),
        ...question,
      },
    ],
    { title: "Harbour" },
  );

describe("a score question in the builder", () => {
  it("starts at 0 to 5, with its choice bounds at 1/1 whatever the options", () => {
    const q = scored(["Summer", "Winter", "Night"]);
    expect(q).toMatchObject({ kind: "score", minChoices: 1, maxChoices: 1, scoreRange: { min: 0, max: 5 } });
    // A multi-choice question's "up to all of them" does not follow it into scores, nor do new options move it.
    const multi = withKind(q, "multi");
    expect(multi.maxChoices).toBe(3);
    expect(withKind(multi, "score")).toMatchObject({ minChoices: 1, maxChoices: 1 });
    expect(withOptions(q, [...q.options, emptyOption()])).toMatchObject({ minChoices: 1, maxChoices: 1 });
  });

  it("keeps its range through a change of kind and back", () => {
    const q = scored(["Summer", "Winter"], { scoreRange: { min: 1, max: 10 } });
    expect(withKind(withKind(q, "ranked"), "score").scoreRange).toEqual({ min: 1, max: 10 });
  });

  it("tells voters the range, in the voter site's words", () => {
    expect(choiceHint(scored(["A", "B"], { scoreRange: { min: 1, max: 10 } }), inEnglish, "en")).toBe(
      "Give each option a score from 1 to 10. Options you leave out get 1. 1 = the least, 10 = the most.",
    );
    expect(choiceHint(scored(["A", "B"]), inEnglish, "en")).toBe(
      "Give each option a score from 0 to 5. Options you leave out get 0. 0 = not at all, 5 = the most.",
    );
  });

  it("shows a score button for every score of the range, and none for a range that is not one", () => {
    expect(scoresIn({ min: 0, max: 5 })).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scoresIn({ min: 1, max: 3 })).toEqual([1, 2, 3]);
    expect(scoresIn({ min: 1, max: 1 })).toEqual([]);
    expect(scoresIn({ min: 0, max: 11 })).toEqual([]);
  });
});

describe("how a score question is counted", () => {
  it("offers score voting first (the default) and STAR, in plain words", () => {
    const choices = methodChoices("score", inEnglish);
    expect(choices.map((c) => c.value)).toEqual(["score", "star"]);
    expect(choices.map((c) => c.label)).toEqual(["Score voting", "STAR: score then automatic runoff (one winner)"]);
    for (const choice of choices) expect(choice.hint, choice.value).toMatch(/^Voters score every option; .+\.$/);
    expect(defaultCounting("score")).toEqual({ method: "score", seats: 1, batchElimination: false });
    // Each kind's first method offered is the one the engine counts it by when it names none.
    for (const kind of ["single", "multi", "ranked", "score"] as const)
      expect(defaultCounting(kind).method, kind).toBe(USUAL_METHOD[kind]);
    // And no other kind is offered either.
    for (const kind of ["single", "multi", "ranked"] as const)
      expect(methodChoices(kind, inEnglish).map((c) => c.value)).not.toContain("star");
  });

  it("lets score voting fill several seats and STAR one", () => {
    expect(fillsSeveralSeats("score")).toBe(true);
    expect(fillsSeveralSeats("star")).toBe(false);
    expect(withMethod({ method: "score", seats: 2, batchElimination: false }, "star")).toEqual({
      method: "star",
      seats: 1,
      batchElimination: false,
    });
  });

  it("knows its default, and puts a ranked method back to it", () => {
    const q = scored(["Summer", "Winter", "Night"]);
    expect(isDefaultCounting(q)).toBe(true);
    expect(isDefaultCounting({ ...q, counting: { method: "score", seats: 2, batchElimination: false } })).toBe(false);
    expect(isDefaultCounting({ ...q, counting: { method: "star", seats: 1, batchElimination: false } })).toBe(false);
    const borda = withKind(q, "ranked");
    expect(
      withKind({ ...borda, counting: { method: "borda", seats: 2, batchElimination: false } }, "score").counting,
    ).toEqual(defaultCounting("score"));
    expect(
      withKind({ ...q, counting: { method: "star", seats: 1, batchElimination: false } }, "multi").counting,
    ).toEqual(defaultCounting("multi"));
  });

  it("previews score voting and STAR in one sentence", () => {
    const q = scored(["Summer", "Winter", "Night"]);
    expect(countingPreview({ ...q, counting: { method: "score", seats: 2, batchElimination: false } }, inEnglish)).toBe(
      "Voters score every option; the 2 options with the highest total scores win.",
    );
    expect(countingPreview({ ...q, counting: { method: "star", seats: 1, batchElimination: false } }, inEnglish)).toBe(
      "Voters score every option; the two with the highest total scores go to an automatic runoff, and the one more voters scored higher wins.",
    );
  });
});

describe("a score question through the API", () => {
  it("sends its range, 1/1 for the choices, and no counting for the default", () => {
    const q = scored(["Summer", "Winter"], { minChoices: 2, maxChoices: 2 });
    const [sent] = toElectionFields(titled([q])).questions;
    expect(sent).toEqual({
      id: "rate-the-ferry-timetables",
      kind: "score",
      prompt: "Rate the ferry timetables",
      options: [
        { id: "summer", label: "Summer" },
        { id: "winter", label: "Winter" },
      ],
      minChoices: 1,
      maxChoices: 1,
      scoreRange: { min: 0, max: 5 },
    });
  });

  it("sends STAR, and no range with a question of another kind", () => {
    const star = scored(["Summer", "Winter", "Night"], {
      scoreRange: { min: 1, max: 10 },
      counting: { method: "star", seats: 1, batchElimination: false },
    });
    const ranked = withKind(star, "ranked");
    const [first, second] = toElectionFields(titled([star, { ...ranked, prompt: "Rank them" }])).questions;
    expect(first).toMatchObject({ counting: { method: "star", seats: 1 }, scoreRange: { min: 1, max: 10 } });
    expect(second).not.toHaveProperty("scoreRange");
    expect(second).not.toHaveProperty("counting");
  });

  it("reads a stored range back, and the default for a question stored without one", () => {
    const stored = storedWith({ scoreRange: { min: 1, max: 10 }, counting: { method: "score", seats: 2 } });
    const draft = draftOf(stored);
    expect(draft.questions[0]).toMatchObject({
      kind: "score",
      scoreRange: { min: 1, max: 10 },
      counting: { method: "score", seats: 2, batchElimination: false },
    });
    expect(toElectionFields(draft).questions).toEqual(stored.questions);
    expect(draftOf(storedWith({})).questions[0]!.scoreRange).toEqual({ min: 0, max: 5 });
  });
});

describe("what is wrong with a score range", () => {
  const problemsOf = (q: QuestionDraft) => draftProblems(titled([q]), inEnglish).byQuestion[q.key]!;

  it("finds nothing wrong with 0 to 5 or 1 to 10", () => {
    expect(draftProblems(titled([scored(["Summer", "Winter"])]), inEnglish).count).toBe(0);
    expect(problemsOf(scored(["Summer", "Winter"], { scoreRange: { min: 1, max: 10 } })).scoreRange).toBeUndefined();
  });

  it("refuses a lowest score not below the highest, and counts it once", () => {
    const same = scored(["Summer", "Winter"], { scoreRange: { min: 1, max: 1 } });
    expect(problemsOf(same).scoreRange).toBe("The lowest score (1) must be below the highest (1).");
    expect(questionMessageCount(problemsOf(same))).toBe(1);
  });

  it("refuses scores the engine does not take", () => {
    expect(problemsOf(scored(["A", "B"], { scoreRange: { min: 2, max: 5 } })).scoreRange).toBe(
      "Choose a lowest score of 0 or 1, and a highest score from 1 to 10.",
    );
    expect(problemsOf(scored(["A", "B"], { scoreRange: { min: 0, max: Number.NaN } })).scoreRange).toMatch(
      /^Choose a lowest score/,
    );
  });

  it("does not hold a score question to choice bounds it hides, nor another kind to the range", () => {
    const hidden = scored(["A", "B"], { minChoices: 0, maxChoices: 9 });
    expect(problemsOf(hidden).bounds).toBeUndefined();
    const ranked = { ...withKind(scored(["A", "B"]), "ranked"), scoreRange: { min: 5, max: 5 } };
    expect(problemsOf(ranked).scoreRange).toBeUndefined();
  });
});

describe("a score question's certified result", () => {
  const election = {
    id: "e",
    title: "Harbour",
    questions: [
      {
        id: "timetable",
        kind: "score",
        prompt: "Rate the ferry timetables",
        options: options("summer", "winter"),
        scoreRange: { min: 0, max: 10 },
      },
    ],
  };
  const recount = (counters: Record<string, number>) => ({
    votesRead: 4,
    counters,
    instantRunoff: {},
    differences: [],
    counts: {
      timetable: {
        method: "star" as const,
        seats: 1,
        winners: ["summer"],
        rounds: [
          { round: 1, tallies: { summer: 27, winter: 20 }, elected: [], eliminated: [] },
          { round: 2, tallies: { summer: 2, winter: 1 }, exhausted: 0, elected: ["summer"], eliminated: ["winter"] },
        ],
        tieBreaks: [],
        abstentions: 1,
      },
    },
  });

  it("reads each total as an average over the ballots that answered, against the range's top", () => {
    const result = restateResult(
      election,
      recount({ __turnout: 4, "timetable#summer": 27, "timetable#winter": 20, "timetable#__abstain": 1 }),
      englishUiText,
      inEnglish,
    );
    const timetable = result.questions[0]!;
    expect(timetable.scoreRange).toEqual({ min: 0, max: 10 });
    expect(timetable.options.map((o) => [o.votes, o.average])).toEqual([
      [27, "9"],
      [20, "6.67"],
    ]);
    expect(timetable.sentence).toMatch(/^Counting method: STAR \(score then automatic runoff\)\. Elected: Summer;/);
    expect(result.unresolvedTies).toEqual([]);
  });

  it("has no average when no ballot answered, and gives other kinds none", () => {
    const result = restateResult(
      {
        ...election,
        questions: [
          election.questions[0]!,
          { id: "ferry", kind: "single", prompt: "Keep it?", options: options("yes", "no") },
        ],
      },
      recount({ __turnout: 2, "timetable#__abstain": 2, "ferry#yes": 2 }),
      englishUiText,
      inEnglish,
    );
    expect(result.questions[0]!.options.every((o) => o.average === undefined)).toBe(true);
    expect(result.questions[1]).not.toHaveProperty("scoreRange");
    expect(result.questions[1]!.options[0]).not.toHaveProperty("average");
  });
});

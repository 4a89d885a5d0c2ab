import { describe, expect, it } from "vitest";
import { storedElection } from "./stored-election";
import { inEnglish } from "../i18n/english";
import { withOptions } from "../app/[locale]/elections/form/choice-bounds";
import {
  draftOf,
  emptyDraft,
  emptyOption,
  emptyQuestion,
  type ElectionDraft,
  type ElectionFields,
  type QuestionDraft,
  toElectionFields,
} from "../app/[locale]/elections/form/draft";
import { moveItem, removeAt } from "../app/[locale]/elections/form/list-edits";
import { type Draws, drawOrder, withDrawMove } from "../app/[locale]/elections/form/recorded-draw";
import { draftProblems } from "../app/[locale]/elections/form/validate";

const question = (prompt: string, labels: string[], change: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...emptyQuestion(),
  prompt,
  options: labels.map((label) => ({ ...emptyOption(), label })),
  ...change,
});

/** A ballot whose ties go by a recorded draw, ordered as in `draws` (by question key → option keys). */
const drawn = (questions: QuestionDraft[], draws: Draws = {}): ElectionDraft => ({
  ...emptyDraft("en"),
  title: "Harbour council",
  questions,
  tieRule: { ...emptyDraft("en").tieRule, rule: "recorded-draw", draws },
});

const labels = (q: QuestionDraft, draws: Draws) => drawOrder(q, draws).map((option) => option.label);

/** Keeps the question at `index` through an edit of the question editor. */
const editQuestion = (draft: ElectionDraft, index: number, change: (q: QuestionDraft) => QuestionDraft) => ({
  ...draft,
  questions: draft.questions.map((q, at) => (at === index ? change(q) : q)),
});

/** The engine's check (vote-engine tie-rule.ts, checkTieRule), which a web app may not import: each question listed, each of its options once, no other. */
function checkedDraws(sent: ElectionFields): Record<string, string[]> {
  if (sent.tieRule?.rule !== "recorded-draw") throw new Error(`not a recorded draw: ${JSON.stringify(sent.tieRule)}`);
  const { draws } = sent.tieRule;
  expect(Object.keys(draws).sort()).toEqual(sent.questions.map((q) => q.id).sort());
  for (const q of sent.questions) expect([...draws[q.id]!].sort(), q.id).toEqual(q.options.map((o) => o.id).sort());
  return draws;
}

describe("a recorded draw entered in the form", () => {
  it("starts from the ballot's order, and is sent under the ids the questions and options are sent with", () => {
    // Two questions with the same wording and one with none: ids are derived, made unique, at send time.
    const ferry = question("Keep the ferry?", ["Yes", "No"]);
    const again = question("Keep the ferry?", ["Yes", "No", "Yes!"]);
    const blank = question("", ["Heron", "Otter"], { customId: "birds" });
    const sent = toElectionFields(drawn([ferry, again, blank]));
    expect(sent.questions.map((q) => q.id)).toEqual(["keep-the-ferry", "keep-the-ferry-2", "birds"]);
    expect(checkedDraws(sent)).toEqual({
      "keep-the-ferry": ["yes", "no"],
      "keep-the-ferry-2": ["yes", "no", "yes-2"],
      birds: ["heron", "otter"],
    });
  });

  it("sends the order the official put the options in", () => {
    const council = question("Who chairs?", ["Heron", "Otter", "Gull", "Seal"]);
    let draws: Draws = {};
    draws = withDrawMove(draws, council, 2, 0); // Gull drawn first
    draws = withDrawMove(draws, council, 3, 1); // then Seal
    expect(labels(council, draws)).toEqual(["Gull", "Seal", "Heron", "Otter"]);
    expect(checkedDraws(toElectionFields(drawn([council], draws)))).toEqual({
      "who-chairs": ["gull", "seal", "heron", "otter"],
    });
  });

  it("follows a question whose wording changes: the draw goes under its new id", () => {
    const council = question("Who chairs?", ["Heron", "Otter"]);
    const draft = drawn([council], withDrawMove({}, council, 1, 0));
    const reworded = editQuestion(draft, 0, (q) => ({ ...q, prompt: "Who chairs the council?" }));
    expect(checkedDraws(toElectionFields(reworded))).toEqual({ "who-chairs-the-council": ["otter", "heron"] });
  });

  it("is not sent when another rule is chosen, and is found again when the draw is chosen back", () => {
    const council = question("Who chairs?", ["Heron", "Otter"]);
    const draft = drawn([council], withDrawMove({}, council, 0, 1));
    const lot = { ...draft, tieRule: { ...draft.tieRule, rule: "lot" as const, seed: "harbour-council-2025-public" } };
    expect(toElectionFields(lot).tieRule).toEqual({ rule: "lot", seed: "harbour-council-2025-public" });
    expect(toElectionFields({ ...lot, tieRule: { ...lot.tieRule, rule: "recorded-draw" } }).tieRule).toEqual({
      rule: "recorded-draw",
      draws: { "who-chairs": ["otter", "heron"] },
    });
  });
});

describe("a recorded draw kept complete while the questions change", () => {
  const council = question("Who chairs?", ["Heron", "Otter", "Gull"]);
  // Drawn: Gull, Heron, Otter.
  const draws = withDrawMove({}, council, 2, 0);

  it("puts an option added since last, and drops one removed", () => {
    const added = withOptions(council, [...council.options, { ...emptyOption(), label: "Seal" }]);
    expect(labels(added, draws)).toEqual(["Gull", "Heron", "Otter", "Seal"]);
    const removed = withOptions(council, removeAt(council.options, 1));
    expect(labels(removed, draws)).toEqual(["Gull", "Heron"]);

    const draft = editQuestion(drawn([council], draws), 0, () =>
      withOptions(
        added,
        removeAt(
          added.options,
          added.options.findIndex((o) => o.label === "Heron"),
        ),
      ),
    );
    expect(draftProblems(draft, inEnglish).count).toBe(0);
    expect(checkedDraws(toElectionFields(draft))).toEqual({ "who-chairs": ["gull", "otter", "seal"] });
  });

  it("keeps a renamed option in its place, under its new id", () => {
    const renamed = editQuestion(drawn([council], draws), 0, (q) => ({
      ...q,
      options: q.options.map((o) => (o.label === "Gull" ? { ...o, label: "Herring gull" } : o)),
    }));
    expect(checkedDraws(toElectionFields(renamed))).toEqual({ "who-chairs": ["herring-gull", "heron", "otter"] });
  });

  it("is not changed by the ballot's order once ordered, and follows it while never ordered", () => {
    const reordered = { ...council, options: moveItem(council.options, 0, 2) };
    expect(reordered.options.map((o) => o.label)).toEqual(["Otter", "Gull", "Heron"]);
    expect(labels(reordered, draws)).toEqual(["Gull", "Heron", "Otter"]);
    expect(labels(reordered, {})).toEqual(["Otter", "Gull", "Heron"]);
  });

  it("orders a question added since at the ballot's order", () => {
    const ferry = question("Keep the ferry?", ["Yes", "No"]);
    const draft = { ...drawn([council], draws), questions: [council, ferry] };
    expect(checkedDraws(toElectionFields(draft))).toEqual({
      "who-chairs": ["gull", "heron", "otter"],
      "keep-the-ferry": ["yes", "no"],
    });
  });

  it("lists an option once even if its key was kept twice, and ignores keys of options gone", () => {
    const [heron, otter, gull] = council.options.map((o) => o.key) as [string, string, string];
    expect(labels(council, { [council.key]: [otter, "item-gone", otter, heron] })).toEqual(["Otter", "Heron", "Gull"]);
    expect(labels(council, { [council.key]: [gull] })).toEqual(["Gull", "Heron", "Otter"]);
  });

  it("says once, on the question, that a question has too few options to draw", () => {
    const lonely = question("Who chairs?", ["Heron"]);
    const problems = draftProblems(drawn([lonely]), inEnglish);
    expect(problems.byQuestion[lonely.key]!.options).toBe("A question needs at least 2 options.");
    expect(problems.count).toBe(1);
  });
});

describe("moving an option in the draw", () => {
  const council = question("Who chairs?", ["Heron", "Otter", "Gull"]);

  it("moves one place up or down, keeping the whole order", () => {
    expect(labels(council, withDrawMove({}, council, 1, 0))).toEqual(["Otter", "Heron", "Gull"]);
    expect(labels(council, withDrawMove({}, council, 1, 2))).toEqual(["Heron", "Gull", "Otter"]);
    const twice = withDrawMove(withDrawMove({}, council, 2, 1), council, 1, 0);
    expect(labels(council, twice)).toEqual(["Gull", "Heron", "Otter"]);
    expect(twice[council.key]).toHaveLength(3);
  });

  it("leaves the order as it is past either end, and the other questions' draws untouched", () => {
    const other = { "some-question": ["a", "b"] };
    expect(labels(council, withDrawMove(other, council, 0, -1))).toEqual(["Heron", "Otter", "Gull"]);
    expect(labels(council, withDrawMove(other, council, 2, 3))).toEqual(["Heron", "Otter", "Gull"]);
    expect(withDrawMove(other, council, 1, 0)).toMatchObject(other);
    expect(other).toEqual({ "some-question": ["a", "b"] });
  });

  it("moves from the order shown, an option added since included", () => {
    const draws = withDrawMove({}, council, 0, 2); // Otter, Gull, Heron
    const added = { ...council, options: [...council.options, { ...emptyOption(), label: "Seal" }] };
    // Seal shows last (3); moved to the top, it goes before the three already ordered.
    expect(labels(added, withDrawMove(draws, added, 3, 0))).toEqual(["Seal", "Otter", "Gull", "Heron"]);
  });
});

describe("a stored recorded draw, through an edit", () => {
  const stored = storedElection(
    [
      {
        id: "chair",
        kind: "single",
        prompt: "Who chairs?",
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: "heron", label: "Heron" },
          { id: "otter", label: "Otter" },
          // A typed id, kept as one.
          { id: "g", label: "Gull" },
        ],
      },
    ],
    { tieRule: { rule: "recorded-draw", draws: { chair: ["otter", "g", "heron"] } } },
  );

  it("shows the order drawn, and sends it back as it came", () => {
    const draft = draftOf(stored);
    expect(draft.tieRule.rule).toBe("recorded-draw");
    expect(labels(draft.questions[0]!, draft.tieRule.draws)).toEqual(["Otter", "Gull", "Heron"]);
    expect(toElectionFields(draft).tieRule).toEqual({
      rule: "recorded-draw",
      draws: { chair: ["otter", "g", "heron"] },
    });
  });

  it("sends a move made in the form", () => {
    const draft = draftOf(stored);
    const moved = {
      ...draft,
      tieRule: { ...draft.tieRule, draws: withDrawMove(draft.tieRule.draws, draft.questions[0]!, 2, 0) },
    };
    expect(toElectionFields(moved).tieRule).toEqual({
      rule: "recorded-draw",
      draws: { chair: ["heron", "otter", "g"] },
    });
  });
});

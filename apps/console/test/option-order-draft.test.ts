import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { storedElection as stored } from "./stored-election";
import { ruleChoice } from "../app/[locale]/elections/election-rules";
import { draftOf, emptyDraft, type OptionOrderRule, toElectionFields } from "../app/[locale]/elections/form/draft";
import { isDrawnOrder, optionOrderChoices } from "../app/[locale]/elections/form/option-order-choices";

/** The stored election these tests edit: one question; `change` adds what a test is about. */
const storedElection = (change: object = {}) =>
  stored(
    [
      {
        id: "chair",
        kind: "single",
        prompt: "Who chairs the council?",
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: "heron", label: "Heron" },
          { id: "otter", label: "Otter" },
          { id: "gull", label: "Gull" },
        ],
      },
    ],
    change,
  );

const titled = (rule: OptionOrderRule) => {
  const draft = emptyDraft("en");
  return {
    ...draft,
    title: "Harbour council",
    questions: [{ ...draft.questions[0]!, prompt: "Keep the night ferry?" }],
    optionOrder: { ...draft.optionOrder, rule },
  };
};

describe("the order of the options on each ballot, in the form", () => {
  it("starts as listed, and a new election as listed is sent without an order (the API's default)", () => {
    expect(emptyDraft("en").optionOrder.rule).toBe("as-listed");
    expect(toElectionFields(titled("as-listed"))).not.toHaveProperty("optionOrder");
  });

  it("sends a rotated or shuffled order chosen on a new election", () => {
    expect(toElectionFields(titled("rotated")).optionOrder).toBe("rotated");
    expect(toElectionFields(titled("shuffled")).optionOrder).toBe("shuffled");
  });

  it("loads a stored election's order, and sends it back as it came", () => {
    for (const rule of ["rotated", "shuffled", "as-listed"] as const) {
      const draft = draftOf(storedElection({ optionOrder: rule }));
      expect(draft.optionOrder.rule, rule).toBe(rule);
      expect(toElectionFields(draft).optionOrder, rule).toBe(rule);
    }
  });

  it("says “as listed” when it replaces a stored order, since the API keeps a stored order an edit leaves out", () => {
    const draft = draftOf(storedElection({ optionOrder: "shuffled" }));
    expect(toElectionFields({ ...draft, optionOrder: { ...draft.optionOrder, rule: "as-listed" } }).optionOrder).toBe(
      "as-listed",
    );
  });

  it("leaves an election that names no order as it came, unless the official chooses one", () => {
    const draft = draftOf(storedElection());
    expect(draft.optionOrder.rule).toBe("as-listed");
    expect(toElectionFields(draft)).not.toHaveProperty("optionOrder");
    expect(toElectionFields({ ...draft, optionOrder: { ...draft.optionOrder, rule: "rotated" } }).optionOrder).toBe(
      "rotated",
    );
  });
});

describe("the order's words", () => {
  it("offers as listed first, then rotated and shuffled, each with a label and a hint of its own", () => {
    const choices = optionOrderChoices(inEnglish);
    expect(choices.map((c) => c.value)).toEqual(["as-listed", "rotated", "shuffled"]);
    expect(choices.map((c) => c.label)).toEqual(["As listed", "Rotated for each voter", "Shuffled for each voter"]);
    expect(new Set(choices.map((c) => c.hint)).size).toBe(3);
    expect(choices[1]!.hint).toMatch(/neighbours/);
  });

  it("reads a stored order in the rules panel's words, and one this console does not know as itself", () => {
    const stored = draftOf(storedElection({ optionOrder: "rotated" })).optionOrder.rule;
    expect(ruleChoice(optionOrderChoices(inEnglish), stored).label).toBe("Rotated for each voter");
    expect(ruleChoice(optionOrderChoices(inEnglish), "alphabetical" as OptionOrderRule)).toEqual({
      value: "alphabetical",
      label: "alphabetical",
      hint: "",
    });
  });

  it("notes in the preview only an order drawn for each voter", () => {
    expect(isDrawnOrder("as-listed")).toBe(false);
    expect(isDrawnOrder("rotated")).toBe(true);
    expect(isDrawnOrder("shuffled")).toBe(true);
    expect(inEnglish("preview.drawnOrder")).toBe("Each voter sees these options in an order drawn for them.");
  });
});

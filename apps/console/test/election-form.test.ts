import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { choiceHint, withKind, withOptions } from "../app/[locale]/elections/form/choice-bounds";
import { optionIds, questionIds } from "../app/[locale]/elections/form/derived-ids";
import { emptyDraft, emptyOption, emptyQuestion, type QuestionDraft } from "../app/[locale]/elections/form/draft";
import { moveItem, removeAt, replaceAt } from "../app/[locale]/elections/form/list-edits";
import { slugify, uniqueSlug } from "../app/[locale]/elections/form/slug";
import { draftProblems } from "../app/[locale]/elections/form/validate";

const option = (label: string, customId: string | null = null) => ({ ...emptyOption(), label, customId });
// A kind given is set as the form sets it (withKind), so the counting method fits it too.
const question = (prompt: string, labels: string[], change: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...(change.kind ? withKind(emptyQuestion(), change.kind) : emptyQuestion()),
  prompt,
  options: labels.map((l) => option(l)),
  ...change,
});

describe("ids made from labels", () => {
  it("keep letters without their accents, and fit the API's pattern", () => {
    expect(slugify("Héron cendré!")).toBe("heron-cendre");
    expect(slugify("  --Oui / Non--  ")).toBe("oui-non");
    expect(slugify("x".repeat(60))).toHaveLength(40);
  });

  it("are made unique with a number, still within 40 characters", () => {
    expect(uniqueSlug("yes", new Set())).toBe("yes");
    expect(uniqueSlug("yes", new Set(["yes", "yes-2"]))).toBe("yes-3");
    expect(uniqueSlug("a".repeat(40), new Set(["a".repeat(40)]))).toBe(`${"a".repeat(38)}-2`);
  });

  it("never take an id an official typed, wherever it stands in the list", () => {
    expect(optionIds({ options: [option("Yes"), option("Yes"), option("Maybe", "yes")] })).toEqual([
      "yes-2",
      "yes-3",
      "yes",
    ]);
    expect(questionIds({ questions: [question("", ["a", "b"])] })).toEqual(["question"]);
  });
});

describe("how many options a voter picks", () => {
  it("is exactly one for single choice, and from one to all when the kind changes", () => {
    const q = question("Projects?", ["A", "B", "C"]);
    expect(withKind(q, "multi")).toMatchObject({ kind: "multi", minChoices: 1, maxChoices: 3 });
    expect(withKind(withKind(q, "multi"), "single")).toMatchObject({ kind: "single", minChoices: 1, maxChoices: 1 });
  });

  it("follows the options: all stays all, and a maximum above the count comes down", () => {
    const all = withKind(question("Projects?", ["A", "B", "C"]), "multi");
    expect(withOptions(all, [...all.options, option("D")])).toMatchObject({ maxChoices: 4 });
    const two = { ...all, minChoices: 2, maxChoices: 2 };
    expect(withOptions(two, all.options.slice(0, 1))).toMatchObject({ minChoices: 1, maxChoices: 1 });
  });

  it("is said to voters as the voter site says it", () => {
    expect(choiceHint({ kind: "single", minChoices: 1, maxChoices: 1 }, inEnglish, "en")).toBe("Choose one.");
    expect(choiceHint({ kind: "multi", minChoices: 2, maxChoices: 2 }, inEnglish, "en")).toBe("Choose 2.");
    expect(choiceHint({ kind: "multi", minChoices: 1, maxChoices: Number.NaN }, inEnglish, "en")).toBe(
      "Choose 1 to ?.",
    );
    expect(choiceHint({ kind: "ranked", minChoices: 1, maxChoices: 3 }, inEnglish, "en")).toBe(
      "Rank up to 3, most preferred first.",
    );
  });
});

describe("what is wrong with a draft", () => {
  it("finds nothing wrong with a complete election", () => {
    const draft = { ...emptyDraft("en"), title: "Mascot", questions: [question("Which mascot?", ["Heron", "Otter"])] };
    const problems = draftProblems(draft, inEnglish);
    expect(problems.count).toBe(0);
    expect(problems.title).toBeUndefined();
    expect(problems.byQuestion[draft.questions[0]!.key]).toEqual({
      byOption: { [draft.questions[0]!.options[0]!.key]: {}, [draft.questions[0]!.options[1]!.key]: {} },
    });
  });

  it("counts every message, per field, in the official's words", () => {
    const q = question("", ["Heron", "heron "], { kind: "multi", minChoices: 2, maxChoices: 5 });
    const problems = draftProblems({ ...emptyDraft("en"), questions: [q] }, inEnglish);
    expect(problems.title).toBe("Give the election a title.");
    expect(problems.byQuestion[q.key]).toMatchObject({
      prompt: "Write the question voters answer.",
      bounds: "The most choices (5) cannot exceed the number of options (2).",
    });
    expect(problems.byQuestion[q.key]!.byOption[q.options[1]!.key]!.label).toMatch(
      /^Another option is already labelled “heron”/,
    );
    expect(problems.count).toBe(4);
  });

  it("refuses ids the API would refuse, and a minimum of zero", () => {
    const q = question("Keep it?", ["Yes", "No"], {
      customId: "Not an id",
      kind: "multi",
      minChoices: 0,
      maxChoices: 1,
    });
    const problems = draftProblems({ ...emptyDraft("en"), title: "T", questions: [q] }, inEnglish);
    expect(problems.byQuestion[q.key]?.id).toBe("An id is 1 to 40 lower-case letters, digits or hyphens.");
    expect(problems.byQuestion[q.key]?.bounds).toMatch(/^Voters choose at least 1 option/);
  });
});

describe("edits of the form's lists", () => {
  it("return new lists and leave an out-of-range move as it was", () => {
    const items = ["a", "b", "c"] as const;
    expect(moveItem(items, 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(items, 0, -1)).toEqual(["a", "b", "c"]);
    expect(replaceAt(items, 1, "x")).toEqual(["a", "x", "c"]);
    expect(removeAt(items, 0)).toEqual(["b", "c"]);
    expect(items).toEqual(["a", "b", "c"]);
  });
});

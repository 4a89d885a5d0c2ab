import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { storedElection as stored } from "./stored-election";
import type { OfficialElection } from "../app/[locale]/elections/[id]/official-election";
import { withKind } from "../app/[locale]/elections/form/choice-bounds";
import { countingPreview, methodChoices, withMethod } from "../app/[locale]/elections/form/counting-choices";
import {
  draftOf,
  emptyDraft,
  emptyOption,
  emptyQuestion,
  type ElectionDraft,
  type QuestionDraft,
  toElectionFields,
} from "../app/[locale]/elections/form/draft";
import { randomSeed, tieRuleChoices } from "../app/[locale]/elections/form/tie-rule-choices";
import { draftProblems } from "../app/[locale]/elections/form/validate";

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) }));

/** The stored election these tests edit: a yes/no question and a ranked council; `change` adds what a test is about. */
const storedElection = (change: object = {}) =>
  stored(
    [
      {
        id: "ferry",
        kind: "single",
        prompt: "Keep the night ferry?",
        minChoices: 1,
        maxChoices: 1,
        options: options("yes", "no"),
      },
      {
        id: "council",
        kind: "ranked",
        prompt: "Who sits on the council?",
        minChoices: 1,
        maxChoices: 5,
        options: options("heron", "otter", "gull", "seal", "crab"),
      },
    ],
    change,
  );

/** What the form sends is the stored definition: the same fields, nothing added. */
const definitionOf = (election: OfficialElection) => {
  const { title, description, eligibility, passkeyPolicy, allowAbstain, questions, language, translations } = election;
  const tieRule = "tieRule" in election ? { tieRule: election.tieRule } : {};
  return {
    title,
    description,
    eligibility,
    passkeyPolicy,
    allowAbstain,
    questions,
    language,
    translations,
    ...tieRule,
  };
};

const withCouncil = (election: OfficialElection, counting: object) => ({
  questions: election.questions.map((q) => (q.id === "council" ? { ...q, counting } : q)),
});

const ranked = (labels: string[], change: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...withKind({ ...emptyQuestion(), prompt: "Who sits on the council?" }, "ranked"),
  options: labels.map((label) => ({ ...emptyOption(), label })),
  ...change,
});

const titled = (questions: QuestionDraft[], change: Partial<ElectionDraft> = {}): ElectionDraft => ({
  ...emptyDraft("en"),
  title: "Harbour council",
  questions,
  ...change,
});

describe("how questions are counted, through an edit", () => {
  it("leaves questions counted by their kind's default as they came: no counting, no tie rule", () => {
    const stored = storedElection();
    const sent = toElectionFields(draftOf(stored));
    expect(sent).toEqual(definitionOf(stored));
    for (const question of sent.questions) expect(question).not.toHaveProperty("counting");
    expect(sent).not.toHaveProperty("tieRule");
  });

  it("keeps a three-seat STV question and a lot's seed", () => {
    const plain = storedElection();
    const stored = storedElection({
      ...withCouncil(plain, { method: "stv-meek", seats: 3 }),
      tieRule: { rule: "lot", seed: "harbour-council-2025-public-draw" },
    });
    const draft = draftOf(stored);
    expect(draft.questions[1]!.counting).toEqual({ method: "stv-meek", seats: 3, batchElimination: false });
    expect(draft.tieRule).toMatchObject({ rule: "lot", seed: "harbour-council-2025-public-draw" });
    expect(toElectionFields(draft)).toEqual(definitionOf(stored));
  });

  it("keeps instant runoff with batch elimination, and a recorded draw, even after an option is renamed", () => {
    const plain = storedElection();
    const draws = { ferry: ["no", "yes"], council: ["gull", "heron", "crab", "otter", "seal"] };
    const stored = storedElection({
      ...withCouncil(plain, { method: "instant-runoff", seats: 1, batchElimination: true }),
      tieRule: { rule: "recorded-draw", draws },
    });
    const draft = draftOf(stored);
    expect(toElectionFields(draft)).toEqual(definitionOf(stored));

    // The draw follows the option, not its old id: a corrected label does not undo it.
    const council = draft.questions[1]!;
    const renamed = council.options.map((o) => (o.label === "Gull" ? { ...o, label: "Herring gull" } : o));
    const edited = { ...draft, questions: [draft.questions[0]!, { ...council, options: renamed }] };
    expect(draftProblems(edited, inEnglish).count).toBe(0);
    expect(toElectionFields(edited).tieRule).toEqual({
      rule: "recorded-draw",
      draws: { ferry: ["no", "yes"], council: ["herring-gull", "heron", "crab", "otter", "seal"] },
    });
  });

  it("says option order when it replaces a stored rule, and nothing on a new election", () => {
    const stored = storedElection({ tieRule: { rule: "lot", seed: "harbour-council-2025-public-draw" } });
    const draft = draftOf(stored);
    // The API keeps a stored rule that an edit leaves out, so going back to option order is said.
    expect(toElectionFields({ ...draft, tieRule: { ...draft.tieRule, rule: "option-order" } }).tieRule).toEqual({
      rule: "option-order",
    });
    expect(toElectionFields(titled([ranked(["Heron", "Otter"])]))).not.toHaveProperty("tieRule");
  });

  it("sends a chosen method, and batch elimination only with instant runoff", () => {
    const question = ranked(["Heron", "Otter", "Gull"]);
    const sentFor = (counting: QuestionDraft["counting"]) =>
      toElectionFields(titled([{ ...question, counting }])).questions[0]!.counting;
    expect(sentFor({ method: "borda", seats: 2, batchElimination: false })).toEqual({ method: "borda", seats: 2 });
    expect(sentFor({ method: "instant-runoff", seats: 1, batchElimination: true })).toEqual({
      method: "instant-runoff",
      seats: 1,
      batchElimination: true,
    });
    expect(sentFor({ method: "instant-runoff", seats: 1, batchElimination: false })).toBeUndefined();
  });
});

describe("changing what a counting depends on", () => {
  it("puts a method the new kind cannot read back to that kind's default, one seat", () => {
    const stv = ranked(["Heron", "Otter", "Gull", "Seal"], {
      counting: { method: "stv-meek", seats: 3, batchElimination: false },
    });
    expect(withKind(stv, "multi").counting).toEqual({ method: "approval", seats: 1, batchElimination: false });
    expect(withKind(stv, "single").counting).toEqual({ method: "plurality", seats: 1, batchElimination: false });
    expect(withKind(stv, "ranked").counting).toEqual(stv.counting);
  });

  it("keeps the seats for a method that fills several, and batch elimination with instant runoff only", () => {
    const stv = { method: "stv-meek", seats: 3, batchElimination: false } as const;
    expect(withMethod(stv, "stv-scottish")).toEqual({ ...stv, method: "stv-scottish" });
    expect(withMethod(stv, "schulze")).toEqual({ method: "schulze", seats: 1, batchElimination: false });
    const batch = { method: "instant-runoff", seats: 1, batchElimination: true } as const;
    expect(withMethod(batch, "borda")).toEqual({ method: "borda", seats: 1, batchElimination: false });
  });
});

describe("the choices an official sees", () => {
  it("offers the ranked methods in plain words, each with what voters do, and no score methods", () => {
    const choices = methodChoices("ranked", inEnglish);
    expect(choices.map((c) => c.label)).toEqual([
      "Instant runoff (one winner)",
      "Single transferable vote, Meek rules (several seats)",
      "Single transferable vote, Scottish rules",
      "Schulze (Condorcet)",
      "Ranked pairs (Condorcet)",
      "Borda count",
    ]);
    for (const choice of choices) expect(choice.hint, choice.value).toMatch(/^Voters rank the options; .+\.$/);
    expect(methodChoices("single", inEnglish).map((c) => c.label)).toEqual(["Plurality"]);
    expect(methodChoices("multi", inEnglish).map((c) => c.label)).toEqual(["Approval"]);
  });

  it("previews each question's counting in one sentence", () => {
    const preview = (question: QuestionDraft) => countingPreview(question, inEnglish);
    const council = ranked(["Heron", "Otter", "Gull", "Seal"]);
    expect(preview({ ...council, counting: { method: "stv-meek", seats: 3, batchElimination: false } })).toBe(
      "Voters rank the options; 3 seats are filled by single transferable vote (Meek rules).",
    );
    expect(preview({ ...council, counting: { method: "instant-runoff", seats: 1, batchElimination: true } })).toBe(
      "Voters rank the options; one winner is found by instant runoff, dropping the last option round by round " +
        "until one has a majority. Options that can no longer win are dropped together.",
    );
    expect(preview(emptyQuestion())).toBe("Voters choose one option; the option with the most votes wins.");
    expect(preview({ ...council, counting: { method: "borda", seats: Number.NaN, batchElimination: false } })).toBe(
      undefined,
    );
  });

  it("offers option order, the lot and a recorded draw to every election, each with a label and a hint", () => {
    const choices = tieRuleChoices(inEnglish);
    expect(choices.map((c) => c.value)).toEqual(["option-order", "lot", "recorded-draw"]);
    expect(choices[2]).toMatchObject({
      label: "By the recorded draw",
      hint: expect.stringMatching(/first drawn wins a tie/),
    });
  });
});

describe("what is wrong with a counting or a tie rule", () => {
  it("refuses as many seats as options", () => {
    const question = ranked(["Heron", "Otter", "Gull"], {
      counting: { method: "stv-scottish", seats: 3, batchElimination: false },
    });
    const problems = draftProblems(titled([question]), inEnglish);
    expect(problems.byQuestion[question.key]!.seats).toBe(
      "There must be more options (3) than seats (3): add options, or fill fewer seats.",
    );
    expect(problems.count).toBe(1);
  });

  it("refuses two seats for a method that elects one winner", () => {
    const question = ranked(["Heron", "Otter", "Gull"], {
      counting: { method: "ranked-pairs", seats: 2, batchElimination: false },
    });
    expect(draftProblems(titled([question]), inEnglish).byQuestion[question.key]!.seats).toBe(
      "This way of counting elects one winner: set the seats to 1, or choose a way of counting that fills several.",
    );
  });

  it("refuses an empty seats field and a method the kind cannot read", () => {
    const empty = ranked(["Heron", "Otter"], {
      counting: { method: "borda", seats: Number.NaN, batchElimination: false },
    });
    const unfit = {
      ...emptyQuestion(),
      prompt: "Keep it?",
      counting: { method: "schulze", seats: 1, batchElimination: false },
    };
    unfit.options = [
      { ...emptyOption(), label: "Yes" },
      { ...emptyOption(), label: "No" },
    ];
    const problems = draftProblems(titled([empty, unfit as QuestionDraft]), inEnglish);
    expect(problems.byQuestion[empty.key]!.seats).toBe("Enter a whole number of seats, 1 or more.");
    expect(problems.byQuestion[unfit.key]!.method).toMatch(/^This way of counting does not suit this kind of question/);
  });

  it("does not hold the kind's default to the seat rule: a question short of options is told once", () => {
    const lonely = ranked(["Heron"]);
    const problems = draftProblems(titled([lonely]), inEnglish).byQuestion[lonely.key]!;
    expect(problems.options).toBe("A question needs at least 2 options.");
    expect(problems.seats).toBeUndefined();
  });

  it("refuses a short seed, and a seed with a line break", () => {
    const lot = (seed: string) =>
      draftProblems(
        titled([ranked(["Heron", "Otter"])], { tieRule: { ...emptyDraft("en").tieRule, rule: "lot", seed } }),
        inEnglish,
      );
    expect(lot("  too short  ").seed).toBe(
      "A seed has at least 16 characters, so that nobody can guess it before it is published (it has 9).",
    );
    expect(lot("too short").count).toBe(1);
    expect(lot("harbour council\n2025 draw").seed).toMatch(/^The seed must be plain text/);
    expect(lot("harbour-council-2025-public-draw").seed).toBeUndefined();
  });

  it("finds nothing to refuse in a recorded draw the questions changed since: it follows them", () => {
    const stored = storedElection({
      tieRule: {
        rule: "recorded-draw",
        draws: { ferry: ["no", "yes"], council: ["heron", "otter", "gull", "seal", "crab"] },
      },
    });
    const draft = draftOf(stored);
    const ferry = draft.questions[0]!;
    const added = { ...ferry, options: [...ferry.options, { ...emptyOption(), label: "Only in summer" }] };
    const edited = { ...draft, questions: [added, draft.questions[1]!] };
    expect(draftProblems(edited, inEnglish).count).toBe(0);
    expect(toElectionFields(edited).tieRule).toMatchObject({ draws: { ferry: ["no", "yes", "only-in-summer"] } });
  });

  it("finds nothing wrong with a random seed: 32 letters and digits, a new one each time", () => {
    const seed = randomSeed();
    expect(seed).toMatch(/^[a-z2-9]{32}$/);
    expect(randomSeed()).not.toBe(seed);
    const draft = titled([ranked(["Heron", "Otter"])], { tieRule: { ...emptyDraft("en").tieRule, rule: "lot", seed } });
    expect(draftProblems(draft, inEnglish).count).toBe(0);
    expect(toElectionFields(draft).tieRule).toEqual({ rule: "lot", seed });
  });
});

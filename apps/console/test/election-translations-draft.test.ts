import { describe, expect, it } from "vitest";
import { storedElection } from "./stored-election";
import { inEnglish } from "../i18n/english";
import { draftOf, emptyDraft, toElectionFields } from "../app/[locale]/elections/form/draft";
import { draftIn, emptyTranslation, translatedCount } from "../app/[locale]/elections/form/translation-draft";
import { draftProblems, LIMITS } from "../app/[locale]/elections/form/validate";

/** A stored election whose ids are not what its texts would give, so a lost mapping shows. */
const stored = storedElection(
  [
    {
      id: "q1",
      kind: "single",
      prompt: "Build the pier?",
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: "o1", label: "Yes" },
        { id: "o2", label: "No" },
      ],
    },
  ],
  {
    id: "2b0c6f1e-8d4a-4e0b-a1f7-5c3d9e7b6a10",
    title: "Harbour referendum",
    description: "One question.",
    translations: {
      es: {
        title: "Referéndum del puerto",
        questions: { q1: { prompt: "¿Construir el muelle?", options: { o1: "Sí" } } },
      },
      "pt-BR": { title: "Referendo do porto" },
    },
  },
);

describe("an election's translations in the ballot builder", () => {
  it("come back from an edit as they were stored, under the same ids, a language the builder does not list included", () => {
    const fields = toElectionFields(draftOf(stored));
    expect(fields.language).toBe("en");
    expect(fields.translations).toEqual(stored.translations);
  });

  it("follow a question and an option when the official renames them, since they are kept by row, not by id", () => {
    const draft = { ...emptyDraft("en"), title: "Harbour" };
    const question = draft.questions[0]!;
    const [first, second] = question.options;
    const typed = {
      ...draft,
      questions: [
        {
          ...question,
          prompt: "Build it?",
          options: [
            { ...first!, label: "Yes" },
            { ...second!, label: "No" },
          ],
        },
      ],
      translations: [
        {
          ...emptyTranslation("fr"),
          prompts: { [question.key]: "Le construire ?" },
          labels: { [first!.key]: "Oui" },
        },
      ],
    };
    // The ids follow the English texts as they are typed; the French stays with its rows.
    const renamed = {
      ...typed,
      questions: [
        {
          ...typed.questions[0]!,
          prompt: "Build the pier?",
          options: [{ ...typed.questions[0]!.options[0]!, label: "Aye" }, typed.questions[0]!.options[1]!],
        },
      ],
    };
    expect(toElectionFields(renamed).translations).toEqual({
      fr: { questions: { "build-the-pier": { prompt: "Le construire ?", options: { aye: "Oui" } } } },
    });
  });

  it("leave out blank texts, a language with nothing in it, and texts of a question that was removed", () => {
    const draft = draftOf(stored);
    const question = draft.questions[0]!;
    const edited = {
      ...draft,
      translations: [
        { ...emptyTranslation("de"), title: "   ", prompts: { [question.key]: "" } },
        { ...emptyTranslation("fr"), title: "Référendum", prompts: { "a-removed-question": "Quai ?" } },
      ],
    };
    expect(toElectionFields(edited).translations).toEqual({ fr: { title: "Référendum" } });
    // Removing every translation is sent as {}: the API then removes them too.
    expect(toElectionFields({ ...draft, translations: [] }).translations).toEqual({});
  });

  it("show in the preview where translated, and the original elsewhere", () => {
    const draft = draftOf(stored);
    const spanish = draftIn(draft, "es");
    expect(spanish.title).toBe("Referéndum del puerto");
    expect(spanish.description).toBe("One question.");
    expect(spanish.questions[0]!.options.map((o) => o.label)).toEqual(["Sí", "No"]);
    expect(draftIn(draft, "en")).toBe(draft);
    // Title, description, prompt and two labels: three of five are in Spanish.
    expect(
      translatedCount(
        draft,
        draft.translations.find((t) => t.language === "es")!,
      ),
    ).toEqual({
      translated: 3,
      total: 5,
    });
  });

  it("are refused before sending when one is in the ballot's own language or a text is too long", () => {
    const draft = draftOf(stored);
    const question = draft.questions[0]!;
    const problems = draftProblems(
      {
        ...draft,
        language: "es",
        translations: [
          ...draft.translations,
          { ...emptyTranslation("fr"), labels: { [question.options[1]!.key]: "x".repeat(LIMITS.label + 1) } },
        ],
      },
      inEnglish,
    );
    expect(problems.byTranslation.es?.language).toMatch(/language the ballot itself is written in/);
    expect(problems.byTranslation.fr?.labels[question.options[1]!.key]).toMatch(/200/);
    expect(problems.count).toBe(2);
    expect(draftProblems(draft, inEnglish).count).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { shownElection, shownResults } from "../lib/election-content";

const election = {
  id: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
  title: "Night ferry",
  description: "One question.",
  status: "open" as const,
  language: "en",
  translations: {
    es: {
      title: "Ferry nocturno",
      questions: { ferry: { prompt: "¿Mantener el ferry nocturno?", options: { yes: "Sí" } } },
    },
  },
  questions: [
    {
      id: "ferry",
      kind: "single" as const,
      prompt: "Keep the night ferry?",
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
    },
  ],
};

describe("the election as a page shows it", () => {
  it("is in the page's language where translated, and names the language of each text that is not", () => {
    const shown = shownElection(election, "es");
    expect(shown).toMatchObject({ title: "Ferry nocturno", titleLang: undefined, descriptionLang: "en" });
    expect(shown.description).toBe("One question.");
    expect(shown.questions[0]).toMatchObject({ prompt: "¿Mantener el ferry nocturno?", promptLang: undefined });
    expect(shown.questions[0]!.options).toEqual([
      { id: "yes", label: "Sí", labelLang: undefined },
      { id: "no", label: "No", labelLang: "en" },
    ]);
    // The rest stays for the page to use: ids, status, rules.
    expect(shown).toMatchObject({ id: election.id, status: "open" });
    expect(shown.questions[0]).toMatchObject({ id: "ferry", kind: "single", maxChoices: 1 });
    // The order its ballots list the options in: the ballot page says so under a drawn one.
    expect(shownElection({ ...election, optionOrder: "rotated" as const }, "es").optionOrder).toBe("rotated");
  });

  it("is as written, marked with its language, on a page in a language it lacks; unmarked on a page in its own", () => {
    const arabic = shownElection(election, "ar");
    expect(arabic).toMatchObject({ title: "Night ferry", titleLang: "en" });
    expect(arabic.questions[0]!.options.map((o) => o.labelLang)).toEqual(["en", "en"]);
    const english = shownElection(election, "en");
    expect(english).toMatchObject({ title: "Night ferry", titleLang: undefined, descriptionLang: undefined });
    // An election that never said its language is English.
    const { language: _language, translations: _translations, ...untranslated } = election;
    expect(shownElection(untranslated, "fr")).toMatchObject({ titleLang: "en" });
  });

  it("gives results (one document for every watcher, in the election's own words) the words of the election as shown", () => {
    const snapshot = {
      turnout: 3,
      questions: [
        {
          id: "ferry",
          prompt: "Keep the night ferry?",
          options: [
            { id: "yes", label: "Yes", votes: 2 },
            { id: "no", label: "No", votes: 1 },
          ],
        },
      ],
    };
    const shown = shownResults(snapshot, shownElection(election, "es"));
    expect(shown.turnout).toBe(3);
    expect(shown.questions[0]).toEqual({
      id: "ferry",
      prompt: "¿Mantener el ferry nocturno?",
      options: [
        { id: "yes", label: "Sí", votes: 2 },
        { id: "no", label: "No", votes: 1 },
      ],
    });
    // Before the election is read: the snapshot's own words.
    expect(shownResults(snapshot, undefined)).toBe(snapshot);
  });
});

import { describe, expect, it } from "vitest";
import {
  bestContentLanguage,
  buildResultsSnapshot,
  canonicalLanguageTag,
  checkTranslations,
  contentLanguages,
  demoElection,
  electionDefinitionSchema,
  keptTranslations,
  localizedElection,
  MAX_TRANSLATIONS,
} from "../src/index";

const definition = {
  id: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
  title: "Night ferry",
  description: "One question.",
  questions: [
    {
      id: "ferry",
      kind: "single",
      prompt: "Keep the night ferry?",
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
    },
  ],
};

const parse = (more: object) => electionDefinitionSchema.safeParse({ ...definition, ...more });
const problems = (more: object) => {
  const parsed = parse(more);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("an election's language and translations, as written", () => {
  it("are optional: an election without them is in English and has no translation", () => {
    const parsed = electionDefinitionSchema.parse(definition);
    expect(parsed.language).toBeUndefined();
    expect(parsed.translations).toBeUndefined();
    expect(contentLanguages(parsed)).toEqual(["en"]);
  });

  it("takes texts in other languages, trimmed like the originals, each text optional", () => {
    const parsed = parse({
      language: "en",
      translations: {
        es: {
          title: "  Ferry nocturno ",
          questions: { ferry: { prompt: "¿Mantener el ferry nocturno?", options: { yes: "Sí" } } },
        },
        ar: { description: "سؤال واحد.\nفقرة ثانية." },
        "pt-BR": {},
      },
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.translations?.es?.title).toBe("Ferry nocturno");
    expect(contentLanguages(parsed.data!)).toEqual(["en", "es", "ar", "pt-BR"]);
  });

  it("holds every translated text to the checks and limits of the text it translates", () => {
    expect(
      problems({
        translations: {
          es: {
            title: "x".repeat(201),
            description: "",
            questions: { ferry: { prompt: "¿Sí?\u001b[31m", options: { yes: "Sí\u202e" } } },
          },
        },
      }),
    ).toEqual([
      "translations.es.title: Too big: expected string to have <=200 characters",
      "translations.es.description: Too small: expected string to have >=1 characters",
      "translations.es.questions.ferry.prompt: The question prompt must not contain control, line-break or text-direction characters: it has U+001B at character 5.",
      "translations.es.questions.ferry.options.yes: The option label must not contain control, line-break or text-direction characters: it has U+202E at character 3.",
    ]);
    // A field no translation has is named, as in the definition itself.
    expect(problems({ translations: { es: { titel: "Ferry" } } })).toEqual([
      'translations.es: Unrecognized key: "titel"',
    ]);
  });

  it("takes BCP 47 language tags as Intl writes them, and says how to write one that is not", () => {
    expect(problems({ language: "es", translations: { "zh-Hant-TW": {}, "en-u-ca-gregory": {} } })).toEqual([]);
    expect(problems({ language: "es_ES" })).toEqual([
      'language: The language "es_ES" is not a BCP 47 language tag (such as "en", "es", "pt-BR" or "zh-Hant")',
    ]);
    expect(problems({ translations: { "es-mx": {}, "": {}, "\u001b]0;x": {} } })).toEqual([
      'translations.es-mx: Write the language tag "es-mx" as "es-MX"',
      'translations.: The language given is not a BCP 47 language tag (such as "en", "es", "pt-BR" or "zh-Hant")',
      'translations.\u001b]0;x: The language given is not a BCP 47 language tag (such as "en", "es", "pt-BR" or "zh-Hant")',
    ]);
    expect(problems({ language: "x".repeat(36) })).toHaveLength(1);
    // "qaa" to "qtz" are the private-use languages: as many tags as wanted, each written as Intl writes it.
    const privateUse = (i: number) =>
      `q${"abcdefghijklmnopqrst"[Math.floor(i / 26)]}${String.fromCharCode(97 + (i % 26))}`;
    const many = Object.fromEntries(Array.from({ length: MAX_TRANSLATIONS + 1 }, (_, i) => [privateUse(i), {}]));
    expect(problems({ language: "fr", translations: many })).toEqual([
      `translations: An election may be translated into at most ${MAX_TRANSLATIONS} languages`,
    ]);
    expect(canonicalLanguageTag("ZH-hant-tw")).toBe("zh-Hant-TW");
    expect(canonicalLanguageTag("i-klingon")).toBeUndefined();
  });
});

describe("checkTranslations: the ids a translation names, against the election", () => {
  const check = (more: object) => checkTranslations(electionDefinitionSchema.parse({ ...definition, ...more }));

  it("lets translations of the election's questions and options through", () => {
    expect(check({ translations: { es: { questions: { ferry: { options: { no: "No" } } } } } })).toEqual({
      ok: true,
      value: true,
    });
  });

  it("refuses a translation into the election's own language, however the tag is written", () => {
    expect(check({ language: "es", translations: { es: { title: "Ferry nocturno" } } })).toEqual({
      ok: false,
      error: {
        code: "INVALID_TRANSLATION",
        message:
          'The translation into "es" is in the election\'s own language: write those texts in the election itself.',
        details: { problem: "own-language", path: ["translations", "es"], language: "es" },
      },
    });
    // Left out, the election's language is English.
    expect(check({ translations: { en: {} } })).toMatchObject({ ok: false, error: { details: { language: "en" } } });
  });

  it("refuses a question the election does not ask, and an option its question does not offer, saying where", () => {
    expect(check({ translations: { ar: { questions: { ferries: { prompt: "؟" } } } } })).toEqual({
      ok: false,
      error: {
        code: "INVALID_TRANSLATION",
        message: 'The translation into "ar" names the question "ferries", which the election does not ask.',
        details: {
          problem: "unknown-question",
          path: ["translations", "ar", "questions", "ferries"],
          language: "ar",
          questionId: "ferries",
        },
      },
    });
    expect(check({ translations: { es: { questions: { ferry: { options: { maybe: "Quizás" } } } } } })).toEqual({
      ok: false,
      error: {
        code: "INVALID_TRANSLATION",
        message:
          'The translation into "es" names the option "maybe" of the question "ferry", which that question does not offer.',
        details: {
          problem: "unknown-option",
          path: ["translations", "es", "questions", "ferry", "options", "maybe"],
          language: "es",
          questionId: "ferry",
          optionId: "maybe",
        },
      },
    });
  });

  it("keeps, through an edit that did not send them, only the translations of questions and options still there", () => {
    const translations = {
      es: { title: "Ferry", questions: { ferry: { prompt: "¿Ferry?", options: { yes: "Sí", no: "No" } }, gone: {} } },
      fr: { description: "Une question." },
    };
    const questions = [{ id: "ferry", options: [{ id: "yes" }, { id: "later" }] }];
    expect(keptTranslations(translations, questions)).toEqual({
      es: { title: "Ferry", questions: { ferry: { prompt: "¿Ferry?", options: { yes: "Sí" } } } },
      fr: { description: "Une question." },
    });
    expect(keptTranslations(undefined, questions)).toBeUndefined();
  });
});

describe("localizedElection: the election in the voter's language, text by text", () => {
  const election = electionDefinitionSchema.parse({
    ...definition,
    translations: {
      es: {
        title: "Ferry nocturno",
        questions: { ferry: { prompt: "¿Mantener el ferry nocturno?", options: { yes: "Sí" } } },
      },
      "pt-BR": { title: "Balsa noturna" },
    },
  });

  it("shows each text in the language asked for where it has one, else as written, and says which is which", () => {
    const { election: shown, language, texts } = localizedElection(election, ["es"]);
    expect(language).toBe("es");
    expect(shown.title).toBe("Ferry nocturno");
    expect(shown.description).toBe("One question.");
    expect(shown.questions[0]!.prompt).toBe("¿Mantener el ferry nocturno?");
    expect(shown.questions[0]!.options).toEqual([
      { id: "yes", label: "Sí" },
      { id: "no", label: "No" },
    ]);
    expect(texts).toEqual({
      title: "es",
      description: "en",
      questions: { ferry: { prompt: "es", options: { yes: "es", no: "en" } } },
    });
    // Everything but the words stays: ids, rules, the translations themselves; the original is untouched.
    expect(shown).toMatchObject({ id: election.id, allowAbstain: false, translations: election.translations });
    expect(shown.questions[0]).toMatchObject({ id: "ferry", kind: "single", minChoices: 1, maxChoices: 1 });
    expect(election.title).toBe("Night ferry");
  });

  it("finds the closest language: a region the election lacks, a region of the language asked, then the next asked", () => {
    expect(bestContentLanguage(election, ["es-MX"])).toBe("es");
    expect(bestContentLanguage(election, ["pt"])).toBe("pt-BR");
    expect(bestContentLanguage(election, ["pt-PT"])).toBe("pt-BR");
    expect(bestContentLanguage(election, ["de", "not a tag", "es"])).toBe("es");
    expect(bestContentLanguage(election, ["en-GB", "es"])).toBe("en");
    expect(bestContentLanguage(election, ["zh-Hant-TW"])).toBe("en");
    expect(bestContentLanguage(election, [])).toBe("en");
  });

  it("shows an election with no translation for the language asked as written, in its own language", () => {
    const french = { ...election, language: "fr", translations: undefined };
    const { election: shown, language, texts } = localizedElection(french, ["ar"]);
    expect(language).toBe("fr");
    expect(shown.title).toBe("Night ferry");
    expect(texts.title).toBe("fr");
    expect(texts.questions.ferry!.options.no).toBe("fr");
  });

  it("leaves what counts and what is published as written: the results snapshot carries the election's own texts", () => {
    const demo = demoElection({ now: () => new Date("2026-12-01T08:00:00Z") });
    expect(Object.keys(demo.translations!)).toEqual(["es", "fr", "de", "ar"]);
    expect(checkTranslations(demo)).toEqual({ ok: true, value: true });
    expect(electionDefinitionSchema.safeParse(demo).success).toBe(true);
    const snapshot = buildResultsSnapshot(demo, new Map(), new Date("2026-12-01T09:00:00Z"));
    expect(snapshot.questions[0]).toMatchObject({ prompt: "Which animal should be the city's mascot?" });
    expect(snapshot).not.toHaveProperty("translations");
    const arabic = localizedElection(demo, ["ar"]).election;
    expect(arabic.title).toBe("انتخابات لاندسلايد التجريبية");
    expect(arabic.questions.map((q) => q.id)).toEqual(demo.questions.map((q) => q.id));
  });
});

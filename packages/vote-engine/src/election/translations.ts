import { z } from "zod";
import { fail, ok, type Result } from "../result";
import { canonicalLanguageTag, contentLanguageOf, type ElectionTranslation } from "./localized-election";
import { electionDescription, electionTitle, optionLabel, questionPrompt } from "./text-fields";

/**
 * An election's texts in other languages, as an official writes them beside the texts themselves:
 *
 *   "language": "en",
 *   "translations": {
 *     "es": { "title": "…", "description": "…",
 *             "questions": { "<question id>": { "prompt": "…", "options": { "<option id>": "…" } } } }
 *   }
 *
 * Every text is optional: one left out is shown in the election's own language (localized-election.ts).
 * Each is held to the same checks and limits as the text it translates. Ids are the election's
 * own: a translation only ever names them, so ballots, receipts, tallies and the audit (which
 * carry ids, and the texts in the election's own language) are the same in every language.
 */

/** So many languages are more than any ballot is printed in; each one makes the stored election larger. */
export const MAX_TRANSLATIONS = 30;

/** Text from a request, quoted in a message only when it is plain enough to print anywhere. */
const quoted = (text: string) => (/^[\x20-\x7e]{1,60}$/.test(text) ? JSON.stringify(text) : "given");

/** Why a text is not a language tag as BCP 47 writes it; undefined when it is one. */
function languageTagProblem(tag: string): string | undefined {
  const canonical = canonicalLanguageTag(tag);
  if (canonical === undefined)
    return `The language ${quoted(tag)} is not a BCP 47 language tag (such as "en", "es", "pt-BR" or "zh-Hant")`;
  if (canonical !== tag) return `Write the language tag ${quoted(tag)} as ${JSON.stringify(canonical)}`;
  return undefined;
}

/** A BCP 47 language tag, written as Intl.getCanonicalLocales writes it ("es-MX", not "es-mx"). */
export const languageTag = z.string().superRefine((tag, ctx) => {
  const problem = languageTagProblem(tag);
  if (problem) ctx.addIssue({ code: "custom", input: tag, message: problem });
});

const questionTranslationSchema = z
  .object({
    prompt: questionPrompt.optional(),
    /** Option id → label. */
    options: z.record(z.string(), optionLabel).optional(),
  })
  .strict();

/** One language's texts; a translated description, unlike the original, is never empty (leave it out instead). */
export const translationSchema = z
  .object({
    title: electionTitle.optional(),
    description: electionDescription.min(1).optional(),
    /** Question id → its prompt and option labels. */
    questions: z.record(z.string(), questionTranslationSchema).optional(),
  })
  .strict();

/** Language tag → that language's texts. Which ids they name is checked against the questions by checkTranslations. */
export const translationsSchema = z.record(z.string(), translationSchema).superRefine((translations, ctx) => {
  const tags = Object.keys(translations);
  if (tags.length > MAX_TRANSLATIONS)
    ctx.addIssue({
      code: "custom",
      input: translations,
      message: `An election may be translated into at most ${MAX_TRANSLATIONS} languages`,
    });
  for (const tag of tags) {
    const problem = languageTagProblem(tag);
    if (problem) ctx.addIssue({ code: "custom", input: tag, path: [tag], message: problem });
  }
});

export type ElectionTranslations = z.infer<typeof translationsSchema>;

/** What a refused translation is about, in `details.problem` beside `details.path` (where in the definition). */
export type TranslationProblem = "own-language" | "unknown-question" | "unknown-option";

interface Translatable {
  readonly language?: string | undefined;
  readonly translations?: Readonly<Record<string, ElectionTranslation>> | undefined;
  readonly questions: ReadonlyArray<{ readonly id: string; readonly options: ReadonlyArray<{ readonly id: string }> }>;
}

/**
 * Whether the translations fit the election they translate: none in the election's own language
 * (its texts are that), and none naming a question or option the election does not have. The
 * texts themselves were checked by the schema. Refused as INVALID_TRANSLATION, with `details`
 * saying which language, what and where (`path`, as in the definition, for a ballot file's line).
 */
export function checkTranslations(election: Translatable): Result<true> {
  const own = contentLanguageOf(election);
  const refuse = (problem: TranslationProblem, message: string, path: string[], more: Record<string, string>) =>
    fail("INVALID_TRANSLATION", message, { problem, path, ...more });
  for (const [language, translation] of Object.entries(election.translations ?? {})) {
    const at = ["translations", language];
    if ((canonicalLanguageTag(language) ?? language) === (canonicalLanguageTag(own) ?? own))
      return refuse(
        "own-language",
        `The translation into ${quoted(language)} is in the election's own language: write those texts in the election itself.`,
        at,
        { language },
      );
    for (const [questionId, words] of Object.entries(translation.questions ?? {})) {
      const question = election.questions.find((q) => q.id === questionId);
      if (!question)
        return refuse(
          "unknown-question",
          `The translation into ${quoted(language)} names the question ${quoted(questionId)}, which the election does not ask.`,
          [...at, "questions", questionId],
          { language, questionId },
        );
      for (const optionId of Object.keys(words.options ?? {})) {
        if (!question.options.some((o) => o.id === optionId))
          return refuse(
            "unknown-option",
            `The translation into ${quoted(language)} names the option ${quoted(optionId)} of the question ${quoted(questionId)}, which that question does not offer.`,
            [...at, "questions", questionId, "options", optionId],
            { language, questionId, optionId },
          );
      }
    }
  }
  return ok(true);
}

/**
 * The translations kept through an edit that did not send them (a form that knows nothing of
 * them must not erase them): the texts of questions and options the edit removed are dropped.
 */
export function keptTranslations(
  translations: ElectionTranslations | undefined,
  questions: Translatable["questions"],
): ElectionTranslations | undefined {
  if (translations === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(translations).map(([language, translation]) => {
      if (translation.questions === undefined) return [language, translation];
      const kept = Object.entries(translation.questions).flatMap(([questionId, words]) => {
        const question = questions.find((q) => q.id === questionId);
        if (!question) return [];
        const options =
          words.options &&
          Object.fromEntries(
            Object.entries(words.options).filter(([optionId]) => question.options.some((o) => o.id === optionId)),
          );
        return [[questionId, { ...words, ...(options ? { options } : {}) }] as const];
      });
      return [language, { ...translation, questions: Object.fromEntries(kept) }];
    }),
  );
}

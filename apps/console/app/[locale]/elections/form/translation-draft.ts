import type { ElectionDraft, ElectionFields, QuestionDraft } from "./draft";

type Translations = NonNullable<ElectionFields["translations"]>;
type Translation = Translations[string];

/**
 * One language's texts as the builder holds them. Questions and options are named by their
 * drafts' keys, not their ids: ids follow the texts while the official types (derived-ids.ts), so
 * a translation keyed by id would lose its texts at every keystroke. An empty text is not
 * translated; voters see the ballot's own words there.
 */
export interface TranslationDraft {
  readonly language: string;
  readonly title: string;
  readonly description: string;
  /** Question key → prompt. */
  readonly prompts: Readonly<Record<string, string>>;
  /** Option key → label. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A question as a draft beside the ids it has (stored, or derived from its texts now). */
export interface IdentifiedQuestion {
  readonly id: string;
  readonly draft: QuestionDraft;
  readonly optionIds: readonly string[];
}

export function emptyTranslation(language: string): TranslationDraft {
  return { language, title: "", description: "", prompts: {}, labels: {} };
}

/** Stored translations (by id) as drafts (by key), given the questions as drafts beside the ids they were read with. */
export function translationDrafts(
  translations: Translations | undefined,
  questions: readonly IdentifiedQuestion[],
): TranslationDraft[] {
  return Object.entries(translations ?? {}).map(([language, translation]) => {
    const prompts: Record<string, string> = {};
    const labels: Record<string, string> = {};
    for (const { id, draft, optionIds } of questions) {
      const question = translation.questions?.[id];
      if (question?.prompt !== undefined) prompts[draft.key] = question.prompt;
      draft.options.forEach((option, at) => {
        const label = question?.options?.[optionIds[at]!];
        if (label !== undefined) labels[option.key] = label;
      });
    }
    return {
      language,
      title: translation.title ?? "",
      description: translation.description ?? "",
      prompts,
      labels,
    };
  });
}

/**
 * The drafts as the API takes them, under the ids the questions and options have now; blank texts
 * are left out, and so is a language with nothing translated yet (the API would keep it as an
 * empty translation that voters could pick for nothing).
 */
export function toTranslations(
  drafts: readonly TranslationDraft[],
  questions: readonly IdentifiedQuestion[],
): Translations {
  const translations: Translations = {};
  for (const draft of drafts) {
    const translation: Translation = {};
    const title = draft.title.trim();
    const description = draft.description.trim();
    if (title) translation.title = title;
    if (description) translation.description = description;
    const byQuestion: NonNullable<Translation["questions"]> = {};
    for (const question of questions) {
      const prompt = draft.prompts[question.draft.key]?.trim();
      const options: Record<string, string> = {};
      question.draft.options.forEach((option, at) => {
        const label = draft.labels[option.key]?.trim();
        if (label) options[question.optionIds[at]!] = label;
      });
      if (prompt || Object.keys(options).length > 0)
        byQuestion[question.id] = {
          ...(prompt ? { prompt } : {}),
          ...(Object.keys(options).length ? { options } : {}),
        };
    }
    if (Object.keys(byQuestion).length > 0) translation.questions = byQuestion;
    if (Object.keys(translation).length > 0) translations[draft.language] = translation;
  }
  return translations;
}

/** How many of the ballot's texts a translation has, of how many there are (title, description if any, prompts, labels). */
export function translatedCount(
  draft: Pick<ElectionDraft, "description" | "questions">,
  translation: TranslationDraft,
): { translated: number; total: number } {
  const filled = (text: string | undefined) => (text?.trim() ? 1 : 0);
  let translated = filled(translation.title);
  let total = 1;
  if (draft.description.trim()) {
    total += 1;
    translated += filled(translation.description);
  }
  for (const question of draft.questions) {
    total += 1 + question.options.length;
    translated += filled(translation.prompts[question.key]);
    for (const option of question.options) translated += filled(translation.labels[option.key]);
  }
  return { translated, total };
}

/**
 * The draft as a voter reading `language` sees it: translated texts where there are some, the
 * ballot's own elsewhere (as the voter site's localizedElection does for a stored election).
 */
export function draftIn(draft: ElectionDraft, language: string): ElectionDraft {
  const translation = draft.translations.find((t) => t.language === language);
  if (!translation) return draft;
  const or = (translated: string | undefined, own: string) => (translated?.trim() ? translated : own);
  return {
    ...draft,
    title: or(translation.title, draft.title),
    description: or(translation.description, draft.description),
    questions: draft.questions.map((question) => ({
      ...question,
      prompt: or(translation.prompts[question.key], question.prompt),
      options: question.options.map((option) => ({
        ...option,
        label: or(translation.labels[option.key], option.label),
      })),
    })),
  };
}

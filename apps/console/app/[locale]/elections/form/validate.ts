import type { Translate } from "../../../../i18n/english";
import { fillsSeveralSeats, isDefaultCounting, isOffered } from "./counting-choices";
import { optionIds, questionIds } from "./derived-ids";
import type { ElectionDraft, QuestionDraft } from "./draft";
import { SEED_LIMITS, UNPRINTABLE } from "./tie-rule-choices";
import type { TranslationDraft } from "./translation-draft";
import { ID_PATTERN } from "./slug";
import { scoreRangeProblem } from "./score-range";

/**
 * What is wrong with a draft, per field, in words for the official. These are the API's own
 * rules (election-input.ts, the engine's definition.ts, counting-rules.ts, score-range.ts and
 * tie-rule.ts) checked before sending, plus two the API cannot see: duplicate option labels, and
 * a minimum of zero (the ballot check requires at least one choice anyway; a voter who wants none
 * abstains).
 */
export interface OptionProblems {
  label?: string;
  id?: string;
}

export interface QuestionProblems {
  prompt?: string;
  id?: string;
  /** About the list as a whole (too few, too many). */
  options?: string;
  bounds?: string;
  /** A score question's range. */
  scoreRange?: string;
  /** A counting method that does not read this kind's ballots. */
  method?: string;
  seats?: string;
  /** By option key. */
  byOption: Record<string, OptionProblems>;
}

/** A translation's texts are held to the limits of the texts they translate. */
export interface TranslationProblems {
  /** A translation into the ballot's own language, which voters could never be shown. */
  language?: string;
  title?: string;
  description?: string;
  /** By question key. */
  prompts: Record<string, string>;
  /** By option key. */
  labels: Record<string, string>;
}

export interface DraftProblems {
  title?: string;
  description?: string;
  questions?: string;
  /**
   * The lot's seed, when ties go by lot. A recorded draw has nothing of its own to be wrong: its
   * order is completed from the questions (recorded-draw.ts), and a question with too few options
   * to draw is told once, on the question (`options`), as a question short of options always is.
   */
  seed?: string;
  /** By question key. */
  byQuestion: Record<string, QuestionProblems>;
  /** By language tag. */
  byTranslation: Record<string, TranslationProblems>;
  /** How many messages there are in all, for the summary above the submit button. */
  count: number;
}

export const LIMITS = {
  title: 200,
  description: 5000,
  prompt: 500,
  label: 200,
  questions: 50,
  options: 50,
  minOptions: 2,
} as const;

export function draftProblems(draft: ElectionDraft, t: Translate): DraftProblems {
  const problems: DraftProblems = { byQuestion: {}, byTranslation: {}, count: 0 };
  const title = draft.title.trim();
  if (!title) problems.title = t("form.problems.noTitle");
  else if (title.length > LIMITS.title)
    problems.title = t("form.problems.titleTooLong", { max: LIMITS.title, length: title.length });
  if (draft.description.trim().length > LIMITS.description)
    problems.description = t("form.problems.descriptionTooLong", { max: LIMITS.description });
  if (draft.questions.length === 0) problems.questions = t("form.problems.noQuestion");
  if (draft.questions.length > LIMITS.questions)
    problems.questions = t("form.problems.tooManyQuestions", { max: LIMITS.questions });

  const ids = questionIds(draft);
  draft.questions.forEach((question, index) => {
    const found = questionProblems(question, t);
    const id = ids[index]!;
    if (!ID_PATTERN.test(id)) found.id = t("form.problems.idRule");
    else if (ids.indexOf(id) !== index) found.id = t("form.problems.questionIdTaken", { id });
    problems.byQuestion[question.key] = found;
  });

  const seed = seedProblem(draft, t);
  if (seed) problems.seed = seed;

  for (const translation of draft.translations)
    problems.byTranslation[translation.language] = translationProblems(translation, draft, t);

  problems.count = countMessages(problems);
  return problems;
}

function translationProblems(
  translation: TranslationDraft,
  { language: ownLanguage, questions }: Pick<ElectionDraft, "language" | "questions">,
  t: Translate,
): TranslationProblems {
  const found: TranslationProblems = { prompts: {}, labels: {} };
  if (translation.language === ownLanguage) found.language = t("form.problems.translationIntoOwnLanguage");
  const title = translation.title.trim();
  if (title.length > LIMITS.title)
    found.title = t("form.problems.titleTooLong", { max: LIMITS.title, length: title.length });
  if (translation.description.trim().length > LIMITS.description)
    found.description = t("form.problems.descriptionTooLong", { max: LIMITS.description });
  // Only the questions and options the ballot still has: texts kept for a removed one are never sent.
  for (const question of questions) {
    const prompt = translation.prompts[question.key]?.trim() ?? "";
    if (prompt.length > LIMITS.prompt)
      found.prompts[question.key] = t("form.problems.promptTooLong", { max: LIMITS.prompt, length: prompt.length });
    for (const option of question.options)
      if ((translation.labels[option.key]?.trim().length ?? 0) > LIMITS.label)
        found.labels[option.key] = t("form.problems.labelTooLong", { max: LIMITS.label });
  }
  return found;
}

function questionProblems(question: QuestionDraft, t: Translate): QuestionProblems {
  const found: QuestionProblems = { byOption: {} };
  const prompt = question.prompt.trim();
  if (!prompt) found.prompt = t("form.problems.noPrompt");
  else if (prompt.length > LIMITS.prompt)
    found.prompt = t("form.problems.promptTooLong", { max: LIMITS.prompt, length: prompt.length });

  const count = question.options.length;
  if (count < LIMITS.minOptions) found.options = t("form.problems.tooFewOptions", { min: LIMITS.minOptions });
  if (count > LIMITS.options) found.options = t("form.problems.tooManyOptions", { max: LIMITS.options });

  const ids = optionIds(question);
  const labels = question.options.map((option) => option.label.trim().toLowerCase());
  question.options.forEach((option, index) => {
    const label = option.label.trim();
    const id = ids[index]!;
    const mine: OptionProblems = {};
    if (!label) mine.label = t("form.problems.noLabel");
    else if (label.length > LIMITS.label) mine.label = t("form.problems.labelTooLong", { max: LIMITS.label });
    else if (labels.indexOf(labels[index]!) !== index) mine.label = t("form.problems.labelTaken", { label });
    if (!ID_PATTERN.test(id)) mine.id = t("form.problems.idRule");
    else if (ids.indexOf(id) !== index) mine.id = t("form.problems.optionIdTaken", { id });
    found.byOption[option.key] = mine;
  });

  // A score question's choice bounds are hidden and sent as 1/1 (toElectionFields): its range is checked instead.
  if (question.kind === "score") {
    const range = scoreRangeProblem(question.scoreRange, t);
    if (range) found.scoreRange = range;
  } else if (question.kind !== "single") {
    const bounds = boundsProblem(question.minChoices, question.maxChoices, count, t);
    if (bounds) found.bounds = bounds;
  }
  Object.assign(found, countingProblem(question, t));
  return found;
}

/**
 * The engine's countingProblem, in the same order, each on the field that fixes it. The kind's
 * default is not sent (toElectionFields), so it is not checked either: the option count has its
 * own message. Batch elimination needs no check: it goes when the method stops being instant
 * runoff (withMethod), and is sent with no other.
 */
function countingProblem(question: QuestionDraft, t: Translate): Pick<QuestionProblems, "method" | "seats"> {
  if (isDefaultCounting(question)) return {};
  const { kind, options } = question;
  const { method, seats } = question.counting;
  if (!isOffered(kind, method)) return { method: t("form.problems.countingUnfit") };
  if (!Number.isInteger(seats) || seats < 1) return { seats: t("form.problems.seatsNotWhole") };
  if (!fillsSeveralSeats(method) && seats !== 1) return { seats: t("form.problems.seatsOneWinner") };
  if (seats >= options.length)
    return { seats: t("form.problems.seatsNotFewerThanOptions", { seats, options: options.length }) };
  return {};
}

/** The engine's check of a lot's seed (tie-rule.ts), when ties go by lot. */
function seedProblem({ tieRule }: ElectionDraft, t: Translate): string | undefined {
  if (tieRule.rule !== "lot") return undefined;
  const seed = tieRule.seed.trim();
  if (seed.length < SEED_LIMITS.min)
    return t("form.problems.seedTooShort", { min: SEED_LIMITS.min, length: seed.length });
  if (seed.length > SEED_LIMITS.max)
    return t("form.problems.seedTooLong", { max: SEED_LIMITS.max, length: seed.length });
  if (UNPRINTABLE.test(seed)) return t("form.problems.seedNotPlain");
  return undefined;
}

function boundsProblem(min: number, max: number, optionCount: number, t: Translate): string | undefined {
  if (!Number.isInteger(min) || !Number.isInteger(max)) return t("form.problems.boundsNotWhole");
  if (min < 1) return t("form.problems.boundsMinimum");
  if (max < min) return t("form.problems.boundsMaxUnderMin", { max, min });
  if (max > optionCount) return t("form.problems.boundsMaxOverOptions", { max, options: optionCount });
  return undefined;
}

const present = (...messages: Array<string | undefined>) => messages.filter((m) => m !== undefined).length;

function countMessages(problems: DraftProblems): number {
  let count = present(problems.title, problems.description, problems.questions, problems.seed);
  for (const question of Object.values(problems.byQuestion)) count += questionMessageCount(question);
  for (const translation of Object.values(problems.byTranslation)) count += translationMessageCount(translation);
  return count;
}

/** How many messages one question has, its options' included: the builder marks the questions that need fixing. */
export function questionMessageCount(question: QuestionProblems | undefined): number {
  if (!question) return 0;
  let count = present(
    question.prompt,
    question.id,
    question.options,
    question.bounds,
    question.scoreRange,
    question.method,
    question.seats,
  );
  for (const option of Object.values(question.byOption)) count += present(option.label, option.id);
  return count;
}

/** How many messages one translation has: the builder marks the languages that need fixing. */
export function translationMessageCount(translation: TranslationProblems | undefined): number {
  if (!translation) return 0;
  return (
    present(translation.language, translation.title, translation.description) +
    Object.keys(translation.prompts).length +
    Object.keys(translation.labels).length
  );
}

/** Whether the question's id or one of its options' is refused: the "Advanced" section then opens by itself. */
export function hasIdProblem(question: QuestionProblems | undefined): boolean {
  return question?.id !== undefined || Object.values(question?.byOption ?? {}).some((o) => o.id !== undefined);
}

import { optionIds, questionIds } from "./derived-ids";
import type { ElectionDraft, QuestionDraft } from "./draft";
import { ID_PATTERN } from "./slug";

/**
 * What is wrong with a draft, per field, in words for the official. These are the API's own
 * rules (election-input.ts, the engine's definition.ts) checked before sending, plus two the API
 * cannot see: duplicate option labels, and a minimum of zero (the ballot check requires at least
 * one choice anyway; a voter who wants none abstains).
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
  /** By option key. */
  byOption: Record<string, OptionProblems>;
}

export interface DraftProblems {
  title?: string;
  description?: string;
  questions?: string;
  /** By question key. */
  byQuestion: Record<string, QuestionProblems>;
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

const idRule = "An id is 1 to 40 lower-case letters, digits or hyphens.";

export function draftProblems(draft: ElectionDraft): DraftProblems {
  const problems: DraftProblems = { byQuestion: {}, count: 0 };
  const title = draft.title.trim();
  if (!title) problems.title = "Give the election a title.";
  else if (title.length > LIMITS.title)
    problems.title = `Shorten the title to ${LIMITS.title} characters (it has ${title.length}).`;
  if (draft.description.trim().length > LIMITS.description)
    problems.description = `Shorten the description to ${LIMITS.description} characters.`;
  if (draft.questions.length === 0) problems.questions = "Add at least one question.";
  if (draft.questions.length > LIMITS.questions)
    problems.questions = `An election has at most ${LIMITS.questions} questions.`;

  const ids = questionIds(draft);
  draft.questions.forEach((question, index) => {
    const found = questionProblems(question);
    const id = ids[index]!;
    if (!ID_PATTERN.test(id)) found.id = idRule;
    else if (ids.indexOf(id) !== index) found.id = `Another question already has the id “${id}”.`;
    problems.byQuestion[question.key] = found;
  });

  problems.count = countMessages(problems);
  return problems;
}

function questionProblems(question: QuestionDraft): QuestionProblems {
  const found: QuestionProblems = { byOption: {} };
  const prompt = question.prompt.trim();
  if (!prompt) found.prompt = "Write the question voters answer.";
  else if (prompt.length > LIMITS.prompt)
    found.prompt = `Shorten the question to ${LIMITS.prompt} characters (it has ${prompt.length}).`;

  const count = question.options.length;
  if (count < LIMITS.minOptions) found.options = `A question needs at least ${LIMITS.minOptions} options.`;
  if (count > LIMITS.options) found.options = `A question has at most ${LIMITS.options} options.`;

  const ids = optionIds(question);
  const labels = question.options.map((option) => option.label.trim().toLowerCase());
  question.options.forEach((option, index) => {
    const label = option.label.trim();
    const id = ids[index]!;
    const mine: OptionProblems = {};
    if (!label) mine.label = "Write the option’s label.";
    else if (label.length > LIMITS.label) mine.label = `Shorten the label to ${LIMITS.label} characters.`;
    else if (labels.indexOf(labels[index]!) !== index)
      mine.label = `Another option is already labelled “${label}”: voters could not tell them apart.`;
    if (!ID_PATTERN.test(id)) mine.id = idRule;
    else if (ids.indexOf(id) !== index) mine.id = `Another option already has the id “${id}”.`;
    found.byOption[option.key] = mine;
  });

  if (question.kind !== "single") {
    const bounds = boundsProblem(question.minChoices, question.maxChoices, count);
    if (bounds) found.bounds = bounds;
  }
  return found;
}

function boundsProblem(min: number, max: number, optionCount: number): string | undefined {
  if (!Number.isInteger(min) || !Number.isInteger(max))
    return "Enter whole numbers for the fewest and the most choices.";
  if (min < 1) return "Voters choose at least 1 option (a voter who wants none abstains, if the election allows it).";
  if (max < min) return `The most choices (${max}) cannot be fewer than the fewest (${min}).`;
  if (max > optionCount) return `The most choices (${max}) cannot exceed the number of options (${optionCount}).`;
  return undefined;
}

const present = (...messages: Array<string | undefined>) => messages.filter((m) => m !== undefined).length;

function countMessages(problems: DraftProblems): number {
  let count = present(problems.title, problems.description, problems.questions);
  for (const question of Object.values(problems.byQuestion)) count += questionMessageCount(question);
  return count;
}

/** How many messages one question has, its options' included: the builder marks the questions that need fixing. */
export function questionMessageCount(question: QuestionProblems | undefined): number {
  if (!question) return 0;
  let count = present(question.prompt, question.id, question.options, question.bounds);
  for (const option of Object.values(question.byOption)) count += present(option.label, option.id);
  return count;
}

/** Whether the question's id or one of its options' is refused: the "Advanced" section then opens by itself. */
export function hasIdProblem(question: QuestionProblems | undefined): boolean {
  return question?.id !== undefined || Object.values(question?.byOption ?? {}).some((o) => o.id !== undefined);
}

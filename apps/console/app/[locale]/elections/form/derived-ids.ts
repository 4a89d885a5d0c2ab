import type { ElectionDraft, QuestionDraft } from "./draft";
import { slugify, uniqueSlug } from "./slug";

/**
 * The ids the API will receive, in list order: typed ids as typed, the others slugs of their
 * text, made unique within the list. Typed ids are reserved first, so a derived id never takes
 * one an official chose; two typed ids that collide are reported by validate.ts instead.
 */
function derivedIds<T>(
  items: readonly T[],
  text: (item: T) => string,
  customId: (item: T) => string | null,
  fallback: string,
): string[] {
  const taken = new Set(items.map(customId).filter((id) => id !== null));
  return items.map((item) => {
    const custom = customId(item);
    if (custom !== null) return custom;
    const id = uniqueSlug(slugify(text(item)) || fallback, taken);
    taken.add(id);
    return id;
  });
}

export const optionIds = (question: Pick<QuestionDraft, "options">): string[] =>
  derivedIds(
    question.options,
    (option) => option.label,
    (option) => option.customId,
    "option",
  );

export const questionIds = (draft: Pick<ElectionDraft, "questions">): string[] =>
  derivedIds(
    draft.questions,
    (question) => question.prompt,
    (question) => question.customId,
    "question",
  );

import type { Translate } from "../../../../i18n/english";
import { countingForKind } from "./counting-choices";
import type { OptionDraft, QuestionDraft, QuestionKind, ScoreRangeDraft } from "./draft";
import { DEFAULT_SCORE_RANGE } from "./score-range";

/**
 * How many options a voter picks, kept consistent when the official changes what the numbers
 * depend on (the kind, the options). Numbers the official types are never corrected behind their
 * back: validate.ts explains what is wrong with them instead.
 */

/**
 * Single choice is always exactly one; a new multi or ranked question allows from one to all
 * options; a score question has no choices to bound (voters score every option), so it stays at
 * one, as the API stores it. A counting method that cannot read the new kind's ballots gives way
 * to the kind's own.
 */
export function withKind(question: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const counting = countingForKind(question.counting, kind);
  if (kind === "single" || kind === "score") return { ...question, kind, counting, minChoices: 1, maxChoices: 1 };
  return { ...question, kind, counting, minChoices: 1, maxChoices: Math.max(1, question.options.length) };
}

/** New options; "up to all of them" stays all of them, and a maximum above the option count comes down to it. */
export function withOptions(question: QuestionDraft, options: readonly OptionDraft[]): QuestionDraft {
  if (question.kind === "single" || question.kind === "score") return { ...question, options };
  const wasAll = question.maxChoices === question.options.length;
  const maxChoices = Math.max(1, wasAll ? options.length : Math.min(question.maxChoices, options.length));
  return { ...question, options, maxChoices, minChoices: Math.min(question.minChoices, maxChoices) };
}

/**
 * The instruction voters read above the options; the same words as the voter site's ballot. A
 * number the official has not typed yet reads "?". A question given without its range (one that
 * is not a score question need not have one) is told the engine's default.
 */
export function choiceHint(
  {
    kind,
    minChoices,
    maxChoices,
    scoreRange = DEFAULT_SCORE_RANGE,
  }: Pick<QuestionDraft, "kind" | "minChoices" | "maxChoices"> & { readonly scoreRange?: ScoreRangeDraft },
  t: Translate,
  locale: string,
): string {
  const shown = (n: number) => (Number.isFinite(n) ? n.toLocaleString(locale) : "?");
  if (kind === "single") return t("form.hint.single");
  if (kind === "score") {
    // The range comes from lists (score-range-editor.tsx): always numbers, never "?".
    const { min, max } = scoreRange;
    return `${t("form.hint.score", { min, max })} ${t("form.hint.scoreEnds", { min, max })}`;
  }
  if (kind === "multi")
    return minChoices === maxChoices
      ? t("form.hint.exactly", { count: shown(minChoices) })
      : t("form.hint.between", { min: shown(minChoices), max: shown(maxChoices) });
  return t("form.hint.ranked", { max: shown(maxChoices) });
}

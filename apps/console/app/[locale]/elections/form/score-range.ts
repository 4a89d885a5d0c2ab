import type { Translate } from "../../../../i18n/english";
import type { ScoreRangeDraft } from "./draft";

/**
 * The whole-number scores a score question lets voters give each option: the engine's rules
 * (vote-engine election/score-range.ts), repeated here since the console reaches the engine only
 * through the API. Every score is a button on the ballot, so the range stays small.
 */

/** What a score question that names no range has: STAR's own, 0 to 5, as the engine reads it. */
export { DEFAULT_SCORE_RANGE } from "@landslide/api/client";

/** The lowest scores the engine takes (0, or 1 for a 1-to-n rating). */
export const LOWEST_SCORES: readonly number[] = [0, 1];

/** The highest scores the engine takes: 1 to 10. */
export const HIGHEST_SCORES: readonly number[] = Array.from({ length: 10 }, (_, i) => i + 1);

/** Every score of the range, lowest first; none while the range is not one (validate.ts says why). */
export function scoresIn({ min, max }: ScoreRangeDraft): number[] {
  if (!LOWEST_SCORES.includes(min) || !HIGHEST_SCORES.includes(max) || min >= max) return [];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** What is wrong with a range, in the official's words; undefined when the engine would take it. */
export function scoreRangeProblem({ min, max }: ScoreRangeDraft, t: Translate): string | undefined {
  if (!LOWEST_SCORES.includes(min) || !HIGHEST_SCORES.includes(max)) return t("form.problems.scoreRangeLimits");
  if (min >= max) return t("form.problems.scoreRangeEmpty", { min, max });
  return undefined;
}

import type { MethodName } from "../tally/counting/counting-method";

/**
 * What a question means when it leaves something out, without zod or anything else a browser page
 * would rather not load: the web apps read these through the API's client, so that the ballot, the
 * console's builder and the results pages say what the engine counts.
 */

/** The kinds of question (definition.ts, questionKinds). */
type QuestionKind = "single" | "multi" | "ranked" | "score";

/** What each kind of question is counted by when it names no method: one seat each. */
export const USUAL_METHOD: Readonly<Record<QuestionKind, MethodName>> = Object.freeze({
  single: "plurality",
  multi: "approval",
  ranked: "instant-runoff",
  score: "score",
});

/** The whole-number scores a score question lets a voter give each option, lowest to highest. */
export interface ScoreRangeOf {
  readonly min: number;
  readonly max: number;
}

/** STAR voting's own range, and the one a score question takes when it names none. */
export const DEFAULT_SCORE_RANGE: ScoreRangeOf = Object.freeze({ min: 0, max: 5 });

/** A score question's range: its own, or the default. */
export function scoreRangeOf(question: { readonly scoreRange?: ScoreRangeOf | undefined }): ScoreRangeOf {
  return question.scoreRange ?? DEFAULT_SCORE_RANGE;
}

import { type ScoreRangeOf, scoreRangeOf } from "@landslide/api/client";
import type { Translate } from "../../../../i18n/english";

/**
 * A score question's answer while the ballot is filled in: the score of each option the voter
 * scored. An option left out scores the range's lowest, as the vote engine reads it
 * (packages/vote-engine, ballot/validate-ballot.ts), so the answer is sent as it is kept.
 */
export interface ScoreAnswer {
  readonly scores: Readonly<Record<string, number>>;
}

/** The whole-number scores a question lets a voter give, lowest to highest; its range or the engine's default. */
export type ScoreRange = ScoreRangeOf;
export { scoreRangeOf };

/** Every score of the range, lowest first: one radio button each. */
export function scoresIn(range: ScoreRange): number[] {
  return Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
}

/** The scores kept so far; none for an abstention or an answer of another form. */
export function scoresOf(answer: unknown): Readonly<Record<string, number>> {
  return typeof answer === "object" && answer !== null && "scores" in answer ? (answer as ScoreAnswer).scores : {};
}

/** The answer with one option's score changed (an abstention gives way to it, as a choice does). */
export function withScore(answer: unknown, optionId: string, score: number): ScoreAnswer {
  return { scores: { ...scoresOf(answer), [optionId]: score } };
}

/**
 * Whether the question is answered: the engine refuses a ballot where no option scores above the
 * lowest (every option would score the same, saying nothing), so the form asks for one first.
 */
export function scoreAnswered(answer: unknown, range: ScoreRange): boolean {
  return Object.values(scoresOf(answer)).some((score) => score > range.min);
}

/**
 * Each option's score in words, in ballot order, those left out at the lowest (what they count
 * as): "Nashville: 5 of 5, Memphis: 0 of 5".
 */
export function scoresInWords(
  question: {
    readonly scoreRange?: ScoreRange | undefined;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  },
  answer: unknown,
  t: Translate,
): string {
  const range = scoreRangeOf(question);
  const scores = scoresOf(answer);
  return question.options
    .map((o) => t("review.scoreItem", { option: o.label, score: scores[o.id] ?? range.min, max: range.max }))
    .join(t("review.separator"));
}

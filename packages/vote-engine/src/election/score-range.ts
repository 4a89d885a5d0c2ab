import { z } from "zod";

/**
 * The whole-number scores a score question lets a voter give each option, lowest to highest.
 * Small on purpose: every score is a button on the ballot, so at most eleven (0 to 10), and the
 * lowest is 0 or 1 (the ranges people score on: 0 to 5 for STAR, 0 to 10 or 1 to 5 for ratings).
 */
export const scoreRangeSchema = z
  .object({
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(1).max(10),
  })
  .strict()
  .refine((range) => range.min < range.max, { error: "the lowest score must be below the highest" });

export type ScoreRange = z.infer<typeof scoreRangeSchema>;

/** STAR voting's own range, and the one a score question takes when it names none. */
export const DEFAULT_SCORE_RANGE: ScoreRange = Object.freeze({ min: 0, max: 5 });

/** A score question's range: its own, or the default. */
export function scoreRangeOf(question: { readonly scoreRange?: ScoreRange | undefined }): ScoreRange {
  return question.scoreRange ?? DEFAULT_SCORE_RANGE;
}

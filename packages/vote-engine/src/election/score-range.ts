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

// The default range and the lookup live where browsers can read them without zod.
export { DEFAULT_SCORE_RANGE, scoreRangeOf } from "./ballot-defaults";

import { z } from "zod";

const optionIds = z.array(z.string()).readonly();

/**
 * A stored or published answer (validate-ballot.ts, CanonicalAnswer), read back from outside the
 * process: the votes stream and the audit bundle parse with this one schema.
 */
export const canonicalAnswerSchema = z.union([
  z.literal("abstain"),
  z.object({ choices: optionIds }).strict(),
  z.object({ ranking: optionIds }).strict(),
  z.object({ scores: z.record(z.string(), z.number().int()).readonly() }).strict(),
]);

/** A canonical ballot: per question, in the election's order, its id and its answer. */
export const canonicalBallotSchema = z.array(z.tuple([z.string(), canonicalAnswerSchema]).readonly()).readonly();

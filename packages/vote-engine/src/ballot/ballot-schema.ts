import { z } from "zod";

/** The most answers, choices and bytes a ballot may carry: bounds work before any rule runs. */
export const BALLOT_LIMITS = { questions: 50, choicesPerAnswer: 50, bytes: 16_384 } as const;

const optionId = z.string().min(1).max(40);

// A score is checked against its question's range later; this bound only keeps the numbers small.
const scores = z
  .record(optionId, z.number().min(-1000).max(1000))
  .refine((given) => Object.keys(given).length <= BALLOT_LIMITS.choicesPerAnswer, {
    error: `at most ${BALLOT_LIMITS.choicesPerAnswer} scores`,
  });

// Choices first: nearly every answer is one, and the union stops at the first form that fits.
export const answerSchema = z.union([
  z.object({ choices: z.array(optionId).max(BALLOT_LIMITS.choicesPerAnswer) }).strict(),
  z.object({ abstain: z.literal(true) }).strict(),
  z.object({ scores }).strict(),
]);

/**
 * A ballot as a voter submits it: per question id, either the chosen option ids (in preference
 * order for ranked questions), a score per option (score questions; an option left out scores
 * the lowest), or an explicit abstention.
 */
export const ballotSchema = z
  .object({
    answers: z.record(z.string().min(1).max(40), answerSchema),
  })
  .strict();

export type Answer = z.infer<typeof answerSchema>;
export type Ballot = z.infer<typeof ballotSchema>;

import { z } from "zod";
import { USUAL_METHOD } from "./ballot-defaults";
import { countingMethods, type MarksKind, methodNames, type MethodName } from "../tally/counting";

/**
 * How a question is counted: the counting method (tally/counting, one file each) and the seats it
 * fills. A question that names none counts as its kind always has: one choice by plurality,
 * several by approval, a ranking by instant runoff, scores by score voting, one seat each.
 */
export const questionCountingSchema = z
  .object({
    method: z.enum(methodNames),
    seats: z.number().int().min(1).max(49),
    /** Instant runoff only: eliminate at once every option that cannot win, as certified tabulators may. */
    batchElimination: z.boolean().optional(),
  })
  .strict();

export type QuestionCounting = z.infer<typeof questionCountingSchema>;

type QuestionKind = "single" | "multi" | "ranked" | "score";

/** The question kinds whose ballots carry the marks a method reads. Plurality reads exactly one choice, approval several. */
const KINDS_BY_MARKS: Readonly<Record<MarksKind, (method: MethodName) => readonly QuestionKind[]>> = {
  choices: (method) => (method === "plurality" ? ["single"] : ["multi"]),
  ranking: () => ["ranked"],
  scores: () => ["score"],
};

/** The question's method and seats, its kind's default when it names none. */
export function countingOf(question: {
  readonly kind: QuestionKind;
  readonly counting?: QuestionCounting | undefined;
}): QuestionCounting {
  return question.counting ?? { method: USUAL_METHOD[question.kind], seats: 1 };
}

/** What is wrong with a question's counting, in one sentence an official can act on; undefined when nothing is. */
export function countingProblem(question: {
  readonly kind: QuestionKind;
  readonly options: readonly unknown[];
  readonly counting?: QuestionCounting | undefined;
}): string | undefined {
  if (!question.counting) return undefined;
  const { method, seats, batchElimination } = question.counting;
  const { marks, multiSeat } = countingMethods[method];
  const kinds = KINDS_BY_MARKS[marks](method);
  if (!kinds.includes(question.kind))
    return `${method} counts ${kinds.join(" or ")} questions, not ${question.kind} ones`;
  if (!multiSeat && seats !== 1) return `${method} fills one seat`;
  if (seats >= question.options.length) return "a question needs more options than seats";
  if (batchElimination !== undefined && method !== "instant-runoff") return "batch elimination is for instant runoff";
  return undefined;
}

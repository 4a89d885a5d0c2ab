import { z } from "zod";
import type { Sha256 } from "../audit/sha256";
import { fail, ok, type Result } from "../result";
import { lotTieBreaker, optionOrderTieBreaker, recordedDrawTieBreaker, type TieBreaker } from "../tally/counting";
import { plainText } from "./plain-text";
import { elementId } from "./text-fields";

/**
 * How an election settles a tie its methods' own rules leave open, declared before it opens so
 * that nobody chooses after seeing the votes (tally/counting/tie-breakers.ts):
 * - "option-order": the option first in the ballot's order is favoured (the default);
 * - "lot": drawn from a seed published with the election, a fresh draw per decision;
 * - "recorded-draw": an official's draw (cards, a hat), the whole order of each question's options.
 */
export const tieRuleSchema = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("option-order") }).strict(),
  z
    .object({
      rule: z.literal("lot"),
      // Long enough that nobody guesses it before it is published; written, not generated, so an observer can bring one.
      seed: z.string().trim().min(16).max(200).check(plainText("tie seed")),
    })
    .strict(),
  z
    .object({
      rule: z.literal("recorded-draw"),
      /** By question id: every option of the question, first drawn first. */
      draws: z.record(elementId, z.array(elementId).min(2).max(50)),
    })
    .strict(),
]);

export type TieRule = z.infer<typeof tieRuleSchema>;

const OPTION_ORDER: TieRule = { rule: "option-order" };

/** The election's tie rule, the option order when it declares none. */
export function tieRuleOf(election: { readonly tieRule?: TieRule | undefined }): TieRule {
  return election.tieRule ?? OPTION_ORDER;
}

/**
 * Checks a recorded draw against the election's questions: it orders each question's options
 * exactly, since one missing could not settle a tie it was in. Called where definitions come in
 * (the API, a ballot file), beside checkTranslations: a refinement on the definition's schema
 * would stop the callers from extending it.
 */
export function checkTieRule(election: {
  readonly tieRule?: TieRule | undefined;
  readonly questions: ReadonlyArray<{ readonly id: string; readonly options: ReadonlyArray<{ readonly id: string }> }>;
}): Result<true> {
  const rule = tieRuleOf(election);
  if (rule.rule !== "recorded-draw") return ok(true);
  const refuse = (message: string, questionId: string) =>
    fail("INVALID_TIE_RULE", message, { path: ["tieRule", "draws", questionId], questionId });
  for (const id of Object.keys(rule.draws)) {
    if (!election.questions.some((q) => q.id === id))
      return refuse(`The recorded draw names the question "${id}", which the election does not ask.`, id);
  }
  for (const question of election.questions) {
    const drawn = rule.draws[question.id];
    if (!drawn) return refuse(`The recorded draw has no order for the question "${question.id}".`, question.id);
    const options = question.options.map((o) => o.id);
    if (drawn.length !== options.length || !options.every((id) => drawn.includes(id)))
      return refuse(
        `The recorded draw for the question "${question.id}" must list each of its options once.`,
        question.id,
      );
  }
  return ok(true);
}

/**
 * The tie breaker one question is counted with. A lot hashes with `sha256`, which the caller
 * brings (node:crypto on servers, a pure one in browsers); the other rules need none.
 */
export function tieBreakerFor(
  election: { readonly tieRule?: TieRule | undefined },
  question: { readonly id: string; readonly options: ReadonlyArray<{ readonly id: string }> },
  sha256: Sha256 | undefined,
): TieBreaker {
  const rule = tieRuleOf(election);
  switch (rule.rule) {
    case "option-order":
      return optionOrderTieBreaker(question.options.map((o) => o.id));
    case "lot":
      if (!sha256) throw new Error("counting an election whose ties go by lot needs a SHA-256");
      // The question's id makes each question's draws its own.
      return prefixedContext(lotTieBreaker(rule.seed, sha256), question.id);
    case "recorded-draw":
      return recordedDrawTieBreaker(rule.draws[question.id] ?? []);
  }
}

function prefixedContext(breaker: TieBreaker, questionId: string): TieBreaker {
  return { rule: breaker.rule, order: (tied, context) => breaker.order(tied, `${questionId}\n${context}`) };
}

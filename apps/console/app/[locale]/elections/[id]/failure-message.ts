import { type ApiRefusal, refusalOf } from "@landslide/api/client";
import type { Translate } from "../../../../i18n/english";
import { wordsOf } from "../../../../i18n/words";

/**
 * A refusal in the page's language: its reason's words (the messages' `words.refusal`); the
 * API's own message (English) only for a reason this console has no words for yet.
 */
export function refusalSentence(refusal: ApiRefusal, t: Translate): string {
  return wordsOf(t, "refusal")(refusal.reason).help || refusal.message;
}

/**
 * What to tell an official when a call failed: the refusal's words, a plain sentence when the API
 * refused the input's shape (its message is then a raw validation dump), and the fallback when
 * no answer came at all.
 */
export function failureMessage(error: unknown, fallback: string, t: Translate): string {
  const refusal = refusalOf(error);
  if (!refusal) return fallback;
  if (refusal.reason === "INVALID_INPUT") return t("election.inputRefused");
  return refusalSentence(refusal, t);
}

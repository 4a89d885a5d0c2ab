import { refusalOf } from "@landslide/api/client";

/**
 * What to tell an official when a call failed: the API's own message for a refusal, a plain
 * sentence when it refused the input's shape (its message is then a raw validation dump), and
 * the fallback when no answer came at all.
 */
export function failureMessage(error: unknown, fallback: string): string {
  const refusal = refusalOf(error);
  if (!refusal) return fallback;
  if (refusal.reason === "INVALID_INPUT") return "The API refused what was sent; check the fields and try again.";
  return refusal.message;
}

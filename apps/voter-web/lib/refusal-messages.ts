import { isKnownRefusal, type RefusalReason, refusalOf } from "@landslide/api/client";
import type { MessageKey, Translate } from "../i18n/english";
import { PasskeyCeremonyError } from "./browser-passkeys";

/**
 * What a voter reads for every reason the API can give, in the page's language: the messages'
 * `refusals` namespace, keyed by the reason. Each function takes the page's translator last
 * (useTranslations(); tests give i18n/english.ts's): the messages are never bundled twice.
 */

/**
 * The message of a reason. Every reason the API has words for has the voter's words too: a reason
 * added to the API without them in messages/en.json fails the typecheck here (and
 * test/messages.test.ts holds every other language to English).
 */
const refusalKey = (reason: RefusalReason) => `refusals.${reason}` as const satisfies MessageKey;

/** The reason in a voter's words, else the caller's fallback (the API's message) for a reason this version does not know. */
export function refusalMessage(reason: string | undefined, fallback: string, t: Translate): string {
  if (!reason) return fallback;
  if (isKnownRefusal(reason)) return t(refusalKey(reason));
  return fallback;
}

/** What went wrong with a passkey, in words a voter can act on. */
export function passkeyProblem(error: PasskeyCeremonyError, t: Translate): string {
  return t(`passkey.problems.${error.problem}`);
}

/** Why a cast did not go through: the passkey did not sign it (nothing was sent), the API refused it, or no answer came. */
export function castFailureMessage(error: unknown, t: Translate): string {
  if (error instanceof PasskeyCeremonyError) return t("cast.passkeyFailed", { problem: passkeyProblem(error, t) });
  const refusal = refusalOf(error);
  return refusalMessage(refusal?.reason, refusal ? refusal.message : t("cast.offline"), t);
}

/** Why a sign-up was refused before Cognito was asked (the vote API's sign-up ticket), in plain words. */
export function signUpRefusalMessage(
  reason: string | undefined,
  details: Readonly<Record<string, unknown>> | undefined,
  fallback: string,
  t: Translate,
): string {
  if (reason === "RATE_LIMITED") {
    const seconds = typeof details?.retryAfterSeconds === "number" ? details.retryAfterSeconds : 600;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const from = details?.scope === "device" ? "device" : details?.scope === "e-mail domain" ? "domain" : "network";
    return t("signUpRefusal.rateLimited", { from, minutes });
  }
  if (reason?.startsWith("CHALLENGE_")) return t("signUpRefusal.challenge");
  return refusalMessage(reason, fallback, t);
}

import { isKnownRefusal, type RefusalReason, refusalOf, refusalWords } from "@landslide/api/client";
import { PasskeyCeremonyError } from "./browser-passkeys";

/**
 * What a voter reads for the reasons a voter meets, said for the voter and the ballot in hand.
 * Any other reason the API knows reads in its shared words (@landslide/api/client's refusalWords).
 */
const messages: Partial<Record<RefusalReason, string>> = {
  ALREADY_VOTED: "You have already voted in this election.",
  ELECTION_NOT_OPEN: "This election is not open for voting right now.",
  ELECTION_CLOSED: "This election has closed; no more ballots are accepted.",
  NOT_ELIGIBLE:
    "You are not on the voter roll of this election. If you think this is wrong, contact the election office.",
  RATE_LIMITED: "Too many attempts from your network just now. Wait a minute, then try again: your ballot is kept.",
  RISK_REFUSED:
    "We could not accept a ballot from this device or network. Try again from your own device, or contact the election office.",
  TOKEN_EXPIRED: "Your session has ended. Sign in again to cast your ballot.",
  DEVICE_LIMIT: "This account is already used on five devices; vote from one of them.",
  CHALLENGE_UNAVAILABLE: "A check that keeps bots out did not answer. Try again in a moment: your ballot is kept.",
  // The edge's WAF refused the call: the browser check this page passed on opening has expired (or never ran).
  EDGE_CHALLENGE_REQUIRED:
    "This page's check that keeps bots out has expired, so nothing was sent. Reload the page, then try again.",
  IDEMPOTENCY_KEY_REUSED: "This ballot changed after it was sent. Reload the page and cast it again.",
  ELECTION_STATE_STALE:
    "We could not confirm just now that voting is still open. Try again in a moment: your ballot is kept.",
  INPUT_TOO_DEEP: "This ballot could not be read. Reload the page and cast it again.",
  INPUT_TOO_LARGE: "This ballot could not be read. Reload the page and cast it again.",
  PASSKEY_REQUIRED:
    "This election only accepts ballots from a device with a passkey. Add a passkey on this device, then cast your ballot again: your answers are kept.",
  PASSKEY_INVALID:
    "Your passkey's signature on this ballot could not be checked, so the ballot was not counted. Cast it again; if this keeps happening, add your passkey again on this device.",
  DISPOSABLE_EMAIL: "Use an e-mail address you keep: addresses from throwaway mail services cannot sign up.",
  ELECTION_NOT_FOUND: "There is no election at this address. Go back to all elections and choose one from the list.",
  TOKEN_MISSING: "Sign in to cast your ballot.",
  TOKEN_INVALID: "Your sign-in could not be checked. Sign in again to cast your ballot.",
  OVERLOADED: "Voting is very busy right now. Wait a moment, then try again: your ballot is kept.",
  INTERNAL: "Something went wrong on our side. Try again in a moment: your ballot is kept.",
};

/** The reason in a voter's words: this site's own, else the shared words, else the caller's fallback (the API's message). */
export function refusalMessage(reason: string | undefined, fallback: string): string {
  if (!reason) return fallback;
  if (isKnownRefusal(reason)) return messages[reason] ?? refusalWords(reason).help;
  return fallback;
}

/** Why a cast did not go through: the passkey did not sign it (nothing was sent), the API refused it, or no answer came. */
export function castFailureMessage(error: unknown): string {
  if (error instanceof PasskeyCeremonyError)
    return `${error.message} Your ballot was not sent. Cast it again, and confirm with your fingerprint, face or screen lock when asked.`;
  const refusal = refusalOf(error);
  return refusalMessage(
    refusal?.reason,
    refusal
      ? refusal.message
      : "Your ballot could not be sent: check your connection and try again. Sending it again will never count it twice.",
  );
}

/** Why a sign-up was refused before Cognito was asked (the vote API's sign-up ticket), in plain words. */
export function signUpRefusalMessage(
  reason: string | undefined,
  details: Readonly<Record<string, unknown>> | undefined,
  fallback: string,
): string {
  if (reason === "RATE_LIMITED") {
    const seconds = typeof details?.retryAfterSeconds === "number" ? details.retryAfterSeconds : 600;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const from =
      details?.scope === "device"
        ? "this device"
        : details?.scope === "e-mail domain"
          ? "your e-mail domain"
          : "your network";
    return `Too many sign-ups from ${from}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (reason?.startsWith("CHALLENGE_")) return "The check that keeps bots out did not pass. Try again in a moment.";
  return refusalMessage(reason, fallback);
}

import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { ErrorCode } from "@landslide/vote-engine";
import type { TokenRejection } from "../../auth/verify-access-token";
import type { ProofRefusal } from "../../device/verify-proof";
import type { HumanCheckRefusal } from "../../human-check/human-check";
import { type Words, wordsIn } from "./words";

/**
 * The reasons the routers, the HTTP layer and the edge (infra's WAF rules) give as plain string
 * literals, not through a union of their own. test/refusal-words.test.ts reads the source for
 * every such literal, so one added there without words here fails that test.
 */
type LiteralReason =
  | "AUDIT_NOT_READY"
  | "DEVICE_LIMIT"
  | "DEVICE_NOT_REGISTERED"
  | "DISPOSABLE_EMAIL"
  | "EDGE_CHALLENGE_REQUIRED"
  | "ELECTION_CHANGED"
  | "ELECTION_EXISTS"
  | "FRAUD_CASES_OPEN"
  | "IMPORT_INCOMPLETE"
  | "INTERNAL"
  | "INVALID_CURSOR"
  | "INVALID_INPUT"
  | "MAIL_SUPPRESSED"
  | "NETWORK_LIST_NOT_FOUND"
  | "NO_EMAIL_ADDRESS"
  | "NO_VOTE"
  | "NOT_A_ROLL_ELECTION"
  | "OVERLOADED"
  | "PASSKEY_INVALID"
  | "RATE_LIMITED"
  | "REMINDER_AFTER_CLOSE"
  | "REMINDER_NOT_FOUND"
  | "RESULTS_NOT_FINAL"
  | "RISK_REFUSED"
  | "ROLE_REQUIRED"
  | "STORE_UNAVAILABLE"
  | "TOO_MANY_STREAMS"
  | "UNSUBSCRIBE_LINK_INVALID";

/**
 * Every `error.data.reason` the vote API, the control API and the results service can send: the
 * engine's error codes, the guards' unions, the literals above, and tRPC's own codes (the reason
 * of an error no guard named). Keyed by every one, so a new code in a union does not compile
 * without its words.
 */
export type RefusalReason =
  ErrorCode | HumanCheckRefusal | ProofRefusal | TokenRejection | LiteralReason | TRPC_ERROR_CODE_KEY;

const tryAgain = "Try again in a moment.";

const WORDS: Record<RefusalReason, Words> = {
  // ---- the ballot
  INVALID_BALLOT: { label: "Ballot not readable", help: "The ballot was not in a form the election accepts." },
  BALLOT_TOO_LARGE: { label: "Ballot too large", help: "The ballot holds more than any ballot of this election can." },
  UNKNOWN_QUESTION: { label: "Unknown question", help: "The ballot answers a question this election does not ask." },
  MISSING_ANSWER: { label: "Question not answered", help: "Every question of this ballot needs an answer." },
  UNKNOWN_OPTION: { label: "Unknown choice", help: "The ballot picks a choice this question does not offer." },
  DUPLICATE_OPTION: { label: "Choice given twice", help: "The ballot picks the same choice more than once." },
  TOO_FEW_CHOICES: { label: "Too few choices", help: "A question has fewer choices picked than it asks for." },
  TOO_MANY_CHOICES: { label: "Too many choices", help: "A question has more choices picked than it allows." },
  ABSTAIN_NOT_ALLOWED: {
    label: "Blank answer not allowed",
    help: "This election does not accept a question left blank.",
  },
  // ---- the election
  ELECTION_NOT_FOUND: { label: "Election not found", help: "There is no election at this address." },
  ELECTION_NOT_OPEN: { label: "Voting not open", help: "This election is not open for voting right now." },
  ELECTION_CLOSED: { label: "Voting closed", help: "This election has closed; no more ballots are accepted." },
  INVALID_TRANSITION: {
    label: "Step not possible now",
    help: "The election cannot go from where it stands to the step asked for.",
  },
  ELECTION_INVALID: {
    label: "Election incomplete",
    help: "The election's definition is not complete enough for this step.",
  },
  INVALID_TRANSLATION: {
    label: "Translation does not fit",
    help: "A translation is in the election's own language, or names a question or choice the election does not have.",
  },
  INVALID_TIE_RULE: {
    label: "Tie rule does not fit",
    help: "The recorded draw leaves out an option of a question, or names a question the election does not have.",
  },
  QUESTIONS_LOCKED: {
    label: "Questions frozen",
    help: "The questions can no longer change once voting has been scheduled or begun.",
  },
  RECOUNT_MISMATCH: {
    label: "Recount differs",
    help: "The recount does not match the live count, so the result cannot be certified yet.",
  },
  ELECTION_NOT_CLOSED_YET: {
    label: "Election still open",
    help: "This is only possible once the election has closed.",
  },
  ELECTION_STATE_STALE: {
    label: "Could not confirm voting is open",
    help: `We could not confirm just now that voting is still open. ${tryAgain}`,
  },
  ELECTION_CHANGED: {
    label: "Changed by someone else",
    help: "Someone changed this election a moment ago. Reload and try again.",
  },
  ELECTION_EXISTS: { label: "Election already exists", help: "An election with this identifier already exists." },
  FRAUD_CASES_OPEN: {
    label: "Held ballots undecided",
    help: "Decide every held ballot in fraud review before certifying.",
  },
  RESULTS_NOT_FINAL: {
    label: "Results not final yet",
    help: "The final result and its audit record are published when the election closes.",
  },
  // ---- mail
  NO_EMAIL_ADDRESS: {
    label: "No e-mail address",
    help: "This account has no confirmed e-mail address to send to.",
  },
  NO_VOTE: {
    label: "No vote to send",
    help: "There is no vote of yours in this election, so there is no receipt to send.",
  },
  MAIL_SUPPRESSED: {
    label: "E-mail turned off",
    help: "This address asked for no more e-mail from Landslide, or mail to it could not be delivered.",
  },
  UNSUBSCRIBE_LINK_INVALID: {
    label: "Link not recognised",
    help: "This unsubscribe link is not one Landslide sent, or it was cut short. Open the link in the message again.",
  },
  NOT_A_ROLL_ELECTION: {
    label: "No voter roll",
    help: "Reminders go to the addresses on a voter roll; this election is open to any signed-in voter.",
  },
  REMINDER_AFTER_CLOSE: { label: "After voting closes", help: "A reminder must go out before voting closes." },
  REMINDER_NOT_FOUND: {
    label: "Reminder not found",
    help: "No scheduled reminder of this election has that id. It may have gone out already.",
  },
  INVALID_CURSOR: { label: "Page not found", help: "That position in the list is not one the list gave out." },
  AUDIT_NOT_READY: {
    label: "Audit record not ready",
    help: "The audit record is still being completed. Try again shortly.",
  },
  // ---- casting
  ALREADY_VOTED: { label: "Already voted", help: "This account has already cast a ballot in this election." },
  IDEMPOTENCY_KEY_REUSED: {
    label: "Ballot changed after sending",
    help: "A different ballot was sent under the same attempt. Reload the page and cast it again.",
  },
  INVALID_IDEMPOTENCY_KEY: {
    label: "Attempt not recognised",
    help: "The attempt's key was not in the expected form. Reload the page and try again.",
  },
  NOT_ELIGIBLE: {
    label: "Not on the voter roll",
    help: "This account is not on the voter roll of this election. If you think this is wrong, contact the election office.",
  },
  PASSKEY_REQUIRED: {
    label: "Passkey needed",
    help: "This election only accepts ballots from a device with a passkey.",
  },
  PASSKEY_INVALID: {
    label: "Passkey not confirmed",
    help: "The passkey's signature could not be checked. Try again, or add the passkey again on this device.",
  },
  REQUEST_REPLAYED: {
    label: "Sent twice",
    help: "This exact request was already received once; it was not counted again.",
  },
  RISK_REFUSED: {
    label: "Refused as likely automated",
    help: "A ballot from this device or network looked automated and was not accepted. Try again from your own device, or contact the election office.",
  },
  RATE_LIMITED: {
    label: "Too many attempts",
    help: "Too many attempts in a short time. Wait a minute, then try again.",
  },
  DEVICE_LIMIT: {
    label: "Too many devices",
    help: "This account is already used on as many devices as allowed; use one of them.",
  },
  DEVICE_NOT_REGISTERED: {
    label: "Device not set up",
    help: "This device has not been set up for voting yet. Reload the page to set it up.",
  },
  // ---- fraud review
  VOTE_NOT_FOUND: { label: "Ballot not found", help: "No ballot of this election matches." },
  NOT_QUARANTINED: { label: "Not held", help: "This ballot is not held for review, so there is nothing to decide." },
  NOT_COUNTED: { label: "Not counted", help: "This ballot is not counted, so it cannot be taken back for review." },
  // ---- the human check
  CHALLENGE_REQUIRED: {
    label: "Bot check missing",
    help: "The check that keeps bots out did not come with the request. Reload the page and try again.",
  },
  CHALLENGE_INVALID: {
    label: "Bot check failed",
    help: "The check that keeps bots out did not pass. Reload the page and try again.",
  },
  CHALLENGE_EXPIRED: {
    label: "Bot check expired",
    help: "The check that keeps bots out took too long and expired. Try again.",
  },
  CHALLENGE_REUSED: {
    label: "Bot check already used",
    help: "Each check that keeps bots out works once. Try again for a new one.",
  },
  CHALLENGE_TOO_EASY: {
    label: "Bot check too easy",
    help: "The check solved was easier than the one this request needs. Try again.",
  },
  CHALLENGE_UNAVAILABLE: {
    label: "Bot check unavailable",
    help: `The check that keeps bots out did not answer. ${tryAgain}`,
  },
  EDGE_CHALLENGE_REQUIRED: {
    label: "Page check expired",
    help: "The browser check this page passed when it opened has expired. Reload the page, then try again.",
  },
  // ---- the device proof and the input
  PROOF_MISSING: {
    label: "Device signature missing",
    help: "The request was not signed by this device's key. Reload the page and try again.",
  },
  PROOF_INVALID: {
    label: "Device signature invalid",
    help: "The request's device signature did not check out. Reload the page and try again.",
  },
  PROOF_STALE: {
    label: "Device clock off",
    help: "The request's device signature is too old. Check that this device's clock is right.",
  },
  PROOF_REPLAYED: {
    label: "Sent twice",
    help: "This exact request was already received once; send a new one.",
  },
  INPUT_TOO_DEEP: { label: "Request not readable", help: "What was sent is nested deeper than any request needs." },
  INPUT_TOO_LARGE: { label: "Request too large", help: "What was sent holds more items than any request needs." },
  INVALID_INPUT: {
    label: "Fields not valid",
    help: "Some of what was sent is not valid. Check the fields and try again.",
  },
  // ---- signing in and roles
  TOKEN_MISSING: { label: "Not signed in", help: "Sign in first." },
  TOKEN_EXPIRED: { label: "Session ended", help: "Your session has ended. Sign in again." },
  TOKEN_INVALID: { label: "Sign-in not recognised", help: "Your sign-in could not be checked. Sign in again." },
  ROLE_REQUIRED: { label: "Not permitted", help: "Your account does not have the role this needs." },
  DISPOSABLE_EMAIL: {
    label: "Throwaway e-mail address",
    help: "Addresses from throwaway mail services cannot sign up. Use an e-mail address you keep.",
  },
  // ---- operators
  IMPORT_INCOMPLETE: {
    label: "Import incomplete",
    help: "Some parts of this import never arrived. Run the import again.",
  },
  NETWORK_LIST_NOT_FOUND: { label: "Network list not found", help: "There is no network list with this name." },
  // ---- load and failures
  OVERLOADED: { label: "Busy", help: `The service is busy. ${tryAgain}` },
  STORE_UNAVAILABLE: {
    label: "Storage unavailable",
    help: `The service cannot reach its data store just now. ${tryAgain}`,
  },
  TOO_MANY_STREAMS: {
    label: "Too many live views",
    help: "This address already follows as many live results as allowed. Close one first.",
  },
  INTERNAL: { label: "Something went wrong", help: `Something went wrong on our side. ${tryAgain}` },
  // ---- tRPC's own codes: the reason of an error that no guard named more precisely
  PARSE_ERROR: { label: "Request not readable", help: "What was sent could not be read." },
  BAD_REQUEST: { label: "Request not valid", help: "What was sent is not valid." },
  INTERNAL_SERVER_ERROR: { label: "Something went wrong", help: `Something went wrong on our side. ${tryAgain}` },
  NOT_IMPLEMENTED: { label: "Not available", help: "This is not available on this server." },
  BAD_GATEWAY: { label: "Service unreachable", help: `A service did not answer properly. ${tryAgain}` },
  SERVICE_UNAVAILABLE: { label: "Service unavailable", help: `The service is unavailable right now. ${tryAgain}` },
  GATEWAY_TIMEOUT: { label: "Service too slow", help: `A service did not answer in time. ${tryAgain}` },
  UNAUTHORIZED: { label: "Not signed in", help: "Sign in first." },
  PAYMENT_REQUIRED: { label: "Not available", help: "This is not available." },
  FORBIDDEN: { label: "Not permitted", help: "Your account may not do this." },
  NOT_FOUND: { label: "Not found", help: "What was asked for does not exist." },
  METHOD_NOT_SUPPORTED: { label: "Request not supported", help: "This kind of request is not supported here." },
  TIMEOUT: { label: "Took too long", help: `The request took too long. ${tryAgain}` },
  CONFLICT: { label: "Conflicting change", help: "This conflicts with something that already happened." },
  PRECONDITION_FAILED: { label: "Not possible now", help: "This is not possible in the current state." },
  PAYLOAD_TOO_LARGE: { label: "Request too large", help: "What was sent is larger than any request may be." },
  UNSUPPORTED_MEDIA_TYPE: { label: "Format not supported", help: "What was sent is in a format not accepted here." },
  UNPROCESSABLE_CONTENT: { label: "Request not valid", help: "What was sent could not be processed." },
  PRECONDITION_REQUIRED: { label: "Not possible now", help: "This needs a condition that was not given." },
  TOO_MANY_REQUESTS: {
    label: "Too many requests",
    help: "Too many requests in a short time. Wait a minute, then try again.",
  },
  CLIENT_CLOSED_REQUEST: { label: "Request cancelled", help: "The request was cancelled before it finished." },
};

/** A refusal's reason in plain words; a reason this version does not know gets a label made from it. */
export function refusalWords(reason: string): Words {
  return wordsIn(WORDS, reason);
}

/** Whether this version has words of its own for `reason` (and not just a label made from the code). */
export function isKnownRefusal(reason: string): reason is RefusalReason {
  return Object.hasOwn(WORDS, reason);
}

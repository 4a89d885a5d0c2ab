/**
 * Expected failures are values, not exceptions: a caller must look at `ok` before it can reach
 * the value, and maps `error.code` to its own transport (tRPC code, exit status, message).
 * Unexpected failures (a store that does not answer) still throw.
 */
export type Result<T, E extends DomainError = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export interface DomainError<C extends string = ErrorCode> {
  readonly code: C;
  readonly message: string;
  /** Machine-readable specifics, e.g. which question and option a violation is about. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <C extends ErrorCode>(code: C, message: string, details?: Record<string, unknown>) =>
  ({ ok: false, error: { code, message, ...(details ? { details } : {}) } }) as const;

/** Every expected failure of the engine, with a stable code clients may rely on. */
export const errorCodes = [
  // ballots
  "INVALID_BALLOT",
  "BALLOT_TOO_LARGE",
  "UNKNOWN_QUESTION",
  "MISSING_ANSWER",
  "UNKNOWN_OPTION",
  "DUPLICATE_OPTION",
  "TOO_FEW_CHOICES",
  "TOO_MANY_CHOICES",
  "ABSTAIN_NOT_ALLOWED",
  // elections
  "ELECTION_NOT_FOUND",
  "ELECTION_NOT_OPEN",
  "ELECTION_CLOSED",
  "INVALID_TRANSITION",
  "ELECTION_INVALID",
  "INVALID_TRANSLATION",
  "INVALID_TIE_RULE",
  "QUESTIONS_LOCKED",
  "RECOUNT_MISMATCH",
  "ELECTION_NOT_CLOSED_YET",
  "ELECTION_STATE_STALE",
  // casting
  "ALREADY_VOTED",
  "IDEMPOTENCY_KEY_REUSED",
  "INVALID_IDEMPOTENCY_KEY",
  "NOT_ELIGIBLE",
  "PASSKEY_REQUIRED",
  "REQUEST_REPLAYED",
  // review of quarantined votes
  "VOTE_NOT_FOUND",
  "NOT_QUARANTINED",
  "NOT_COUNTED",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

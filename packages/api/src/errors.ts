import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { DomainError, ErrorCode } from "@landslide/vote-engine";

/** A refusal's stable, machine-readable reason, carried to clients as `error.data.reason`. */
export class Refusal extends Error {
  override readonly name = "Refusal";
  constructor(
    readonly reason: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    /** For rate limits: sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const transportCodes: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  INVALID_BALLOT: "BAD_REQUEST",
  BALLOT_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNKNOWN_QUESTION: "BAD_REQUEST",
  MISSING_ANSWER: "BAD_REQUEST",
  UNKNOWN_OPTION: "BAD_REQUEST",
  DUPLICATE_OPTION: "BAD_REQUEST",
  TOO_FEW_CHOICES: "BAD_REQUEST",
  TOO_MANY_CHOICES: "BAD_REQUEST",
  ABSTAIN_NOT_ALLOWED: "BAD_REQUEST",
  ELECTION_NOT_FOUND: "NOT_FOUND",
  ELECTION_NOT_OPEN: "PRECONDITION_FAILED",
  ELECTION_CLOSED: "PRECONDITION_FAILED",
  INVALID_TRANSITION: "PRECONDITION_FAILED",
  ELECTION_INVALID: "PRECONDITION_FAILED",
  INVALID_TRANSLATION: "BAD_REQUEST",
  INVALID_TIE_RULE: "BAD_REQUEST",
  QUESTIONS_LOCKED: "PRECONDITION_FAILED",
  RECOUNT_MISMATCH: "PRECONDITION_FAILED",
  ELECTION_NOT_CLOSED_YET: "PRECONDITION_FAILED",
  ELECTION_STATE_STALE: "SERVICE_UNAVAILABLE",
  ALREADY_VOTED: "CONFLICT",
  IDEMPOTENCY_KEY_REUSED: "CONFLICT",
  INVALID_IDEMPOTENCY_KEY: "BAD_REQUEST",
  NOT_ELIGIBLE: "FORBIDDEN",
  PASSKEY_REQUIRED: "FORBIDDEN",
  REQUEST_REPLAYED: "UNAUTHORIZED",
  VOTE_NOT_FOUND: "NOT_FOUND",
  NOT_QUARANTINED: "PRECONDITION_FAILED",
  NOT_COUNTED: "PRECONDITION_FAILED",
};

/** The engine's expected failure as a tRPC error, keeping its code as the reason. */
export function refuse(error: DomainError): TRPCError {
  return new TRPCError({
    code: transportCodes[error.code],
    message: error.message,
    cause: new Refusal(error.code, error.message, error.details),
  });
}

export function refusal(
  code: TRPC_ERROR_CODE_KEY,
  reason: string,
  message: string,
  retryAfterSeconds?: number,
): TRPCError {
  return new TRPCError({ code, message, cause: new Refusal(reason, message, undefined, retryAfterSeconds) });
}

import { TRPCClientError } from "@trpc/client";

/**
 * When the SDK sends a cast again, and when it stops. A cast is safe to send again only because
 * every attempt carries the same idempotency key (the API answers a repeat with the first
 * receipt), so the one question here is how to wait.
 *
 * Retried: the task said it is overloaded (503 OVERLOADED, before doing anything), or unavailable
 * (other 503s, 502 and 504: a load balancer with no healthy task, a task restarting, the task's
 * data store out of reach, 503 STORE_UNAVAILABLE, while DynamoDB restarts), or there was
 * no answer at all (connection refused or reset, a body that is not the API's, no answer within
 * `attemptTimeoutMs`). Waits use "full jitter" (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform draw up to a ceiling that doubles from `baseMs` to `capMs`, so a crowd shed
 * at the same instant comes back spread out instead of as the same crowd. When the answer names a
 * Retry-After, the wait is at least that long (plus the jitter). Attempts go on until `budgetMs`
 * has passed since the first was sent: longer than a task takes to restart (about 5.4 s measured)
 * plus one ceiling, so a voter caught by a restart is answered by the new task.
 *
 * Also retried, at once and with a newly solved human check: CHALLENGE_TOO_EASY (the check's
 * difficulty rose between fetching and casting, as it does while an address is busy) and
 * CHALLENGE_EXPIRED. The voter did nothing wrong; the new check is as hard as the API now asks,
 * so nothing is bypassed, and the budget still bounds how long it goes on.
 *
 * Not retried, thrown as they came: every other answer. A 4xx is the API's decision about this
 * request and says so (ALREADY_VOTED, CHALLENGE_*, ...). That includes 429 RATE_LIMITED: its
 * Retry-After is the rest of a per-minute window, tens of seconds, too long to hold a voter's
 * button in a spinner without saying why; the voter site shows the message, which names the wait,
 * and the same idempotency key makes the voter's own retry the same cast. A 500 is a fault, not
 * a load signal; sending it again for fifteen seconds would only hide it.
 */
export interface RetryPolicy {
  /** The first wait's ceiling. */
  readonly baseMs: number;
  /** No jittered wait is longer than this (a Retry-After may add to it). */
  readonly capMs: number;
  /** No attempt is sent later than this after the first. */
  readonly budgetMs: number;
  /** An attempt unanswered this long is abandoned and sent again. */
  readonly attemptTimeoutMs: number;
}

export const CAST_RETRY_POLICY: RetryPolicy = { baseMs: 250, capMs: 4000, budgetMs: 15_000, attemptTimeoutMs: 5000 };

/** Why an attempt failed, as far as retrying is concerned. */
export type FailedAttempt =
  /** 503 OVERLOADED: shed before any work, so nothing it carried (the human check) was used up. */
  | { readonly kind: "overloaded"; readonly retryAfterMs: number | undefined }
  /** 502, 503, 504 with another reason (STORE_UNAVAILABLE, ELECTION_STATE_STALE, ...) or none. */
  | { readonly kind: "unavailable"; readonly retryAfterMs: number | undefined }
  /** No answer, or an answer that is not the API's (a proxy's error page). */
  | { readonly kind: "no-answer" }
  | { readonly kind: "timeout" }
  /** The human check was refused as too easy now, or expired: solve a new one and send again at once. */
  | { readonly kind: "stale-check" }
  /** Anything else: a refusal, a fault, a local error. */
  | { readonly kind: "final" };

export interface RetryState {
  /** Attempts sent so far (1 after the first). */
  readonly attempts: number;
  /** Since the first attempt was sent. */
  readonly elapsedMs: number;
}

/**
 * How long to wait before the next attempt, or undefined to stop and throw the last failure.
 * `random` returns [0, 1), as Math.random does; tests pass their own.
 */
export function retryDelay(
  policy: RetryPolicy,
  failure: FailedAttempt,
  state: RetryState,
  random: () => number = Math.random,
): number | undefined {
  if (failure.kind === "final") return undefined;
  const remaining = policy.budgetMs - state.elapsedMs;
  if (remaining <= 0) return undefined;
  // Solving the new check is the wait: the API asked for work, not for time.
  if (failure.kind === "stale-check") return 0;
  const retryAfterMs = "retryAfterMs" in failure ? (failure.retryAfterMs ?? 0) : 0;
  // The server asked for a longer wait than is left: stopping now says so sooner than waiting would.
  if (retryAfterMs > remaining) return undefined;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, state.attempts - 1));
  return Math.min(remaining, retryAfterMs + random() * ceiling);
}

/** Reads a failed call of the tRPC client: the API's answer (status, reason, Retry-After) or the lack of one. */
export function failedAttempt(error: unknown, now: number = Date.now()): FailedAttempt {
  if (!(error instanceof TRPCClientError)) return { kind: "final" };
  const data = error.data as { httpStatus?: number; reason?: string } | undefined;
  if (!data?.httpStatus) {
    const cause = (error as { cause?: { name?: string } }).cause;
    if (cause?.name === "TimeoutError" || cause?.name === "AbortError") return { kind: "timeout" };
    // The session could not give a token: no server is involved, and waiting will not help.
    if (cause?.name === "AuthError") return { kind: "final" };
    return { kind: "no-answer" };
  }
  if (data.reason === "CHALLENGE_TOO_EASY" || data.reason === "CHALLENGE_EXPIRED") return { kind: "stale-check" };
  if (![502, 503, 504].includes(data.httpStatus)) return { kind: "final" };
  const response = (error.meta as { response?: { headers?: { get(name: string): string | null } } } | undefined)
    ?.response;
  const retryAfterMs = parseRetryAfter(response?.headers?.get("retry-after") ?? null, now);
  return { kind: data.reason === "OVERLOADED" ? "overloaded" : "unavailable", retryAfterMs };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

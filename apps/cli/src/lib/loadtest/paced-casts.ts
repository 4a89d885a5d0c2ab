import { type CastOptions, refusalOf } from "@landslide/api/client";

/**
 * How one cast ended: counted, held for review, refused (with the API's reason), still shed
 * (503 OVERLOADED) when the SDK's retry budget ran out, or unanswered (no answer, or a 5xx).
 */
export type CastOutcome =
  | { readonly kind: "accepted" | "quarantined" }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "shed" }
  | { readonly kind: "unanswered"; readonly message: string };

type OnFailedAttempt = NonNullable<CastOptions["onFailedAttempt"]>;

/** Attempts, counted one by one: a cast the SDK sent three times is three attempts. */
export interface AttemptCounts {
  /** Every request sent: the casts, and the SDK's retries of them. */
  sent: number;
  /** Answered 503 OVERLOADED: the task turned it away before doing anything. */
  shed: number;
  /** Answered 502, 504 or a 503 other than OVERLOADED (no healthy task, a restart). */
  unavailable: number;
  /** No answer: refused connection, reset, timeout, or an answer that was not the API's. */
  unanswered: number;
  /** Refused CHALLENGE_TOO_EASY or CHALLENGE_EXPIRED: sent again with a newly solved, harder human check. */
  rechecked: number;
}

export interface CastRecord {
  readonly outcome: CastOutcome;
  /** From sending the request to its answer. */
  readonly latencyMs: number;
  /** How late the request left against its schedule: the load generator falling behind. */
  readonly lateMs: number;
}

export interface PacedRun {
  readonly records: readonly CastRecord[];
  readonly attempts: AttemptCounts;
  /** From the first request sent to the last answer received. */
  readonly elapsedMs: number;
}

/**
 * Sends `total` casts at `perSecond`, each at its own moment whether or not earlier ones have
 * been answered (an open model: voters do not wait for each other, so a slow API meets a
 * growing queue, as it would at peak). At most `maxInFlight` wait for answers at once, so the
 * generator cannot drown its own machine; when it has to wait, the lateness shows in the report.
 */
export async function pacedCasts(
  total: number,
  perSecond: number,
  maxInFlight: number,
  cast: (index: number, onFailedAttempt: OnFailedAttempt) => Promise<{ decision: string }>,
  onAnswer: (done: number) => void,
): Promise<PacedRun> {
  const records: CastRecord[] = [];
  const attempts: AttemptCounts = { sent: 0, shed: 0, unavailable: 0, unanswered: 0, rechecked: 0 };
  const onFailedAttempt: OnFailedAttempt = ({ failure, nextDelayMs }) => {
    if (failure.kind === "overloaded") attempts.shed++;
    else if (failure.kind === "unavailable") attempts.unavailable++;
    else if (failure.kind === "stale-check") attempts.rechecked++;
    else attempts.unanswered++;
    if (nextDelayMs !== undefined) attempts.sent++;
  };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const sent = performance.now();
    attempts.sent++;
    const request = cast(index, onFailedAttempt).then(
      (answer) => ({ kind: answer.decision === "quarantined" ? "quarantined" : "accepted" }) as const,
      (error: unknown): CastOutcome => {
        const refusal = refusalOf(error);
        if (refusal?.reason === "OVERLOADED") return { kind: "shed" };
        return refusal && (refusal.httpStatus ?? 0) < 500
          ? { kind: "refused", reason: refusal.reason }
          : { kind: "unanswered", message: error instanceof Error ? error.message : String(error) };
      },
    );
    const tracked: Promise<void> = request.then((outcome) => {
      records.push({ outcome, latencyMs: performance.now() - sent, lateMs: Math.max(0, sent - due) });
      inFlight.delete(tracked);
      onAnswer(records.length);
    });
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return { records, attempts, elapsedMs: performance.now() - started };
}

import { refusalOf } from "@landslide/api/client";

/** How one cast ended: counted, held for review, refused (with the API's reason), or unanswered. */
export type CastOutcome = { readonly kind: "accepted" | "quarantined" } | { readonly kind: "refused"; readonly reason: string } | { readonly kind: "unanswered"; readonly message: string };

export interface CastRecord {
  readonly outcome: CastOutcome;
  /** From sending the request to its answer. */
  readonly latencyMs: number;
  /** How late the request left against its schedule: the load generator falling behind. */
  readonly lateMs: number;
}

export interface PacedRun {
  readonly records: readonly CastRecord[];
  /** From the first request sent to the last answer received. */
  readonly elapsedMs: number;
}

/**
 * Sends `total` casts at `perSecond`, each at its own moment whether or not earlier ones have
 * been answered (an open model: voters do not wait for each other, so a slow API meets a
 * growing queue, as it would at peak). At most `maxInFlight` wait for answers at once, so the
 * generator cannot drown its own machine; when it has to wait, the lateness shows in the report.
 */
export async function pacedCasts(total: number, perSecond: number, maxInFlight: number, cast: (index: number) => Promise<{ decision: string }>, onAnswer: (done: number) => void): Promise<PacedRun> {
  const records: CastRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const sent = performance.now();
    const request = cast(index).then(
      (answer) => ({ kind: answer.decision === "quarantined" ? "quarantined" : "accepted" }) as const,
      (error: unknown): CastOutcome => {
        const refusal = refusalOf(error);
        return refusal && (refusal.httpStatus ?? 0) < 500 ? { kind: "refused", reason: refusal.reason } : { kind: "unanswered", message: error instanceof Error ? error.message : String(error) };
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
  return { records, elapsedMs: performance.now() - started };
}

import type { RouterOutputs } from "@landslide/api/client";
import type { Histogram } from "./histogram-quantile";

export type OperationsSnapshot = RouterOutputs["operator"]["snapshot"];

/** What the charts need of one snapshot: counters and histogram counts since each service started, and gauges now. */
export interface OperationsSample {
  /** When the control API took the snapshot (its clock, so rates do not depend on the browser's). */
  readonly at: number;
  readonly votes: { readonly accepted: number; readonly held: number; readonly refused: number };
  readonly castLatency: Histogram;
  /** Undefined when the service that reports it did not answer: a gap in the line, not a zero. */
  readonly lagSeconds: number | undefined;
  readonly watchers: number | undefined;
}

/** How far back the page remembers: enough to see a surge and its aftermath, little enough to keep in a tab. */
export const HISTORY_MS = 10 * 60_000;

export function sampleOf(snapshot: OperationsSnapshot): OperationsSample {
  const { metrics } = snapshot;
  return {
    at: Date.parse(snapshot.at),
    votes: { accepted: metrics.votes.accepted, held: metrics.votes.quarantined, refused: metrics.votes.refused },
    castLatency: { buckets: metrics.castLatency.buckets, count: metrics.castLatency.count },
    lagSeconds: metrics.aggregator.lagSeconds,
    watchers: metrics.resultsWatchers,
  };
}

/**
 * The history with a new sample: only a later one is new (a refetch on focus may bring the same
 * snapshot twice), and samples older than HISTORY_MS before it are dropped.
 */
export function withSample(
  history: readonly OperationsSample[],
  sample: OperationsSample,
  keepMs = HISTORY_MS,
): readonly OperationsSample[] {
  const last = history.at(-1);
  if (last && last.at >= sample.at) return history;
  return [...history.filter((s) => s.at >= sample.at - keepMs), sample];
}

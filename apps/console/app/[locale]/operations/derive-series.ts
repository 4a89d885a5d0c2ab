import { histogramBetween, histogramQuantile, type Quantile } from "./histogram-quantile";
import type { OperationsSample } from "./operations-history";

/** Percentiles and the current rates are taken over this much of the recent past: a few polls' worth of casts. */
export const WINDOW_MS = 30_000;

export interface VoteRates {
  readonly accepted: number;
  readonly held: number;
  readonly refused: number;
}

export interface Percentiles {
  readonly p50: Quantile | undefined;
  readonly p95: Quantile | undefined;
  readonly p99: Quantile | undefined;
  /** How many casts they were taken from. */
  readonly casts: number;
}

/**
 * Votes between two samples. Counters only grow while their service runs; one that went down
 * restarted (the sum over tasks drops by what that task had counted), and a negative rate would
 * be a lie: the interval counts as zero instead.
 */
export function votesBetween(earlier: OperationsSample, later: OperationsSample): VoteRates {
  const diff = (key: keyof VoteRates) => Math.max(0, later.votes[key] - earlier.votes[key]);
  return { accepted: diff("accepted"), held: diff("held"), refused: diff("refused") };
}

function perSecond(votes: VoteRates, ms: number): VoteRates {
  const seconds = ms / 1000;
  return { accepted: votes.accepted / seconds, held: votes.held / seconds, refused: votes.refused / seconds };
}

export function percentilesBetween(earlier: OperationsSample, later: OperationsSample): Percentiles {
  const window = histogramBetween(earlier.castLatency, later.castLatency);
  if (!window) return { p50: undefined, p95: undefined, p99: undefined, casts: 0 };
  return {
    p50: histogramQuantile(0.5, window),
    p95: histogramQuantile(0.95, window),
    p99: histogramQuantile(0.99, window),
    casts: window.count,
  };
}

/** The sample a window ending at `sample` starts from: the last one at least `windowMs` older, else the first kept. */
function baselineFor(history: readonly OperationsSample[], at: number, windowMs: number): OperationsSample | undefined {
  return history.findLast((s) => s.at <= at - windowMs) ?? history[0];
}

/** Votes per second and cast percentiles over the last window, or undefined before two samples. */
export function currentFigures(history: readonly OperationsSample[], windowMs = WINDOW_MS) {
  const latest = history.at(-1);
  const baseline = latest && baselineFor(history, latest.at, windowMs);
  if (!latest || !baseline || baseline === latest) return undefined;
  return {
    seconds: (latest.at - baseline.at) / 1000,
    rates: perSecond(votesBetween(baseline, latest), latest.at - baseline.at),
    percentiles: percentilesBetween(baseline, latest),
  };
}

/** A point of the charts: each sample after the first, null where there is nothing to draw (recharts leaves a gap). */
export interface ChartPoint {
  readonly at: number;
  readonly accepted: number;
  readonly held: number;
  readonly refused: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly lagSeconds: number | null;
  readonly watchers: number | null;
}

/** Votes per second between consecutive samples (bursts show); percentiles over the window before each sample (steadier). */
export function chartPoints(history: readonly OperationsSample[], windowMs = WINDOW_MS): ChartPoint[] {
  const ms = (q: Quantile | undefined) => (q ? q.seconds * 1000 : null);
  return history.slice(1).map((sample, i) => {
    const rates = perSecond(votesBetween(history[i]!, sample), sample.at - history[i]!.at);
    const percentiles = percentilesBetween(baselineFor(history, sample.at, windowMs)!, sample);
    return {
      at: sample.at,
      ...rates,
      p50Ms: ms(percentiles.p50),
      p95Ms: ms(percentiles.p95),
      p99Ms: ms(percentiles.p99),
      lagSeconds: sample.lagSeconds ?? null,
      watchers: sample.watchers ?? null,
    };
  });
}

/** One minute of the history, for the tables that say in text what the charts draw. */
export interface MinuteRow {
  /** The minute's start. */
  readonly minute: number;
  /** The minute is still going. */
  readonly current: boolean;
  readonly votes: VoteRates;
  readonly percentiles: Percentiles;
  readonly worstLagSeconds: number | undefined;
  readonly watchers: number | undefined;
}

/**
 * The history minute by minute, newest first: votes counted from the last sample before the
 * minute (or its first) to its last, percentiles over the same span, the worst lag in it and the
 * watchers at its end. A minute with a single sample and nothing before it says nothing yet.
 */
export function minuteRows(history: readonly OperationsSample[]): MinuteRow[] {
  const rows: MinuteRow[] = [];
  const latestMinute = Math.floor((history.at(-1)?.at ?? 0) / 60_000);
  let start = 0;
  while (start < history.length) {
    const minute = Math.floor(history[start]!.at / 60_000);
    let end = start;
    while (end + 1 < history.length && Math.floor(history[end + 1]!.at / 60_000) === minute) end += 1;
    const inMinute = history.slice(start, end + 1);
    const baseline = history[start - 1] ?? history[start]!;
    const last = history[end]!;
    if (baseline !== last) {
      const lags = inMinute.flatMap((s) => (s.lagSeconds === undefined ? [] : [s.lagSeconds]));
      rows.push({
        minute: minute * 60_000,
        current: minute === latestMinute,
        votes: votesBetween(baseline, last),
        percentiles: percentilesBetween(baseline, last),
        worstLagSeconds: lags.length > 0 ? Math.max(...lags) : undefined,
        watchers: last.watchers,
      });
    }
    start = end + 1;
  }
  return rows.reverse();
}

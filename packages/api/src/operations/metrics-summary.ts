/**
 * Sums the votes counters of every service's /metrics page into one view for operators. In
 * production Prometheus or CloudWatch does this over time; this answers "what now" without them.
 * Only Landslide's own series are read, in the exposition format prom-client writes.
 */
export interface MetricsSummary {
  readonly votes: { readonly accepted: number; readonly quarantined: number; readonly refused: number };
  readonly refusedByReason: Record<string, number>;
  readonly aggregator: {
    readonly applied: number;
    readonly deadLettered: number;
    readonly lagSeconds: number | undefined;
  };
  /** How long the vote API took to answer casts, since it started: the raw material of percentiles. */
  readonly castLatency: CastLatency;
  /** Live-results streams open now, summed over every task that reported (undefined when none did). */
  readonly resultsWatchers: number | undefined;
  readonly scraped: readonly { readonly service: string; readonly ok: boolean }[];
}

/**
 * A histogram as Prometheus keeps it: cumulative counts of casts answered within each bound,
 * every status together (a refusal is an answer the voter waits for too). The +Inf bucket is
 * `count`: JSON has no Infinity. Counts grow from the service's start, so the distribution over
 * a window is the difference of two snapshots' counts: the operations page, which keeps the
 * snapshots, takes the percentiles of each window from it.
 */
export interface CastLatency {
  readonly buckets: readonly { readonly le: number; readonly count: number }[];
  readonly count: number;
  readonly sumSeconds: number;
}

/** The route label the vote API gives casts (trpc-routes.ts labels tRPC calls by procedure path). */
export const CAST_ROUTE = "/trpc/voter.cast";

const SAMPLE = /^(landslide_[a-z_]+)(?:\{([^}]*)\})? ([0-9.eE+-]+|NaN|[+-]Inf)$/;
const LABEL = /([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g;

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = SAMPLE.exec(line.trim());
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? "").matchAll(LABEL)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: match[1]!, labels, value: parseValue(match[3]!) });
  }
  return samples;
}

function parseValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}

const LATENCY = "landslide_http_request_duration_seconds";

export function summarize(pages: ReadonlyArray<{ service: string; text: string | undefined }>): MetricsSummary {
  const votes = { accepted: 0, quarantined: 0, refused: 0 };
  const refusedByReason: Record<string, number> = {};
  const aggregator = { applied: 0, deadLettered: 0, lagSeconds: undefined as number | undefined };
  // Bucket counts by upper bound, summed over statuses and tasks: histograms with the same bounds add up.
  const buckets = new Map<number, number>();
  const castLatency = { count: 0, sumSeconds: 0 };
  let resultsWatchers: number | undefined;
  for (const page of pages) {
    for (const sample of parseSamples(page.text ?? "")) {
      const { name, labels, value } = sample;
      if (name === "landslide_votes_total") {
        const outcome = labels.outcome as keyof typeof votes;
        if (outcome in votes) votes[outcome] += value;
        if (outcome === "refused")
          refusedByReason[labels.reason ?? ""] = (refusedByReason[labels.reason ?? ""] ?? 0) + value;
      } else if (name === "landslide_aggregator_records_total") {
        if (labels.result === "applied") aggregator.applied += value;
        if (labels.result === "dead-lettered") aggregator.deadLettered += value;
      } else if (name === "landslide_aggregator_lag_seconds") {
        // The worst task: lag is how far behind the tally is, and the tally is only as current as its slowest writer.
        aggregator.lagSeconds = Math.max(aggregator.lagSeconds ?? 0, value);
      } else if (name === "landslide_results_watchers") {
        resultsWatchers = (resultsWatchers ?? 0) + value;
      } else if (labels.route === CAST_ROUTE) {
        if (name === `${LATENCY}_bucket` && labels.le !== "+Inf") {
          const le = Number(labels.le);
          buckets.set(le, (buckets.get(le) ?? 0) + value);
        } else if (name === `${LATENCY}_count`) castLatency.count += value;
        else if (name === `${LATENCY}_sum`) castLatency.sumSeconds += value;
      }
    }
  }
  return {
    votes,
    refusedByReason,
    aggregator,
    castLatency: {
      buckets: [...buckets].sort(([a], [b]) => a - b).map(([le, count]) => ({ le, count })),
      ...castLatency,
    },
    resultsWatchers,
    scraped: pages.map((p) => ({ service: p.service, ok: p.text !== undefined })),
  };
}

export async function scrape(url: string, timeoutMs = 2000): Promise<string | undefined> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

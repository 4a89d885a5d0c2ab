/**
 * Sums the votes counters of every service's /metrics page into one view for operators. In
 * production Prometheus or CloudWatch does this over time; this answers "what now" without them.
 * Only Landslide's own counters are read, in the exposition format prom-client writes.
 */
export interface MetricsSummary {
  readonly votes: { readonly accepted: number; readonly quarantined: number; readonly refused: number };
  readonly refusedByReason: Record<string, number>;
  readonly aggregator: {
    readonly applied: number;
    readonly deadLettered: number;
    readonly lagSeconds: number | undefined;
  };
  readonly scraped: readonly { readonly service: string; readonly ok: boolean }[];
}

const SAMPLE = /^(landslide_[a-z_]+)(?:\{([^}]*)\})? ([0-9.eE+-]+|NaN)$/;
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
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

export function summarize(pages: ReadonlyArray<{ service: string; text: string | undefined }>): MetricsSummary {
  const votes = { accepted: 0, quarantined: 0, refused: 0 };
  const refusedByReason: Record<string, number> = {};
  const aggregator = { applied: 0, deadLettered: 0, lagSeconds: undefined as number | undefined };
  for (const page of pages) {
    for (const sample of parseSamples(page.text ?? "")) {
      if (sample.name === "landslide_votes_total") {
        const outcome = sample.labels.outcome as keyof typeof votes;
        if (outcome in votes) votes[outcome] += sample.value;
        if (outcome === "refused")
          refusedByReason[sample.labels.reason ?? ""] =
            (refusedByReason[sample.labels.reason ?? ""] ?? 0) + sample.value;
      } else if (sample.name === "landslide_aggregator_records_total") {
        if (sample.labels.result === "applied") aggregator.applied += sample.value;
        if (sample.labels.result === "dead-lettered") aggregator.deadLettered += sample.value;
      } else if (sample.name === "landslide_aggregator_lag_seconds") {
        aggregator.lagSeconds = Math.max(aggregator.lagSeconds ?? 0, sample.value);
      }
    }
  }
  return {
    votes,
    refusedByReason,
    aggregator,
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

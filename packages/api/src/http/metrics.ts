import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * What each service exposes at GET /metrics for Prometheus (CloudWatch agent on AWS):
 * request latency, votes by outcome and reason, and the aggregator's progress.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestSeconds: new Histogram({
      name: "landslide_http_request_duration_seconds",
      help: "HTTP request latency by route and status",
      labelNames: ["route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    votes: new Counter({
      name: "landslide_votes_total",
      help: "Cast requests by outcome (accepted, quarantined, refused) and refusal reason",
      labelNames: ["outcome", "reason"],
      registers: [registry],
    }),
    aggregatorRecords: new Counter({
      name: "landslide_aggregator_records_total",
      help: "Change records the aggregator applied or dead-lettered",
      labelNames: ["result"],
      registers: [registry],
    }),
    aggregatorLag: new Gauge({
      name: "landslide_aggregator_lag_seconds",
      help: "From a vote being written to its change being applied to the tally, in the latest pass (0 when caught up)",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A route label that groups requests without letting ids explode the label space. */
export function routeLabel(path: string): string {
  if (path.startsWith("/trpc/")) return path.split("?")[0]!;
  return path.replace(/[0-9a-f-]{36}/g, ":id");
}

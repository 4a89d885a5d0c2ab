import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * What each service exposes at GET /metrics (on its own listener, see metrics-listener.ts) for
 * Prometheus (CloudWatch agent on AWS): request latency by route, votes by outcome and reason,
 * and the aggregator's progress. Every label value comes from the code, never from a request.
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
    aggregatorRejected: new Counter({
      name: "landslide_aggregator_rejected_total",
      help: "Change records the aggregator refused to count (rows the vote API did not sign), by reason",
      labelNames: ["reason"],
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

/**
 * The route label of a request: set by the handler that claimed it, as a pattern ("/v1/elections/:id/results",
 * "/trpc/voter.cast"); anything no handler claimed, unknown tRPC procedures included, is "unmatched".
 * Labels come only from the code, never from the URL, so no caller can grow the label space.
 */
const routes = new WeakMap<object, string>();

export function labelRoute(response: object, route: string): void {
  routes.set(response, route);
}

export function routeOf(response: object): string {
  return routes.get(response) ?? "unmatched";
}

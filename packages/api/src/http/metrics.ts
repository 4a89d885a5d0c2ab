import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { RecentErrors } from "../operations/recent-errors";

/**
 * What each service exposes at GET /metrics (on its own listener, see metrics-listener.ts) for
 * Prometheus (CloudWatch agent on AWS): request latency by route, votes by outcome and reason,
 * and the aggregator's progress. Every label value comes from the code, never from a request.
 * Beside them, the same listener serves the last error log records as JSON (GET /errors).
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    /** Fed by the service's logger (createLogger's errorSink), read at GET /errors on the metrics listener. */
    recentErrors: new RecentErrors(),
    requestSeconds: new Histogram({
      name: "landslide_http_request_duration_seconds",
      help: "HTTP request latency by route and status",
      labelNames: ["route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    shed: new Counter({
      name: "landslide_shed_total",
      help: "Requests answered 503 OVERLOADED by the load shedder, before any work, by route",
      labelNames: ["route"],
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: "landslide_http_in_flight",
      help: "Requests being worked on now (live-results streams and health checks not counted)",
      registers: [registry],
    }),
    queued: new Gauge({
      name: "landslide_http_queued",
      help: "Requests waiting for a slot now (each for at most LANDSLIDE_MAX_QUEUE_MS)",
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
/** Every label the code has given: bounded by the code, so a shed request can be named by one without growing the label space. */
const givenLabels = new Set<string>();

export function labelRoute(response: object, route: string): void {
  routes.set(response, route);
  givenLabels.add(route);
}

/**
 * The route label of a request no handler has seen (one shed on arrival): a label the handlers
 * have already given that matches its path ("/trpc/voter.cast" exactly, "/v1/elections/:id/results"
 * segment by segment), else "unmatched". Handlers label a route on its first request, which is let
 * through, so from then on its sheds are named.
 */
export function routeLabelFor(path: string): string {
  if (givenLabels.has(path)) return path;
  const segments = path.split("/");
  for (const label of givenLabels) {
    if (!label.includes("/:")) continue;
    const pattern = label.split("/");
    if (
      pattern.length === segments.length &&
      pattern.every((part, i) => (part.startsWith(":") ? segments[i] !== "" : part === segments[i]))
    )
      return label;
  }
  return "unmatched";
}

export function routeOf(response: object): string {
  return routes.get(response) ?? "unmatched";
}

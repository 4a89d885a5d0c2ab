import type { IncomingMessage, ServerResponse } from "node:http";
import { type AnyTRPCRouter, getTRPCErrorFromUnknown, getTRPCErrorShape, TRPCError } from "@trpc/server";
import { Counter, Gauge } from "prom-client";
import type { ResultsSnapshot } from "@landslide/vote-engine";
import type { AppServices } from "../app-services";
import { electionNotFound } from "../router/election-or-refuse";
import { liveResultsInput } from "../router/results";
import type { Metrics } from "./metrics";
import type { RouteHandler } from "./service-server";
import { type FanOutOptions, type Frame, SseFanOut } from "./sse-fan-out";
import { CONNECTED_FRAME, SSE_HEADERS, serializedErrorFrame, trackedFrame } from "./sse-frames";

const PATH = "results.live";

/**
 * The wire side of the tRPC subscription `results.live`: GET /trpc/results.live?input=… answered
 * by one SseFanOut instead of a tRPC async generator per watcher, so a snapshot is serialised
 * once per version and the same bytes go to every watcher. What a client sees is what tRPC would
 * send (sse-frames.ts): the same input (with Last-Event-ID folded in as tRPC does), the same
 * zod schema, the same error shapes (a `serialized-error` event from the router's own error
 * formatter). The procedure stays in the router: it is the type clients link against, and the
 * answer to anything this handler leaves to tRPC (a POST).
 *
 * Mounted by trpcRoutes in front of tRPC, after its input shape check and stream slot.
 */
export function liveResultsStream(
  services: Pick<AppServices, "elections" | "liveResults" | "logger">,
  router: AnyTRPCRouter,
  metrics: Metrics,
  options: FanOutOptions = {},
): { route: RouteHandler; fanOut: SseFanOut } {
  const evictions = registerMetrics(metrics, () => fanOut, services.liveResults);
  const fanOut = new SseFanOut({ ...options, onEvict: () => evictions.inc() });
  // One frame per version: every watcher of this task writes these bytes.
  const frameOf = (snapshot: ResultsSnapshot): Frame => ({
    version: snapshot.version,
    bytes: trackedFrame(String(snapshot.version), snapshot),
  });

  const route: RouteHandler = async (request, response) => {
    if (request.method !== "GET") return false;
    let input: ReturnType<typeof liveResultsInput.parse> | undefined;
    try {
      input = parseInput(request);
      const election = await services.elections.get(input.electionId);
      if (!election) throw electionNotFound();
      if (response.destroyed) return true;
      const seen = input.lastEventId ? Number(input.lastEventId) : -1;
      fanOut.join(election.id, response, seen, (publish) =>
        services.liveResults.subscribe(election, (snapshot) => publish(frameOf(snapshot))),
      );
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      if (error.code === "INTERNAL_SERVER_ERROR")
        services.logger.error({ err: error.cause ?? error, path: PATH }, "procedure failed");
      // The router is any router, so its error shape is untyped: sendError only serialises it.
      const shape: unknown = getTRPCErrorShape({
        config: router._def._config,
        error,
        type: "subscription",
        path: PATH,
        input,
        ctx: undefined,
      });
      sendError(response, shape);
    }
    return true;
  };
  return { route, fanOut };
}

/**
 * The subscription's input as tRPC reads it for an SSE GET: JSON in `input`, with the
 * reconnecting EventSource's Last-Event-ID (header, or `lastEventId` in the query) put over its
 * `lastEventId`, then the procedure's own zod schema.
 */
function parseInput(request: IncomingMessage) {
  const url = new URL(request.url ?? "/", "http://service");
  const query = url.searchParams.get("input");
  let raw: unknown;
  try {
    raw = query ? JSON.parse(query) : undefined;
  } catch (cause) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: cause instanceof Error ? cause.message : "Invalid input",
      cause,
    });
  }
  const header = request.headers["last-event-id"];
  const lastEventId =
    (typeof header === "string" ? header : undefined) ||
    url.searchParams.get("lastEventId") ||
    url.searchParams.get("Last-Event-Id");
  if (lastEventId) {
    if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) raw = { ...raw, lastEventId };
    else raw ??= { lastEventId };
  }
  const parsed = liveResultsInput.safeParse(raw);
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
  return parsed.data;
}

/** As tRPC answers a subscription that fails before its first value: connected, then the error, then the end. */
function sendError(response: ServerResponse, shape: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(200, SSE_HEADERS);
  response.write(CONNECTED_FRAME);
  response.end(serializedErrorFrame(shape));
}

/** The fan-out's size on each scrape (the test and the benchmark read these), and the eviction counter it feeds. */
function registerMetrics(
  metrics: Metrics,
  fanOut: () => SseFanOut,
  live: Pick<AppServices["liveResults"], "watchedElections">,
): Counter {
  new Gauge({
    name: "landslide_results_watchers",
    help: "Live-results SSE streams open on this task",
    registers: [metrics.registry],
    collect() {
      this.set(fanOut().watchers);
    },
  });
  new Gauge({
    name: "landslide_results_polled_elections",
    help: "Elections whose counters this task polls for live watchers (0 once every watcher has left)",
    registers: [metrics.registry],
    collect() {
      this.set(live.watchedElections);
    },
  });
  return new Counter({
    name: "landslide_results_watchers_evicted_total",
    help: "Live-results streams closed because the watcher did not read what was sent (it reconnects with Last-Event-ID)",
    registers: [metrics.registry],
  });
}

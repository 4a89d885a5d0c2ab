import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger";
import { admissionControl } from "./admission";
import { labelRoute, type Metrics, routeOf } from "./metrics";
import { startMetricsListener } from "./metrics-listener";
import { type ReadinessCheck, runReadiness } from "./readiness";
import { setApiSecurityHeaders } from "./security-headers";

/** Handles a request the server does not know itself; returns false when the path is not its own. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, log: Logger) => Promise<boolean>;

export interface ServiceOptions {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly readiness: Record<string, ReadinessCheck>;
  readonly routes?: RouteHandler;
  readonly metrics: Metrics;
  /** Where GET /metrics is served: its own listener, never the public port. */
  readonly metricsListener: { readonly host: string; readonly port: number };
  /** Browser origins allowed to call this service (the web apps). */
  readonly corsOrigins?: readonly string[];
  /** Strict-Transport-Security max-age; 0 sends none. */
  readonly hstsSeconds?: number;
  /** Requests worked on at once and the longest wait for a slot; beyond, 503 OVERLOADED (see load-shedder.ts). None: no limit. */
  readonly loadShedding?: { readonly maxInFlight: number; readonly maxQueueMs: number };
}

/** What browsers may send and read across origins: the SDK's headers, and the rate limit's answer. */
const CORS_REQUEST_HEADERS =
  "authorization, content-type, dpop, x-id-token, x-device-token, x-request-id, trpc-accept, last-event-id";
const CORS_EXPOSED_HEADERS = "retry-after, x-request-id";

export interface RunningService {
  readonly server: Server;
  readonly url: string;
  readonly metricsUrl: string;
  close(): Promise<void>;
}

/**
 * The HTTP shell every Landslide service shares: a request id on every request and log line,
 * `GET /healthz` (the process is alive) and `GET /readyz` (its dependencies answer), JSON errors
 * without stack traces, the API security headers and `Vary: Origin` on every response, and
 * `/metrics` on a listener of its own.
 */
const DRAIN_MS = 2000;

export async function startServiceServer(options: ServiceOptions): Promise<RunningService> {
  const { name, logger } = options;
  const admission = options.loadShedding && admissionControl(options.loadShedding, options.metrics);
  const server = createServer(async (request, response) => {
    const requestId = validRequestId(request.headers["x-request-id"]) ?? randomUUID();
    const log = logger.child({ requestId });
    const started = performance.now();
    response.setHeader("x-request-id", requestId);
    setApiSecurityHeaders(response, options.hstsSeconds ?? 0);
    const origin = request.headers.origin;
    if (origin && options.corsOrigins?.includes(origin)) {
      response.setHeader("access-control-allow-origin", origin);
      response.setHeader("access-control-expose-headers", CORS_EXPOSED_HEADERS);
    }
    // tRPC writes its own Vary and would replace this one; trpc-routes adds Origin to it (responseMeta).
    response.setHeader("vary", "origin");
    // The path without its query: a query carries procedure inputs, which the log has no need of.
    const path = pathOf(request.url);
    response.on("finish", () => {
      const ms = performance.now() - started;
      log.info(
        { method: request.method, path: path ?? "(not a URL)", status: response.statusCode, ms: Math.round(ms) },
        "request",
      );
      options.metrics.requestSeconds.observe(
        { route: routeOf(response), status: String(response.statusCode) },
        ms / 1000,
      );
    });
    // A target the URL parser refuses ("//[") is the client's mistake: answered 400 and logged as a
    // warning, so that nobody can push the real errors out of the operators' recent-errors list.
    if (path === undefined) {
      labelRoute(response, "malformed");
      log.warn({ method: request.method }, "request target is not a URL");
      return sendJson(response, 400, {
        error: { code: "BAD_REQUEST", message: "The request target is not a valid URL.", requestId },
      });
    }
    try {
      if (request.method === "OPTIONS") {
        labelRoute(response, "preflight");
        // A preflight: allowed origins learn what they may send; others get no CORS headers at all.
        if (response.hasHeader("access-control-allow-origin")) {
          response.setHeader("access-control-allow-methods", "GET, POST");
          response.setHeader("access-control-allow-headers", CORS_REQUEST_HEADERS);
          response.setHeader("access-control-max-age", "600");
        }
        response.writeHead(204).end();
        return;
      }
      if (request.method === "GET" && path === "/healthz") {
        labelRoute(response, path);
        return sendJson(response, 200, { status: "ok", service: name });
      }
      if (request.method === "GET" && path === "/readyz") {
        labelRoute(response, path);
        const report = await runReadiness(options.readiness);
        return sendJson(response, report.ready ? 200 : 503, {
          status: report.ready ? "ready" : "not-ready",
          service: name,
          checks: report.checks,
        });
      }
      // Health checks above are never shed; everything routed below is (or waits briefly for a slot).
      if (admission && !(await admission.admit(request, response))) return;
      if (options.routes && (await options.routes(request, response, log))) return;
      sendJson(response, 404, { error: { code: "NOT_FOUND", message: `No route for ${request.method} ${path}` } });
    } catch (error) {
      log.error({ err: error }, "request failed");
      if (!response.headersSent)
        sendJson(response, 500, { error: { code: "INTERNAL", message: "Something went wrong.", requestId } });
      else response.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  let metricsListener: Awaited<ReturnType<typeof startMetricsListener>>;
  try {
    metricsListener = await startMetricsListener({ ...options.metricsListener, metrics: options.metrics, logger });
  } catch (error) {
    server.close();
    throw error;
  }
  const url = `http://${options.host}:${options.port}`;
  logger.info({ url }, `${name} listening`);
  return {
    server,
    url,
    metricsUrl: metricsListener.url,
    close: () =>
      new Promise<void>((resolve) => {
        void metricsListener.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests in flight get a moment to finish; long-lived ones (SSE subscriptions) are then
        // cut, and their clients reconnect to another task with the last event id they saw.
        setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

// Accept a caller's id for tracing across services, but only a sane one: it ends up in logs.
function validRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" && /^[A-Za-z0-9._-]{8,128}$/.test(header) ? header : undefined;
}

/** Tries each handler in turn; the first that claims the request answers it. */
export function firstMatching(...handlers: RouteHandler[]): RouteHandler {
  return async (request, response, log) => {
    for (const handler of handlers) if (await handler(request, response, log)) return true;
    return false;
  };
}

/** The request target's path, or undefined when it is no URL at all. */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? "/", "http://service").pathname;
  } catch {
    return undefined;
  }
}

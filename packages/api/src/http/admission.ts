import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { type Admission, LoadShedder } from "./load-shedder";
import { labelRoute, type Metrics, routeLabelFor } from "./metrics";

export interface AdmissionControl {
  /**
   * Lets the request through (true; its slot is given back when the response closes) or answers
   * it 503 OVERLOADED with Retry-After (false) before its body is read or any work is done.
   */
  admit(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

/**
 * The shell's side of load shedding: which requests take a slot, and what a shed one is told.
 * Live-results streams (GET asking for text/event-stream) take none: they hold a socket for
 * minutes doing nearly nothing, and the per-client stream cap bounds them (trpc-routes). A GET
 * that only claims to want a stream escapes the count but is still an ordinary, cheap query;
 * every mutation (casts, device registration) is a POST and always counted.
 */
export function admissionControl(
  limits: { readonly maxInFlight: number; readonly maxQueueMs: number },
  metrics: Metrics,
): AdmissionControl {
  const shedder = new LoadShedder(limits);
  const gauge = () => {
    metrics.inFlight.set(shedder.running);
    metrics.queued.set(shedder.waiting);
  };
  return {
    async admit(request, response) {
      if (isEventStream(request)) return true;
      const pending = shedder.admit();
      let admission: Admission;
      if (pending instanceof Promise) {
        gauge();
        admission = await pending;
      } else {
        admission = pending;
      }
      if (!admission.admitted) {
        gauge();
        shed(request, response, admission.retryAfterSeconds, metrics);
        return false;
      }
      const give = admission.release;
      const release = () => {
        give();
        gauge();
      };
      gauge();
      // The client may have gone while it waited (its response already closed): the slot goes
      // straight back, to the next waiter.
      if (response.destroyed || response.closed) {
        release();
        return false;
      }
      response.once("close", release);
      return true;
    },
  };
}

function isEventStream(request: IncomingMessage): boolean {
  return request.method === "GET" && (request.headers.accept ?? "").includes("text/event-stream");
}

/** 503 in the shape the caller reads errors in: tRPC's for /trpc/ (reason OVERLOADED), the shell's otherwise. */
function shed(request: IncomingMessage, response: ServerResponse, retryAfterSeconds: number, metrics: Metrics): void {
  const path = new URL(request.url ?? "/", "http://service").pathname;
  const procedure = path.startsWith("/trpc/") ? decoded(path.slice("/trpc/".length)) : undefined;
  const route = routeLabelFor(procedure === undefined ? path : `/trpc/${procedure}`);
  labelRoute(response, route);
  metrics.shed.inc({ route });
  const message = "This server is busy; try again shortly.";
  const body =
    procedure === undefined
      ? { error: { code: "OVERLOADED", message } }
      : {
          error: {
            message,
            code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
            data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, path: procedure, reason: "OVERLOADED" },
          },
        };
  // The body is left unread; Node discards it so the connection stays open for the retry.
  response.setHeader("vary", "origin, trpc-accept, accept");
  response.writeHead(503, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(retryAfterSeconds),
  });
  response.end(JSON.stringify(body));
}

function decoded(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return "";
  }
}

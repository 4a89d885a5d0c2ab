import type { TRPCError } from "@trpc/server";
import { refusal } from "./errors";

/**
 * When the data store (DynamoDB) cannot be reached, the API answers 503 STORE_UNAVAILABLE with a
 * Retry-After instead of a 500: the client SDK sends a cast again on a 503, and a store that is
 * restarting answers a second later. Only two kinds of failure are read as the store being
 * unreachable, and only errors that came through the AWS SDK (they carry its `$metadata`, added
 * once its own retries gave up):
 *
 * - `written: "no"`: the request never reached the store. No connection was made (refused, no
 *   route, no such host, or the connect timeout of @smithy/node-http-handler) on the one attempt
 *   the SDK made, so nothing was written, and any request may be sent again. After several
 *   attempts only the last one's failure is known: an earlier one may have been sent, its answer
 *   lost, so that is `unknown`.
 * - `written: "unknown"`: the request may have reached it. The connection broke or went silent
 *   after the request was sent (ECONNRESET as "socket hang up", EPIPE, ETIMEDOUT, the handler's
 *   request and socket timeouts, all of which it names TimeoutError), or the store answered with a
 *   server fault (5xx) the SDK stopped retrying. A read may be sent again; a write only when it is
 *   idempotent, as a cast is (the same idempotency key and ballot get the stored receipt back).
 *
 * Anything the store answered as the caller's fault (`$fault: "client"`: ConditionalCheckFailed,
 * a validation error, throttling, a missing table) is not an outage: it stays what it was.
 */
export interface StoreOutage {
  readonly written: "no" | "unknown";
  /** What was seen (the error code or name), for the log. */
  readonly seen: string;
}

/** How long a client waits before trying again: about as long as DynamoDB Local takes to come back; the SDK's own back-off adds to it. */
export const STORE_RETRY_AFTER_SECONDS = 1;

/** No connection was made: the request was never sent (Node's errno codes). */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "EADDRNOTAVAIL",
]);
/** The connection was made and then broke or went silent: the request may have arrived. */
const CONNECTION_LOST = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);
/** The only TimeoutError of @smithy/node-http-handler raised before the request was sent (its connectionTimeout). */
const CONNECT_TIMEOUT = /did not establish a connection/;

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown; readonly attempts?: unknown };
}

const isObject = (value: unknown): value is ErrorLike => typeof value === "object" && value !== null;

/**
 * Whether `error` (or an error it was caused by, as tRPC wraps what a procedure throws) is the
 * AWS SDK failing to reach the store, and if so whether the request may have been applied.
 */
export function storeOutage(error: unknown): StoreOutage | undefined {
  const seen = new Set<unknown>();
  for (let current = error; isObject(current) && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current.$metadata !== undefined) return sdkOutage(current);
  }
  return undefined;
}

function sdkOutage(error: ErrorLike): StoreOutage | undefined {
  if (error.$fault === "client") return undefined;
  const network = networkOutage(error);
  const attempts = error.$metadata?.attempts;
  if (network) return typeof attempts === "number" && attempts > 1 ? { ...network, written: "unknown" } : network;
  const status = error.$metadata?.httpStatusCode;
  if (error.$fault === "server" || (typeof status === "number" && status >= 500))
    return { written: "unknown", seen: `${String(error.name)} (${String(status)})` };
  return undefined;
}

/** A connection-level failure, on the error itself or, for Node's AggregateError (each address of a host tried), on every one tried. */
function networkOutage(error: ErrorLike): StoreOutage | undefined {
  const code = typeof error.code === "string" ? error.code : undefined;
  if (code && NOT_CONNECTED.has(code)) return { written: "no", seen: code };
  if (error.name === "TimeoutError" && typeof error.message === "string" && CONNECT_TIMEOUT.test(error.message))
    return { written: "no", seen: "TimeoutError (connect)" };
  if ((code && CONNECTION_LOST.has(code)) || error.name === "TimeoutError")
    return { written: "unknown", seen: code ?? String(error.name) };
  if (Array.isArray(error.errors) && error.errors.length > 0) {
    const each = error.errors.map((e) => (isObject(e) ? networkOutage(e) : undefined));
    if (each.some((o) => o === undefined)) return undefined;
    return each.find((o) => o!.written === "unknown") ?? each[0];
  }
  return undefined;
}

/** Whether an outage may be answered as "try again": always for a read or an idempotent write, for other writes only when nothing was written. */
export function retrySafe(outage: StoreOutage, call: { readonly type: string; readonly idempotent: boolean }): boolean {
  return outage.written === "no" || call.type !== "mutation" || call.idempotent;
}

/** The answer for a call the store could not take: 503 STORE_UNAVAILABLE, with a Retry-After. */
export function storeUnavailable(): TRPCError {
  return refusal(
    "SERVICE_UNAVAILABLE",
    "STORE_UNAVAILABLE",
    "The service cannot reach its data store just now. Try again in a moment.",
    STORE_RETRY_AFTER_SECONDS,
  );
}

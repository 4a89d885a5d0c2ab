/**
 * Server-sent events exactly as @trpc/server 11's SSE producer writes them
 * (unstable-core-do-not-import/stream/sse.ts), so tRPC's httpSubscriptionLink — and any
 * EventSource — reads frames written by our own fan-out as if tRPC had written them. Each field
 * line ends in "\n" and every event is followed by "\n\n" (tRPC's transform adds that blank pair).
 *
 * Frames are Buffers built once: the fan-out writes the same bytes to every watcher.
 */

/** The response headers tRPC sends with a subscription (its `sseHeaders`, plus the Vary our routes send). */
export const SSE_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
  connection: "keep-alive",
  vary: "trpc-accept, accept, origin",
} as const;

const END = "\n\n";

/** The first event of every stream; its data is the client options object (none here: `{}`). */
export const CONNECTED_FRAME = Buffer.from(`event: connected\ndata: {}\n${END}`);

/** A heartbeat: the link ignores it, proxies and load balancers see traffic on an idle stream. */
export const PING_FRAME = Buffer.from(`event: ping\ndata: \n${END}`);

/** A value yielded with `tracked(id, value)`: the client keeps `id` and resumes after it. */
export function trackedFrame(id: string, value: unknown): Buffer {
  return Buffer.from(`data: ${JSON.stringify(value)}\nid: ${id}\n${END}`);
}

/** The error shape of the router's error formatter, which ends the subscription on the client. */
export function serializedErrorFrame(shape: unknown): Buffer {
  return Buffer.from(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n${END}`);
}

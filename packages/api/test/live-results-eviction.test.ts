import { createServer, get, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Frame, SseFanOut } from "../src/http/sse-fan-out";
import { trackedFrame } from "../src/http/sse-frames";
import { waitFor } from "./wait-for";

/**
 * Slow consumers against the fan-out on a real loopback server. On loopback the kernel takes
 * about 4 MB for a socket that does not read before anything waits in the process, so an
 * election's 1–2 KB snapshots every 300 ms would take many minutes to show eviction through the
 * results service; here a source publishes 256 KB frames as fast as the test likes instead.
 */
const FRAME_BYTES = 256 * 1024;

let server: Server;
let port = 0;
let evictions = 0;
let sourceOpen = 0;
let publish: ((frame: Frame) => void) | undefined;
const fanOut = new SseFanOut({ maxBufferedBytes: 64 * 1024, pingMs: 200, onEvict: () => evictions++ });

beforeAll(async () => {
  server = createServer((_request, response) =>
    fanOut.join("election", response, -1, (p) => {
      sourceOpen++;
      publish = p;
      return () => {
        sourceOpen--;
        publish = undefined;
      };
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  fanOut.close();
  await new Promise((resolve) => server.close(resolve));
});

const frame = (version: number): Frame => ({
  version,
  bytes: trackedFrame(String(version), { version, padding: "x".repeat(FRAME_BYTES) }),
});

/** A reading watcher: the versions it got, in order. */
function reader() {
  const versions: number[] = [];
  let pings = 0;
  let text = "";
  const request = get({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      text += chunk;
      const frames = text.split("\n\n\n");
      text = frames.pop() ?? "";
      for (const f of frames) {
        if (f.startsWith("event: ping")) pings++;
        const id = /\nid: (\d+)$/.exec(f);
        if (id) versions.push(Number(id[1]));
      }
    });
    response.on("error", () => undefined);
  });
  request.on("error", () => undefined);
  return { versions, pings: () => pings, close: () => request.destroy() };
}

it("evicts a watcher that does not read, keeps the others current, and lets go of everything once they leave", async () => {
  const stalled = connect(port, "127.0.0.1");
  stalled.on("error", () => undefined);
  await new Promise<void>((resolve) => stalled.once("connect", resolve));
  stalled.write("GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n");
  stalled.pause();
  const readers = [reader(), reader(), reader()];
  await waitFor(async () => (fanOut.watchers === 4 && publish ? true : undefined), 5000, 10);
  expect(sourceOpen).toBe(1);

  // Frames of 256 KB to everyone until the stalled one's unflushed bytes pass the bound (~4 MB of kernel buffers first).
  let version = 0;
  while (evictions === 0 && version < 200) {
    publish!(frame(++version));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(evictions).toBe(1);
  expect(version).toBeLessThan(60);
  // Its socket was closed by the server: reading now finds the end (or a reset).
  const ended = new Promise<void>((resolve) => {
    stalled.on("close", () => resolve());
    stalled.resume();
  });
  await ended;
  // The readers were never held up: each ends with the newest version, in order, no repeats.
  await waitFor(async () => (readers.every((r) => r.versions.at(-1) === version) ? true : undefined), 10_000, 20);
  for (const r of readers) expect([...r.versions].sort((a, b) => a - b)).toEqual([...new Set(r.versions)]);
  expect(fanOut.watchers).toBe(3);
  // Heartbeats reach the idle streams.
  await waitFor(async () => (readers.every((r) => r.pings() > 0) ? true : undefined), 5000, 50);

  for (const r of readers) r.close();
  await waitFor(async () => (fanOut.watchers === 0 ? true : undefined), 5000, 10);
  expect(fanOut.openTopics).toBe(0);
  expect(sourceOpen).toBe(0);
});

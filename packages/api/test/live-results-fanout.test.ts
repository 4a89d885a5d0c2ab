import { request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
import { DEMO_ELECTION_ID, type ResultsSnapshot } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbTallyStore } from "@landslide/vote-engine/dynamodb";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";
import { waitFor } from "./wait-for";

/**
 * The results service's live fan-out over real HTTP: many watchers share one encoded frame per
 * update, a watcher that does not read holds no one up, Last-Event-ID resumes without repeats,
 * nothing stays behind once everyone leaves, and the wire is tRPC's own (the errors byte for
 * byte as tRPC 11 wrote them before the fan-out existed).
 */
const WATCHERS = 200;

let stack: TestStack;
let service: ReturnType<typeof startService>;
let base = "";
let metricsUrl = "";
let dynamodb: ReturnType<typeof createDynamoDbClient>;
let tallies: DynamoDbTallyStore;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  const [port, metricsPort] = await portPair();
  service = startService("results", {
    ...serviceEnvironment(stack, port),
    LANDSLIDE_LOG_LEVEL: "warn",
    LANDSLIDE_SSE_STREAMS_PER_CLIENT: String(WATCHERS + 50),
    LANDSLIDE_METRICS_PORT_OFFSET: String(metricsPort - port),
  });
  base = `http://127.0.0.1:${port}`;
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  await waitForService(base, "results", service, 30_000);
  dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
  tallies = new DynamoDbTallyStore(dynamodb, { tallies: stack.provisioned.tables.tallies }, 8);
});
afterAll(async () => {
  dynamodb?.destroy();
  service?.child.kill("SIGTERM");
  await service?.exited;
  await stack?.stop();
});

/** Two free ports, the second above the first by what LANDSLIDE_METRICS_PORT_OFFSET allows (1..10000). */
async function portPair(): Promise<[number, number]> {
  for (;;) {
    const [a, b] = [await freePort(), await freePort()].sort((x, y) => x - y) as [number, number];
    if (b - a >= 1 && b - a <= 10_000) return [a, b];
  }
}

/** Counts as the aggregator would: one committed batch moves the version by one and turnout by `votes`. */
async function countVotes(votes: number) {
  const counters = new Map([
    ["__version", 1],
    ["__turnout", votes],
    ["mascot#otter", votes],
  ]);
  const committed = await tallies.commit({
    shardId: `test-${randomUUID()}`,
    previous: { sequenceNumber: undefined, closed: false },
    next: { sequenceNumber: "1", closed: false },
    delta: new Map([[DEMO_ELECTION_ID, counters]]),
    deadLetters: [],
    counterShard: 0,
  });
  expect(committed).toBe(true);
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return Number(line?.split(" ").at(-1) ?? Number.NaN);
}

const liveUrl = (input: unknown) => `${base}/trpc/results.live?input=${encodeURIComponent(JSON.stringify(input))}`;

interface Watcher {
  readonly response: IncomingMessage;
  /** Every byte received, as text. */
  text(): string;
  /** The data events received: their raw frame, id and snapshot. */
  events(): Array<{ frame: string; id: string; snapshot: ResultsSnapshot }>;
  close(): void;
}

/** A raw HTTP watcher (no EventSource): what arrives on the wire, exactly. */
function watch(url: string, headers: Record<string, string> = {}): Promise<Watcher> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, headers: { accept: "text/event-stream", ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("error", () => undefined);
      resolve({
        response,
        text: () => text,
        events: () =>
          text
            .split("\n\n\n")
            .filter((frame) => frame.startsWith("data: "))
            .map((frame) => {
              const [data = "", id = ""] = frame.split("\n");
              return {
                frame,
                id: id.replace(/^id: /, ""),
                snapshot: JSON.parse(data.slice("data: ".length)) as ResultsSnapshot,
              };
            }),
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
    req.end();
  });
}

it(`sends one update to ${WATCHERS} watchers as the same bytes, unheld by one that does not read, and leaves nothing behind once they go`, async () => {
  // A watcher that sends its request and never reads a byte of the answer.
  const { port } = new URL(base);
  const stalled = connect(Number(port), "127.0.0.1");
  await new Promise<void>((resolve) => stalled.once("connect", resolve));
  stalled.write(
    `GET /trpc/results.live?input=${encodeURIComponent(JSON.stringify({ electionId: DEMO_ELECTION_ID }))} HTTP/1.1\r\nhost: 127.0.0.1\r\naccept: text/event-stream\r\n\r\n`,
  );
  stalled.pause();

  const watchers = await Promise.all(
    Array.from({ length: WATCHERS }, () => watch(liveUrl({ electionId: DEMO_ELECTION_ID }))),
  );
  try {
    for (const w of watchers) {
      expect(w.response.statusCode).toBe(200);
      expect(w.response.headers["content-type"]).toBe("text/event-stream");
    }
    expect(
      await waitFor(async () => (watchers.every((w) => w.events().length >= 1) ? true : undefined), 10_000, 50),
    ).toBe(true);
    expect(await metric("landslide_results_watchers")).toBe(WATCHERS + 1);
    const before = Math.max(...watchers.map((w) => w.events().at(-1)!.snapshot.version));

    await countVotes(3);
    await waitFor(
      async () => (watchers.every((w) => w.events().some((e) => e.snapshot.version > before)) ? true : undefined),
      10_000,
      25,
    );
    const update = watchers[0]!.events().find((e) => e.snapshot.version > before)!;
    expect(update.snapshot.turnout).toBe(3);
    expect(update.id).toBe(String(update.snapshot.version));
    // The same frame, byte for byte, on every stream: encoded once.
    for (const w of watchers) expect(w.events().find((e) => e.snapshot.version > before)?.frame).toBe(update.frame);
    // tRPC's wire: the connected event first, every snapshot a tracked event.
    expect(watchers[0]!.text().startsWith("event: connected\ndata: {}\n\n\ndata: {")).toBe(true);
  } finally {
    for (const w of watchers) w.close();
    stalled.destroy();
  }
  expect(
    await waitFor(async () => ((await metric("landslide_results_watchers")) === 0 ? true : undefined), 10_000, 100),
  ).toBe(true);
  expect(await metric("landslide_results_polled_elections")).toBe(0);
});

it("resumes after Last-Event-ID with nothing already seen, then the next update", async () => {
  const first = await watch(liveUrl({ electionId: DEMO_ELECTION_ID }));
  await waitFor(async () => (first.events().length > 0 ? true : undefined), 10_000, 25);
  const seen = first.events().at(-1)!.snapshot.version;
  first.close();

  // As EventSource reconnects: the same URL, the id in a header; and as the tRPC link does: in the input.
  const byHeader = await watch(liveUrl({ electionId: DEMO_ELECTION_ID }), { "last-event-id": String(seen) });
  const byInput = await watch(liveUrl({ electionId: DEMO_ELECTION_ID, lastEventId: String(seen) }));
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(byHeader.text()).toBe("event: connected\ndata: {}\n\n\n");
    expect(byInput.text()).toBe("event: connected\ndata: {}\n\n\n");
    await countVotes(1);
    for (const w of [byHeader, byInput]) {
      await waitFor(async () => (w.events().length > 0 ? true : undefined), 10_000, 25);
      expect(w.events().map((e) => e.snapshot.version)).toEqual([seen + 1]);
    }
  } finally {
    byHeader.close();
    byInput.close();
  }
});

it("refuses an unknown election and bad input with tRPC's own events, byte for byte", async () => {
  const ended = async (url: string) => {
    const w = await watch(url);
    await new Promise<void>((resolve) => (w.response.complete ? resolve() : w.response.once("end", resolve)));
    return { status: w.response.statusCode, type: w.response.headers["content-type"], text: w.text() };
  };
  // Captured from @trpc/server 11.22's own SSE answers before this fan-out served the path.
  expect(await ended(liveUrl({ electionId: "00000000-0000-4000-8000-000000000000" }))).toEqual({
    status: 200,
    type: "text/event-stream",
    text: 'event: connected\ndata: {}\n\n\nevent: serialized-error\ndata: {"message":"There is no such election.","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"results.live","reason":"ELECTION_NOT_FOUND"}}\n\n\n',
  });
  const badLastId = await ended(liveUrl({ electionId: DEMO_ELECTION_ID, lastEventId: "x1" }));
  expect(badLastId.text).toBe(
    'event: connected\ndata: {}\n\n\nevent: serialized-error\ndata: {"message":"[\\n  {\\n    \\"origin\\": \\"string\\",\\n    \\"code\\": \\"invalid_format\\",\\n    \\"format\\": \\"regex\\",\\n    \\"pattern\\": \\"/^\\\\\\\\d+$/\\",\\n    \\"path\\": [\\n      \\"lastEventId\\"\\n    ],\\n    \\"message\\": \\"Invalid string: must match pattern /^\\\\\\\\d+$/\\"\\n  }\\n]","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"results.live","reason":"INVALID_INPUT","issues":[{"path":"lastEventId","message":"Invalid string: must match pattern /^\\\\d+$/"}]}}\n\n\n',
  );
  const extraKey = await ended(liveUrl({ electionId: DEMO_ELECTION_ID, foo: 1 }));
  expect(extraKey.text).toContain(
    '"reason":"INVALID_INPUT","issues":[{"path":"","message":"Unrecognized key: \\"foo\\""}]',
  );
  const notJson = await ended(`${base}/trpc/results.live?input=%7Bx`);
  // The message is JSON.parse's own, which differs between Node versions.
  const parseError = (() => {
    try {
      JSON.parse("{x");
    } catch (error) {
      return (error as SyntaxError).message;
    }
  })();
  expect(notJson.text).toBe(
    `event: connected\ndata: {}\n\n\nevent: serialized-error\ndata: {"message":${JSON.stringify(parseError)},"code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"results.live","reason":"BAD_REQUEST"}}\n\n\n`,
  );
  // A Last-Event-ID header that is not a version is refused like the same id in the input.
  const badHeader = await watch(liveUrl({ electionId: DEMO_ELECTION_ID }), { "last-event-id": "abc" });
  await new Promise<void>((resolve) =>
    badHeader.response.complete ? resolve() : badHeader.response.once("end", resolve),
  );
  expect(badHeader.text()).toContain('"reason":"INVALID_INPUT","issues":[{"path":"lastEventId"');
});

it("serves the JSON snapshot from the live poller or a shared read, and it moves with the counters", async () => {
  const read = async () =>
    (await (await fetch(`${base}/v1/elections/${DEMO_ELECTION_ID}/results`)).json()) as ResultsSnapshot;
  const before = await read();
  await countVotes(2);
  const moved = await waitFor(
    async () => {
      const s = await read();
      return s.version > before.version ? s : undefined;
    },
    5000,
    50,
  );
  expect(moved.turnout).toBe(before.turnout + 2);
  // A burst of requests shares reads: all answer, and with the same version.
  const burst = await Promise.all(Array.from({ length: 50 }, read));
  expect(new Set(burst.map((s) => s.version)).size).toBe(1);
});

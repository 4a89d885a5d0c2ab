/**
 * One results update reaching many live-results watchers on one results-service process:
 *
 *   npm run bench:sse -w packages/api                       # 5,000 watchers
 *   SSE_WATCHERS=500 npm run bench:sse -w packages/api      # a quick check on a busy machine
 *
 * Settings: SSE_WATCHERS (default 5000), SSE_CLIENT_WORKERS (processes holding the watchers,
 * default 2, so the clients' own work is not in the service's process), SSE_UPDATES (default 3).
 *
 * The watchers are raw HTTP/1.1 streams on GET /trpc/results.live, exactly what the tRPC link's
 * EventSource opens. An update is a committed tally batch in DynamoDB Local (what the aggregator
 * writes); the service's poller reads it within its interval and fans it out. Printed per update:
 * when each watcher had it, from the first watcher that had it (the fan-out itself) and from the
 * commit (adding the poll interval and the read); the longest event-loop stall the service saw
 * meanwhile; and the service's RSS and heap (from its own /metrics) before the watchers connect,
 * with them connected, and after they all left.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, freeServerPorts, startLocalServers, waitForHttp } from "@landslide/local-stack";
import { DEMO_ELECTION_ID, systemClock } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbTallyStore } from "@landslide/vote-engine/dynamodb";
import { provision } from "@landslide/vote-engine/provision";
import { serviceEntryPoints } from "../src/services/index";
import { serviceEnvironment } from "../src/testing/index";

type WorkerCommand =
  { type: "open"; url: string; count: number } | { type: "expect"; version: number } | { type: "close" };
type WorkerReport =
  { type: "opened"; failed: number } | { type: "expecting" } | { type: "arrived"; at: number[] } | { type: "closed" };

const now = () => performance.timeOrigin + performance.now();

/** A client process: holds its share of the watchers and reports when each saw a version. */
async function runWorker(): Promise<void> {
  const streams: Array<{ destroy(): void; arrivedAt: number; newest: number }> = [];
  let expected = Number.POSITIVE_INFINITY;
  let waiting = 0;
  const reportIfDone = () => {
    if (waiting === 0 && Number.isFinite(expected)) {
      process.send!({ type: "arrived", at: streams.map((s) => s.arrivedAt) } satisfies WorkerReport);
      expected = Number.POSITIVE_INFINITY;
    }
  };
  const open = (url: string) =>
    new Promise<boolean>((resolve) => {
      const stream = { destroy: () => undefined as void, arrivedAt: 0, newest: -1 };
      let tail = "";
      const req = request(url, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
        if (response.statusCode !== 200) return resolve(false);
        streams.push(stream);
        response.on("data", (chunk: Buffer) => {
          // Only ids matter here: the last complete "id: N" line (a few bytes of the previous chunk kept, in case one is split).
          const text = tail + chunk.toString("latin1");
          tail = text.slice(-32);
          const at = text.lastIndexOf("\nid: ");
          const end = text.indexOf("\n", at + 5);
          if (at < 0 || end < 0) return;
          tail = text.slice(end);
          const version = Number.parseInt(text.slice(at + 5, end), 10);
          if (stream.newest < 0) resolve(true);
          stream.newest = Math.max(stream.newest, version);
          if (version >= expected && stream.arrivedAt === 0) {
            stream.arrivedAt = now();
            waiting--;
            reportIfDone();
          }
        });
        response.on("error", () => undefined);
      });
      req.on("error", () => resolve(false));
      stream.destroy = () => req.destroy();
      req.end();
    });
  process.on("message", async (command: WorkerCommand) => {
    if (command.type === "open") {
      let failed = 0;
      for (let i = 0; i < command.count; i += 100) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(100, command.count - i) }, () => open(command.url)),
        );
        failed += batch.filter((ok) => !ok).length;
      }
      process.send!({ type: "opened", failed } satisfies WorkerReport);
    } else if (command.type === "expect") {
      // Sent before the update is committed: no stream can have it yet.
      for (const s of streams) s.arrivedAt = 0;
      waiting = streams.length;
      expected = command.version;
      process.send!({ type: "expecting" } satisfies WorkerReport);
    } else {
      for (const s of streams) s.destroy();
      process.send!({ type: "closed" } satisfies WorkerReport);
    }
  });
  process.send!({ type: "closed" } satisfies WorkerReport);
}

async function runBench(): Promise<void> {
  const watchers = Number(process.env.SSE_WATCHERS ?? 5000);
  const workerCount = Math.max(1, Number(process.env.SSE_CLIENT_WORKERS ?? 2));
  const updates = Math.max(1, Number(process.env.SSE_UPDATES ?? 3));

  const scratch = mkdtempSync(join(tmpdir(), "landslide-sse-bench-"));
  const servers = await startLocalServers({
    ports: await freeServerPorts(),
    dataDir: null,
    scratchDir: scratch,
  });
  const target = {
    region: "eu-west-1",
    dynamodbEndpoint: servers.dynamodb.endpoint,
    cognitoEndpoint: servers.cognito.endpoint,
    tablePrefix: "ssebench",
    userPoolName: "ssebench",
    databaseUrl: servers.postgres.url,
  };
  const keysFile = join(scratch, "keys.json");
  const provisioned = await provision({ target, clock: systemClock, demo: true, credentialsFile: null, keysFile });

  const port = await freePort();
  const metricsOffset = 100;
  const base = `http://127.0.0.1:${port}`;
  const metricsUrl = `http://127.0.0.1:${port + metricsOffset}/metrics`;
  const service = spawn(process.execPath, ["--import", "tsx", fileURLToPath(serviceEntryPoints.results)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...serviceEnvironment({ target, provisioned, keysFile }, port),
      LANDSLIDE_LOG_LEVEL: "warn",
      LANDSLIDE_METRICS_PORT_OFFSET: String(metricsOffset),
      // Every watcher comes from 127.0.0.1.
      LANDSLIDE_SSE_STREAMS_PER_CLIENT: "10000",
    },
  });
  const workers: ChildProcess[] = [];
  try {
    await waitForHttp(`${base}/healthz`, { timeoutMs: 60_000, isAlive: () => service.exitCode === null });
    const dynamodb = createDynamoDbClient({ region: target.region, endpoint: target.dynamodbEndpoint });
    const tallies = new DynamoDbTallyStore(dynamodb, { tallies: provisioned.tables.tallies }, 8);

    const metric = async (name: string) => {
      const text = await (await fetch(metricsUrl)).text();
      const line = text.split("\n").find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
      return Number(line?.split(" ").at(-1) ?? Number.NaN);
    };
    const memory = async () => ({
      rss: await metric("process_resident_memory_bytes"),
      heap: await metric("nodejs_heap_size_used_bytes"),
    });

    for (let i = 0; i < workerCount; i++) {
      workers.push(
        fork(fileURLToPath(import.meta.url), [], {
          execArgv: ["--import", "tsx"],
          env: { ...process.env, SSE_BENCH_WORKER: "1" },
          stdio: ["ignore", "inherit", "inherit", "ipc"],
        }),
      );
    }
    const next = (worker: ChildProcess, type: WorkerReport["type"]) =>
      new Promise<WorkerReport>((resolve) => {
        const on = (message: WorkerReport) => {
          if (message.type !== type) return;
          worker.off("message", on);
          resolve(message);
        };
        worker.on("message", on);
      });
    await Promise.all(workers.map((w) => next(w, "closed")));

    const idle = await memory();
    const url = `${base}/trpc/results.live?input=${encodeURIComponent(JSON.stringify({ electionId: DEMO_ELECTION_ID }))}`;
    const connectStart = now();
    const shares = workers.map((_, i) => Math.floor(watchers / workerCount) + (i < watchers % workerCount ? 1 : 0));
    const opened = await Promise.all(
      workers.map((w, i) => {
        const done = next(w, "opened");
        w.send({ type: "open", url, count: shares[i]! } satisfies WorkerCommand);
        return done;
      }),
    );
    const failed = opened.reduce((sum, r) => sum + (r.type === "opened" ? r.failed : 0), 0);
    const connectedMs = now() - connectStart;
    const held = await metric("landslide_results_watchers");
    const connected = await memory();

    console.log(`results service, ${watchers} SSE watchers over ${workerCount} client processes`);
    console.log(`  connected: ${held} streams held (${failed} failed) in ${connectedMs.toFixed(0)} ms`);
    console.log(
      `  memory:    RSS ${mb(idle.rss)} idle -> ${mb(connected.rss)} with watchers: ${kb((connected.rss - idle.rss) / watchers)} per watcher (heap ${kb((connected.heap - idle.heap) / watchers)})`,
    );

    let version: number;
    for (let round = 1; round <= updates; round++) {
      version = Number((await tallies.readCounters(DEMO_ELECTION_ID)).get("__version") ?? 0) + 1;
      const arrived = workers.map((w) => next(w, "arrived"));
      await Promise.all(
        workers.map((w) => {
          const ready = next(w, "expecting");
          w.send({ type: "expect", version } satisfies WorkerCommand);
          return ready;
        }),
      );
      await metric("nodejs_eventloop_lag_max_seconds"); // a scrape resets the loop-delay histogram
      await commitUpdate(tallies, round);
      const committedAt = now();
      const arrivals = await Promise.all(arrived);
      const at = arrivals.flatMap((r) => (r.type === "arrived" ? r.at : []));
      const first = Math.min(...at);
      const fanOut = at.map((t) => t - first).sort((a, b) => a - b);
      const endToEnd = at.map((t) => t - committedAt).sort((a, b) => a - b);
      const stall = await metric("nodejs_eventloop_lag_max_seconds");
      console.log(
        `  update ${round}: fan-out (from the first watcher to have it) p50 ${ms(pct(fanOut, 0.5))} p99 ${ms(pct(fanOut, 0.99))} max ${ms(fanOut.at(-1)!)};` +
          ` from the commit p50 ${ms(pct(endToEnd, 0.5))} max ${ms(endToEnd.at(-1)!)} (includes up to one 300 ms poll); longest loop stall ${ms(stall * 1000)}`,
      );
    }
    const afterUpdates = await memory();
    console.log(`  memory:    RSS ${mb(afterUpdates.rss)} after ${updates} updates`);

    await Promise.all(
      workers.map((w) => {
        const done = next(w, "closed");
        w.send({ type: "close" } satisfies WorkerCommand);
        return done;
      }),
    );
    const leftAt = now();
    while ((await metric("landslide_results_watchers")) > 0 && now() - leftAt < 30_000) await sleep(100);
    await sleep(2000);
    const left = await memory();
    console.log(
      `  left:      ${await metric("landslide_results_watchers")} streams, ${await metric("landslide_results_polled_elections")} elections polled; RSS ${mb(left.rss)}, heap ${mb(left.heap)} (idle heap ${mb(idle.heap)})`,
    );
    dynamodb.destroy();
  } finally {
    for (const w of workers) w.kill();
    service.kill("SIGTERM");
    await new Promise((resolve) => (service.exitCode === null ? service.once("exit", resolve) : resolve(undefined)));
    await servers.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A batch as the aggregator commits it: the version moves by one. */
async function commitUpdate(tallies: DynamoDbTallyStore, round: number): Promise<void> {
  await tallies.commit({
    shardId: `bench-${randomUUID()}`,
    previous: { sequenceNumber: undefined, closed: false },
    next: { sequenceNumber: "1", closed: false },
    delta: new Map([
      [
        DEMO_ELECTION_ID,
        new Map([
          ["__version", 1],
          ["__turnout", 1],
          [round % 2 ? "mascot#otter" : "mascot#fox", 1],
        ]),
      ],
    ]),
    deadLetters: [],
    counterShard: round % 8,
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

// Last, so every helper above is initialised before either side runs.
if (process.env.SSE_BENCH_WORKER === "1") await runWorker();
else await runBench();

import { afterAll, describe, expect, it } from "vitest";
import { Gauge } from "prom-client";
import { freePort } from "@landslide/local-stack";
import { createMetrics, labelRoute } from "../src/http/metrics";
import { type RunningService, startServiceServer } from "../src/http/service-server";
import { createLogger } from "../src/logger";
import { CAST_ROUTE, summarize } from "../src/operations/metrics-summary";
import { operationsSnapshot } from "../src/operations/operations-snapshot";
import { RecentErrors } from "../src/operations/recent-errors";

/**
 * The operations view's raw material, read the way the control API reads it: prom-client's own
 * exposition text from real registries, a real pino logger feeding the error ring, and real
 * service servers answering /readyz, /metrics and /errors over HTTP.
 */
describe("the metrics summary, from prom-client's own text", () => {
  it("sums votes, the cast-latency histogram and live watchers over tasks, and keeps the worst aggregator lag", async () => {
    const voteA = createMetrics("vote-api");
    const voteB = createMetrics("vote-api");
    // Two tasks answering casts: statuses are summed together, other routes are not casts.
    for (const seconds of [0.003, 0.02, 0.3])
      voteA.requestSeconds.observe({ route: CAST_ROUTE, status: "200" }, seconds);
    voteB.requestSeconds.observe({ route: CAST_ROUTE, status: "403" }, 0.02);
    voteB.requestSeconds.observe({ route: CAST_ROUTE, status: "200" }, 3); // beyond the last bound: only in the count
    voteB.requestSeconds.observe({ route: "/trpc/voter.receipt", status: "200" }, 0.001);
    voteA.votes.inc({ outcome: "accepted", reason: "" }, 3);
    voteB.votes.inc({ outcome: "accepted", reason: "REPLAYED" });
    voteB.votes.inc({ outcome: "quarantined", reason: "" }, 2);
    voteA.votes.inc({ outcome: "refused", reason: "ALREADY_VOTED" }, 4);
    voteB.votes.inc({ outcome: "refused", reason: "ALREADY_VOTED" });

    const aggregatorA = createMetrics("aggregator");
    const aggregatorB = createMetrics("aggregator");
    aggregatorA.aggregatorLag.set(0.4);
    aggregatorB.aggregatorLag.set(1.5);
    aggregatorA.aggregatorRecords.inc({ result: "applied" }, 7);

    const results = createMetrics("results");
    let open = 12;
    // As live-results-stream.ts registers it: read from the fan-out on each scrape.
    new Gauge({
      name: "landslide_results_watchers",
      help: "Live-results SSE streams open on this task",
      registers: [results.registry],
      collect() {
        this.set(open);
      },
    });

    const page = async (service: string, metrics: ReturnType<typeof createMetrics>) => ({
      service,
      text: await metrics.registry.metrics(),
    });
    const summary = summarize([
      await page("vote-api", voteA),
      await page("vote-api", voteB),
      await page("aggregator", aggregatorA),
      await page("aggregator", aggregatorB),
      await page("results", results),
      { service: "control-api", text: undefined },
    ]);

    expect(summary.votes).toEqual({ accepted: 4, quarantined: 2, refused: 5 });
    expect(summary.refusedByReason).toEqual({ ALREADY_VOTED: 5 });
    expect(summary.aggregator).toEqual({ applied: 7, deadLettered: 0, lagSeconds: 1.5 });
    expect(summary.resultsWatchers).toBe(12);
    expect(summary.castLatency.count).toBe(5);
    expect(summary.castLatency.sumSeconds).toBeCloseTo(3.343, 6);
    expect(summary.castLatency.buckets).toEqual([
      { le: 0.005, count: 1 },
      { le: 0.01, count: 1 },
      { le: 0.025, count: 3 },
      { le: 0.05, count: 3 },
      { le: 0.1, count: 3 },
      { le: 0.25, count: 3 },
      { le: 0.5, count: 4 },
      { le: 1, count: 4 },
      { le: 2.5, count: 4 },
    ]);
    expect(summary.scraped.at(-1)).toEqual({ service: "control-api", ok: false });

    // The gauge is read at each scrape, not remembered: everyone left, it says so.
    open = 0;
    expect(summarize([await page("results", results)]).resultsWatchers).toBe(0);
  });

  it("says nothing of watchers or lag when no page reported them, and has an empty histogram before the first cast", () => {
    const summary = summarize([{ service: "vote-api", text: undefined }]);
    expect(summary.resultsWatchers).toBeUndefined();
    expect(summary.aggregator.lagSeconds).toBeUndefined();
    expect(summary.castLatency).toEqual({ buckets: [], count: 0, sumSeconds: 0 });
  });
});

describe("recent errors", () => {
  it("keeps the last error-level records of a real logger, newest first, without stacks", () => {
    const recent = new RecentErrors(3);
    const logger = createLogger("vote-api", "info", { write: (line) => recent.write(line) });
    // Below error level: written to stdout as ever, but not an error.
    logger.warn("slow answer");
    for (let i = 1; i <= 5; i++) {
      logger.child({ requestId: `request-${i}` }).error({ err: new TypeError(`boom ${i}`) }, "request failed");
    }
    logger.fatal("x".repeat(1000));

    const { total, errors } = recent.snapshot();
    expect(total).toBe(6);
    expect(errors).toHaveLength(3);
    expect(errors[0]!.message).toHaveLength(300);
    expect(errors[0]!.message.endsWith("…")).toBe(true);
    expect(errors[1]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      message: "request failed",
      error: "TypeError: boom 5",
      requestId: "request-5",
    });
    expect(errors[2]!.requestId).toBe("request-4");
    expect(JSON.stringify(errors)).not.toContain("at Object");
  });
});

describe("the operations snapshot over HTTP", () => {
  const running: RunningService[] = [];
  afterAll(async () => {
    await Promise.all(running.map((service) => service.close()));
  });

  it("reads each service's readiness, metrics and recent errors, and says which did not answer", async () => {
    const start = async (name: string, readiness: Record<string, () => Promise<void>>) => {
      const metrics = createMetrics(name);
      const [port, metricsPort] = [await freePort(), await freePort()];
      const service = await startServiceServer({
        name,
        host: "127.0.0.1",
        port,
        logger: createLogger(name, "error", metrics.recentErrors),
        readiness,
        metrics,
        metricsListener: { host: "127.0.0.1", port: metricsPort },
        routes: async (request, response) => {
          if (request.url === "/trpc/voter.cast") {
            labelRoute(response, CAST_ROUTE);
            response.writeHead(200).end("{}");
            return true;
          }
          if (request.url === "/broken") throw new Error("the database went away");
          return false;
        },
      });
      running.push(service);
      return { service, metrics, metricsUrl: `http://127.0.0.1:${metricsPort}` };
    };
    const vote = await start("vote-api", { dynamodb: () => Promise.resolve() });
    const control = await start("control-api", { postgres: () => Promise.reject(new Error("refused")) });
    await fetch(`${vote.service.url}/trpc/voter.cast`, { method: "POST" });
    const broken = await fetch(`${vote.service.url}/broken`, { headers: { "x-request-id": "broken-request-1" } });
    expect(broken.status).toBe(500);
    const closed = `http://127.0.0.1:${await freePort()}`;

    const snapshot = await operationsSnapshot(
      { voteApi: vote.service.url, controlApi: control.service.url, results: closed, aggregator: closed },
      { voteApi: vote.metricsUrl, controlApi: control.metricsUrl, results: closed, aggregator: closed },
    );

    expect(Date.now() - Date.parse(snapshot.at)).toBeLessThan(10_000);
    expect(snapshot.healthy).toBe(false);
    const [voteNow, controlNow, resultsNow] = snapshot.services;
    expect(voteNow).toMatchObject({ service: "vote-api", reachable: true, ready: true, metricsReachable: true });
    expect(voteNow!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(voteNow!.recentErrors).toEqual({
      total: 1,
      errors: [
        {
          at: expect.any(String) as unknown,
          message: "request failed",
          error: "Error: the database went away",
          requestId: "broken-request-1",
        },
      ],
    });
    expect(controlNow).toMatchObject({ service: "control-api", reachable: true, ready: false });
    expect(controlNow!.checks.postgres).toMatchObject({ ok: false });
    expect(controlNow!.recentErrors).toEqual({ total: 0, errors: [] });
    // Not answering is unknown, never "no errors".
    expect(resultsNow).toMatchObject({ service: "results", reachable: false, metricsReachable: false });
    expect(resultsNow!.recentErrors).toBeUndefined();
    expect(snapshot.metrics.castLatency.count).toBe(1);
    expect(snapshot.metrics.scraped).toEqual([
      { service: "vote-api", ok: true },
      { service: "control-api", ok: true },
      { service: "results", ok: false },
      { service: "aggregator", ok: false },
    ]);
  });
});

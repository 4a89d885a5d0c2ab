import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { raw } from "./support";

/** Attack: make one cheap request cost the service a lot, or make its bookkeeping grow without bound. */
const METRICS_OFFSET = 7;
const STREAMS_PER_CLIENT = 2;

let stack: TestStack;
let deployment: Deployment;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack, {
    LANDSLIDE_METRICS_PORT_OFFSET: String(METRICS_OFFSET),
    LANDSLIDE_SSE_STREAMS_PER_CLIENT: String(STREAMS_PER_CLIENT),
  });
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

/** The metrics listener of the service at `publicUrl`: its port plus the offset, on loopback. */
const metricsUrl = (publicUrl: string) =>
  `http://127.0.0.1:${Number(new URL(publicUrl).port) + METRICS_OFFSET}/metrics`;

async function inParallel(count: number, width: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < count; i += width)
    await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, j) => work(i + j)));
}

describe("metrics", () => {
  it("are not served on the public port of any service", async () => {
    for (const url of Object.values(deployment.urls)) expect((await raw(`${url}/metrics`)).status, url).toBe(404);
  });

  it("stay small after 5,000 distinct unknown paths, plain and tRPC", async () => {
    const base = deployment.urls.results;
    const unmatched = async () => {
      const metrics = await raw(metricsUrl(base));
      expect(metrics.status).toBe(200);
      const count =
        /^landslide_http_request_duration_seconds_count\{service="results",route="unmatched",status="404"\} (\d+)$/m.exec(
          metrics.text,
        );
      return { count: Number(count?.[1] ?? 0), size: metrics.text.length };
    };
    const before = await unmatched();
    await inParallel(5_000, 50, (i) => raw(i % 2 ? `${base}/no-such-page-${i}` : `${base}/trpc/no.such.procedure${i}`));
    const after = await unmatched();
    // Every one of them under the one label, and the document as small as before (7 MB and 0.8 s a scrape when each path was a label).
    expect(after.count - before.count).toBe(5000);
    expect(after.size).toBeLessThan(64 * 1024);
  });
});

describe("tRPC batching", () => {
  it("refuses a batch of 200 calls in one GET without running them", async () => {
    const paths = Array(200).fill("humanCheck.challenge").join(",");
    const response = await raw(`${deployment.urls.voteApi}/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`);
    expect(response.status).toBe(400);
    expect(response.text.length).toBeLessThan(2_000);
  });
});

describe("live-results streams", () => {
  const liveUrl = () =>
    `${deployment.urls.results}/trpc/results.live?input=${encodeURIComponent(JSON.stringify({ electionId: DEMO_ELECTION_ID }))}`;
  const open = async () => {
    const controller = new AbortController();
    const response = await fetch(liveUrl(), { headers: { accept: "text/event-stream" }, signal: controller.signal });
    return { response, close: () => controller.abort() };
  };

  const streams: Array<Awaited<ReturnType<typeof open>>> = [];
  afterAll(() => streams.forEach((stream) => stream.close()));

  it(`refuses stream ${STREAMS_PER_CLIENT + 1} from one client with 429 and Retry-After, and admits one again once a stream closes`, async () => {
    for (let i = 0; i < STREAMS_PER_CLIENT; i++) {
      const stream = await open();
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      streams.push(stream);
    }
    const refused = await open();
    streams.push(refused); // closed with the others should it have been let in
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.response.json()).toMatchObject({ error: { data: { reason: "TOO_MANY_STREAMS" } } });
    streams.pop();

    streams.shift()!.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await open();
    streams.push(again);
    expect(again.response.status).toBe(200);
  });
});

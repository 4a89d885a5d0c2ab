import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getPlatformHealth } from "../src/health";

// Real HTTP servers on loopback answering as the services do; the port of the last one is closed.
const servers: Server[] = [];
const urls = { voteApi: "", controlApi: "", results: "", aggregator: "" };

function serve(status: number, body: unknown, delayMs = 0): Promise<string> {
  const server = createServer((_, response) => {
    setTimeout(() => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    }, delayMs);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)),
  );
}

beforeAll(async () => {
  urls.voteApi = await serve(200, { status: "ready", checks: { dynamodb: { ok: true, latencyMs: 3 } } });
  urls.controlApi = await serve(503, {
    status: "not-ready",
    checks: {
      postgres: { ok: false, latencyMs: 9, error: "connect ECONNREFUSED" },
      dynamodb: { ok: true, latencyMs: 2 },
    },
  });
  urls.results = await serve(200, { status: "ready", checks: {} }, 2000);
  const closed = await serve(200, {});
  await new Promise((resolve) => servers.pop()!.close(resolve));
  urls.aggregator = closed;
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

it("reads each service's readiness, and calls slow or closed ones unreachable", async () => {
  const health = await getPlatformHealth(urls, 500);
  expect(health.map((s) => [s.service, s.status])).toEqual([
    ["vote-api", "ready"],
    ["control-api", "not-ready"],
    ["results", "unreachable"],
    ["aggregator", "unreachable"],
  ]);
  expect(health[1]?.checks).toEqual([
    { name: "postgres", ok: false, latencyMs: 9, error: "connect ECONNREFUSED" },
    { name: "dynamodb", ok: true, latencyMs: 2 },
  ]);
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitForService } from "../src/testing/index";

/**
 * A test's service waits on a port another test file may have taken between probe and bind. The
 * stranger's answer must not count as the service starting: CI once sent a test's calls to another
 * file's metrics listener, which answered "not found".
 */
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function stranger(status: number, body: string): Promise<string> {
  server = createServer((_request, response) => response.writeHead(status).end(body));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A service process that dies (as of EADDRINUSE) shortly after it was started. */
function dyingSoon() {
  const service = { child: { exitCode: null as number | null } };
  setTimeout(() => (service.child.exitCode = 1), 300);
  return service;
}

describe("waiting for a test's service", () => {
  it("does not take a metrics listener's 404 for the service", async () => {
    const base = await stranger(404, "not found\n");
    await expect(waitForService(base, "vote-api", dyingSoon(), 5_000)).rejects.toThrow(/exited before/);
  });

  it("does not take another service's health for this one's", async () => {
    const base = await stranger(200, JSON.stringify({ status: "ok", service: "results" }));
    await expect(waitForService(base, "vote-api", dyingSoon(), 5_000)).rejects.toThrow(/exited before/);
  });

  it("accepts the service's own health answer", async () => {
    const base = await stranger(200, JSON.stringify({ status: "ok", service: "vote-api" }));
    await expect(waitForService(base, "vote-api", { child: { exitCode: null } }, 5_000)).resolves.toBeUndefined();
  });
});

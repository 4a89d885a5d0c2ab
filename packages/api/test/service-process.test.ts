import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, isPortInUse, type RunningServer } from "@landslide/local-stack";
import { startTestSes } from "@landslide/local-stack/testing";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { serviceEntryPoints, type ServiceName } from "../src/services/index";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";

let stack: TestStack;
/** The control API is ready only when SES answers: a local SES server of this file's own. */
let ses: RunningServer;
beforeAll(async () => {
  [stack, ses] = await Promise.all([provisionTestStack({ demo: true }), startTestSes()]);
});
afterAll(async () => {
  await ses?.stop();
  await stack?.stop();
});

describe.each(Object.keys(serviceEntryPoints) as ServiceName[])("the %s process", (name) => {
  it("answers /healthz and /readyz with its dependencies, tags logs with the request id, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const service = startService(name, { ...serviceEnvironment(stack, port), LANDSLIDE_SES_ENDPOINT: ses.endpoint });
    const base = `http://127.0.0.1:${port}`;
    await waitForService(base, name, service, 30_000);

    const health = await fetch(`${base}/healthz`, { headers: { "x-request-id": "test-request-0001" } });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", service: name });
    expect(health.headers.get("x-request-id")).toBe("test-request-0001");

    const ready = await fetch(`${base}/readyz`);
    const report = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(ready.status, JSON.stringify(report)).toBe(200);
    expect(report.status).toBe("ready");
    expect(Object.values(report.checks).every((check) => check.ok)).toBe(true);
    expect(Object.keys(report.checks).length).toBeGreaterThan(0);

    // The web apps' origins may call it from a browser; another site may not.
    const preflight = (origin: string) =>
      fetch(`${base}/trpc/elections.list`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,dpop",
        },
      });
    const allowed = await preflight("http://localhost:3000");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("dpop");
    const foreign = await preflight("https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(
      (await fetch(`${base}/healthz`, { headers: { origin: "http://127.0.0.1:3001" } })).headers.get(
        "access-control-allow-origin",
      ),
    ).toBe("http://127.0.0.1:3001");

    // Metrics are served on their own loopback listener (the port plus 100), never on the public one.
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${port + 100}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(new RegExp(`^process_cpu_user_seconds_total\\{service="${name}"\\} `, "m"));

    service.child.kill("SIGTERM");
    expect(await service.exited).toBe(0);
    expect(await isPortInUse(port)).toBe(false);

    const lines = service
      .output()
      .stdout.trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.requestId === "test-request-0001")).toMatchObject({
      service: name,
      path: "/healthz",
      status: 200,
    });
    expect(lines.at(-1)).toMatchObject({ msg: `${name} stopped` });
  });
});

describe("a service with a broken dependency or configuration", () => {
  it("reports not-ready with the failing check, without a stack trace", async () => {
    const port = await freePort();
    const deadPort = await freePort();
    const service = startService("control-api", {
      ...serviceEnvironment(stack, port),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/postgres`,
    });
    try {
      await waitForService(`http://127.0.0.1:${port}`, "control-api", service, 30_000);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; error?: string }> };
      expect(ready.status).toBe(503);
      expect(body.status).toBe("not-ready");
      expect(body.checks.postgres?.ok).toBe(false);
      expect(body.checks.postgres?.error).toMatch(/ECONNREFUSED/);
      expect(body.checks.postgres?.error).not.toMatch(/\n| {4}at /);
      expect(body.checks.dynamodb?.ok).toBe(true);
    } finally {
      service.child.kill("SIGTERM");
      await service.exited;
    }
  });

  it.each([
    [
      "LANDSLIDE_VOTE_API_PORT",
      "not-a-port",
      /^Invalid configuration: LANDSLIDE_VOTE_API_PORT must be a port number \(1-65535\), got "not-a-port"\.$/,
    ],
    [
      "LANDSLIDE_DYNAMODB_ENDPOINT",
      "localhost:8000",
      /^Invalid configuration: LANDSLIDE_DYNAMODB_ENDPOINT must be an http\(s\) URL/,
    ],
  ])("stops at start-up with one line when %s=%s", (variable, value, message) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(serviceEntryPoints["vote-api"])], {
      env: { ...serviceEnvironment(stack, 1), [variable]: value },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it("stops with one line when its port is taken", async () => {
    const port = await freePort();
    const first = startService("results", serviceEnvironment(stack, port));
    try {
      await waitForService(`http://127.0.0.1:${port}`, "results", first, 30_000);
      const second = startService("results", serviceEnvironment(stack, port));
      expect(await second.exited).toBe(1);
      expect(second.output().stderr.trim()).toBe(
        `results: port ${port} is already in use on 127.0.0.1; choose another port in the environment.`,
      );
    } finally {
      first.child.kill("SIGTERM");
      await first.exited;
    }
  });
});

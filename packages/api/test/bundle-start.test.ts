import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningServer } from "@landslide/local-stack";
import { startTestSes } from "@landslide/local-stack/testing";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { serviceEntryPoints, type ServiceName } from "../src/services/index";
import { serviceEnvironment, startNodeProcess, waitForService } from "../src/testing/index";

// The production bundle (build.mjs, what the API image runs), built afresh from the current
// source into a folder outside the repository: no node_modules above it and no tsx, as in the
// image. Each service must start from it against a provisioned test stack and answer.
let bundleDir: string;
let stack: TestStack;
/** The control API is ready only when SES answers: a local SES server of this file's own. */
let ses: RunningServer;
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), "landslide-bundle-"));
  const build = promisify(execFile)(process.execPath, [
    fileURLToPath(new URL("../build.mjs", import.meta.url)),
    "--outdir",
    bundleDir,
  ]).catch((error: Error & { stderr?: string }) => {
    throw new Error(`the bundle did not build: ${error.stderr ?? error.message}`);
  });
  [stack, ses] = await Promise.all([provisionTestStack({ demo: false }), startTestSes(), build]);
}, 180_000);
afterAll(async () => {
  await ses?.stop();
  await stack?.stop();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

function bundleOf(name: ServiceName): string {
  return join(bundleDir, `${name}.mjs`);
}

function startBundled(name: ServiceName, env: NodeJS.ProcessEnv) {
  return startNodeProcess(["--enable-source-maps", bundleOf(name)], env, bundleDir);
}

describe.each(Object.keys(serviceEntryPoints) as ServiceName[])("the bundled %s", (name) => {
  it("starts from dist alone, is healthy and ready, serves its routes, and stops cleanly on SIGTERM", async () => {
    expect(existsSync(bundleOf(name)), `build.mjs does not bundle ${name}`).toBe(true);
    expect(existsSync(`${bundleOf(name)}.map`)).toBe(true);
    const port = await freePort();
    const service = startBundled(name, { ...serviceEnvironment(stack, port), LANDSLIDE_SES_ENDPOINT: ses.endpoint });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForService(base, name, service, 30_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${service.output().stderr}`);
      });
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", service: name });

      const ready = await fetch(`${base}/readyz`);
      const report = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean }> };
      expect(ready.status, JSON.stringify(report)).toBe(200);
      expect(report.status).toBe("ready");

      // A procedure through tRPC, zod and the data stores: the bundled routers work, not only the shell.
      if (name !== "aggregator") {
        const listed = await fetch(`${base}/trpc/elections.list`);
        expect(listed.status, await listed.clone().text()).toBe(200);
        expect(await listed.json()).toMatchObject({ result: { data: expect.any(Array) } });
      }
    } finally {
      service.child.kill("SIGTERM");
    }
    expect(await service.exited).toBe(0);
    expect(service.output().stderr).toBe("");
    const lines = service
      .output()
      .stdout.trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ service: name, msg: `${name} stopped` });
  });
});

describe("the bundle with a bad configuration", () => {
  it("stops at start-up with the same one line as the sources", () => {
    const result = spawnSync(process.execPath, [bundleOf("vote-api")], {
      cwd: bundleDir,
      env: { ...serviceEnvironment(stack, 1), LANDSLIDE_VOTE_API_PORT: "not-a-port" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: LANDSLIDE_VOTE_API_PORT must be a port number (1-65535), got "not-a-port".',
    );
  });
});

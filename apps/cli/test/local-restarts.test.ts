import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { isPortInUse } from "@landslide/local-stack";
import type { SupervisedState, SupervisorEvent } from "../src/lib/local-stack/supervisor";
import { isolatedStack } from "./isolated-stack";
import { runCli } from "./run-cli";

/**
 * The launcher keeps its services running as ECS keeps tasks running. This starts the smallest
 * stack that has the supervisor (`local up --web none`, on its own folders and free ports), kills
 * the vote API outright, and watches it come back; then kills it again and stops the stack while
 * that restart waits, which must call it off.
 */

const scratch = mkdtempSync(join(tmpdir(), "landslide-restarts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface ReadyDocument {
  status: string;
  urls: Record<string, string>;
  supervised: Record<string, SupervisedState>;
}

/** `election local up --web none --json`: its ready document (the first line), then the supervisor's events, one JSON line each. */
function startStack(env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL("../bin/run.js", import.meta.url)), "local", "up", "--web", "none", "--json"],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const lines = () => stdout.split("\n").filter((line) => line.startsWith("{") && line.endsWith("}"));
  const failed = () => `local up: ${stdout} ${stderr}`;
  return {
    exited,
    failed,
    ready: async (): Promise<ReadyDocument> => {
      await until(() => lines().length > 0, 240_000, failed, exited);
      return JSON.parse(lines()[0]!) as ReadyDocument;
    },
    events: (): SupervisorEvent[] =>
      lines()
        .slice(1)
        .map((line) => JSON.parse(line) as SupervisorEvent),
    kill: () => child.kill("SIGKILL"),
  };
}

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: () => string,
  exited?: Promise<unknown>,
): Promise<void> {
  let gone = false;
  void exited?.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (gone || Date.now() > deadline) throw new Error(`${gone ? "exited" : "timed out"}: ${what()}`);
    await sleep(100);
  }
}

describe("election local up restarts a crashed service", () => {
  it("brings the vote API back on its port after SIGKILL, says so, counts it in local status; after local down nothing of the stack runs or comes back", async () => {
    const { env, ports } = await isolatedStack(scratch, "restarts");
    const stack = startStack(env);
    try {
      const document = await stack.ready();
      const voteApi = document.urls["vote-api"]!;
      expect(new URL(voteApi).port).toBe(String(ports.VOTE_API));
      expect(Object.keys(document.supervised).sort()).toEqual([
        "aggregator",
        "cognito-local",
        "control-api",
        "dynamodb-local",
        "results",
        "vote-api",
      ]);
      const firstPid = document.supervised["vote-api"]!.pid!;
      expect(document.supervised["vote-api"]).toEqual({ pid: firstPid, restarts: 0, state: "running" });
      // The check made after `local down` below does see the stack's processes.
      expect(processesOf(env.LANDSLIDE_DATA_DIR!).filter((p) => p.startsWith(`${firstPid}: `))).toHaveLength(1);

      process.kill(firstPid, "SIGKILL");
      await until(() => stack.events().some((e) => e.event === "service-restarted"), 120_000, stack.failed);
      const [exited, restarted] = stack.events();
      expect(exited).toEqual({
        event: "service-exited",
        service: "vote-api",
        pid: firstPid,
        code: null,
        signal: "SIGKILL",
        lastLine: expect.any(String),
        restartInMs: 500,
        restart: 1,
      });
      expect(restarted).toEqual({
        event: "service-restarted",
        service: "vote-api",
        pid: expect.any(Number),
        restart: 1,
        url: voteApi,
      });
      // The same port as before, answering.
      expect((await fetch(`${voteApi}/healthz`)).status).toBe(200);

      // `local status` reads what the supervising `local up` wrote.
      const status = await runCli(["local", "status", "--json"], env);
      expect(status.code, status.stderr).toBe(0);
      const { supervised } = JSON.parse(status.stdout) as { supervised: Record<string, SupervisedState> };
      const secondPid = (restarted as { pid: number }).pid;
      expect(secondPid).not.toBe(firstPid);
      expect(supervised["vote-api"]).toEqual({
        pid: secondPid,
        restarts: 1,
        state: "running",
        lastExit: expect.objectContaining({ code: null, signal: "SIGKILL" }),
      });
      expect(supervised["control-api"]).toMatchObject({ restarts: 0, state: "running" });
      const human = await runCli(["local", "status"], env);
      expect(human.stdout).toMatch(/vote-api +ready +http:\S+ +restarts: 1 \(last: signal SIGKILL at /);

      // A second crash within the minute waits 1 s, then a new vote API starts, while `local down`
      // (seconds to load) is on its way: whether it finds the restart waiting, starting or done, it
      // must stop what runs now, and nothing may come back afterwards.
      process.kill(secondPid, "SIGKILL");
      await until(() => stack.events().length === 3, 30_000, stack.failed);
      expect(stack.events()[2]).toMatchObject({
        event: "service-exited",
        service: "vote-api",
        restartInMs: 1_000,
        restart: 2,
      });
      const down = await runCli(["local", "down"], env);
      expect(down.code, down.stderr).toBe(0);
      expect(await stack.exited).toBe(0);
      // Longer than any restart could have been waiting.
      await sleep(2_500);
      expect(processesOf(env.LANDSLIDE_DATA_DIR!)).toEqual([]);
      for (const [name, port] of Object.entries(ports)) expect(await isPortInUse(port), name).toBe(false);
    } finally {
      stack.kill();
    }
  }, 360_000);
});

/** Every process on this machine started for the stack in `dataDir` (its environment names the folder), from /proc. */
function processesOf(dataDir: string): string[] {
  const marker = `LANDSLIDE_DATA_DIR=${dataDir}\0`;
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").includes(marker)
          ? [`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, "latin1").replaceAll("\0", " ")}`]
          : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

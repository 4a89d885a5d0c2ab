import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { freePort, isPortInUse, ManagedChild } from "@landslide/local-stack";
import type { LaunchedProcess } from "../src/lib/local-stack/processes";
import { defaultRestartPolicy, nextRestart } from "../src/lib/local-stack/restart-policy";
import { Supervisor, type SupervisorEvent } from "../src/lib/local-stack/supervisor";
import { describeSupervisorEvent } from "../src/lib/local-stack/supervisor-message";

describe("the restart back-off (as ECS restarts a failed task)", () => {
  it("waits 0.5 s, then doubles for each crash in a row up to 30 s", () => {
    let inARow = 0;
    const delays: number[] = [];
    for (let crash = 0; crash < 10; crash++) {
      const decision = nextRestart(defaultRestartPolicy, inARow, 1_000);
      delays.push(decision.delayMs);
      inARow = decision.inARow;
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    // A process that crashes for ever neither overflows nor waits longer than the cap.
    expect(nextRestart(defaultRestartPolicy, 5_000, 0)).toEqual({ delayMs: 30_000, inARow: 5_001 });
  });

  it("starts again from 0.5 s once the process had stayed up a minute, not a moment less", () => {
    expect(nextRestart(defaultRestartPolicy, 6, 60_000)).toEqual({ delayMs: 500, inARow: 1 });
    expect(nextRestart(defaultRestartPolicy, 6, 59_999)).toEqual({ delayMs: 30_000, inARow: 7 });
  });
});

/**
 * A real process under the real supervisor: a small HTTP server that answers /healthz with its
 * pid, and on /crash says why on stderr and exits 3, as a service that fails does.
 */
const scratch = mkdtempSync(join(tmpdir(), "landslide-supervisor-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const serverScript = join(scratch, "server.mjs");
writeFileSync(
  serverScript,
  `import { createServer } from "node:http";
const port = Number(process.env.PORT);
createServer((request, response) => {
  if (request.url === "/crash") {
    process.stderr.write("the disk is on fire\\n");
    process.exit(3);
  }
  if (request.url === "/throw") setImmediate(() => { throw new TypeError("cannot read the ballot"); });
  response.end(String(process.pid));
}).listen(port, "127.0.0.1", () => console.log(JSON.stringify({ msg: "listening on " + port })));
`,
);

async function startWatched(name: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(scratch, `${name}.log`);
  const launched: LaunchedProcess = {
    child: new ManagedChild({
      name,
      command: process.execPath,
      args: [serverScript],
      env: { PORT: String(port) },
      logFile,
    }),
    url,
    readyUrl: `${url}/healthz`,
  };
  const events: SupervisorEvent[] = [];
  const supervisor = new Supervisor({ onEvent: (event) => events.push(event) });
  onTestFinished(async () => {
    supervisor.halt();
    await supervisor.current(launched).stop();
  });
  await until(async () => (await fetch(launched.readyUrl).catch(() => undefined))?.ok === true);
  supervisor.watch(launched);
  return {
    launched,
    supervisor,
    events,
    port,
    logFile,
    pid: async () => Number(await (await fetch(launched.readyUrl)).text()),
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(50);
  }
}

describe("the supervisor", () => {
  it("restarts a process killed with SIGKILL on the same port, appends to its log, and says so", async () => {
    const { launched, supervisor, events, pid, logFile } = await startWatched("killed");
    const first = await pid();
    process.kill(first, "SIGKILL");
    await until(() => events.some((e) => e.event === "service-restarted"));

    const second = await pid();
    expect(second).not.toBe(first);
    expect(events).toEqual([
      {
        event: "service-exited",
        service: "killed",
        pid: first,
        code: null,
        signal: "SIGKILL",
        lastLine: `listening on ${new URL(launched.url).port}`,
        restartInMs: 500,
        restart: 1,
      },
      { event: "service-restarted", service: "killed", pid: second, restart: 1, url: launched.url },
    ]);
    expect(describeSupervisorEvent(events[0]!)).toBe(
      `killed exited (signal SIGKILL): listening on ${new URL(launched.url).port}; restarting in 0.5 s (restart 1)`,
    );
    expect(supervisor.snapshot()).toEqual({
      killed: {
        pid: second,
        restarts: 1,
        state: "running",
        lastExit: { code: null, signal: "SIGKILL", lastLine: expect.any(String), at: expect.any(String) },
      },
    });
    // Both lives of the process wrote to the one log file.
    expect(readFileSync(logFile, "utf8").match(/listening on/g)).toHaveLength(2);
  });

  it("names the exit code and the last thing the process said, and backs off longer for a crash in a row", async () => {
    const { launched, events } = await startWatched("crashing");
    await fetch(`${launched.url}/crash`).catch(() => undefined);
    await until(() => events.some((e) => e.event === "service-restarted"));
    await fetch(`${launched.url}/crash`).catch(() => undefined);
    await until(() => events.filter((e) => e.event === "service-restarted").length === 2);

    const exits = events.filter((e) => e.event === "service-exited");
    expect(exits.map((e) => describeSupervisorEvent(e))).toEqual([
      "crashing exited (code 3): the disk is on fire; restarting in 0.5 s (restart 1)",
      "crashing exited (code 3): the disk is on fire; restarting in 1 s (restart 2)",
    ]);
  });

  it("names an uncaught exception by its error line, not Node's version line after the stack", async () => {
    const { launched, events } = await startWatched("throwing");
    await fetch(`${launched.url}/throw`).catch(() => undefined);
    await until(() => events.length > 0);
    expect(events[0]).toMatchObject({
      event: "service-exited",
      code: 1,
      signal: null,
      lastLine: "TypeError: cannot read the ballot",
    });
  });

  it("restarts nothing once halted, not even a restart that was already waiting", async () => {
    const { launched, supervisor, events, port, pid } = await startWatched("halted");
    const first = await pid();
    process.kill(first, "SIGKILL");
    await until(() => events.length === 1);
    supervisor.halt();
    // Well past the 0.5 s the restart was waiting for.
    await sleep(1_500);
    expect(await isPortInUse(port)).toBe(false);
    expect(supervisor.current(launched).alive).toBe(false);
    expect(events.map((e) => e.event)).toEqual(["service-exited"]);
  });

  it("takes a stop after halt() for a stop, not a crash", async () => {
    const { launched, supervisor, events, port } = await startWatched("stopped");
    supervisor.halt();
    await supervisor.current(launched).stop();
    await sleep(1_000);
    expect(events).toEqual([]);
    expect(await isPortInUse(port)).toBe(false);
  });
});

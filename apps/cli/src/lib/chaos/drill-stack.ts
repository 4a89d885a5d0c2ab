import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { type Config, loadConfig } from "@landslide/config";
import { freePort, freePortBelowEphemeralRange, isPortInUse, LocalStackError } from "@landslide/local-stack";
import { stackLayout, type StackLayout } from "../local-stack/layout";
import { readRunFile, type RunFile } from "../local-stack/run-file";

/** This CLI's entry point: `local up` is started with it, as an operator's shell would. */
const cliEntry = fileURLToPath(new URL("../../../bin/run.js", import.meta.url));

/** Every port a local stack without web apps listens on, by the suffix of its LANDSLIDE_<NAME>_PORT setting. */
const PORTS = [
  "VOTE_API",
  "CONTROL_API",
  "RESULTS",
  "AGGREGATOR",
  "DYNAMODB_LOCAL",
  "COGNITO_LOCAL",
  "POSTGRES",
  "SES_LOCAL",
  "S3_LOCAL",
  "SQS_LOCAL",
  "VOTER_WEB",
  "CONSOLE",
] as const;
/** The services whose metrics listen at their port plus LANDSLIDE_METRICS_PORT_OFFSET (100 by default). */
const METERED: readonly string[] = ["VOTE_API", "CONTROL_API", "RESULTS", "AGGREGATOR"];
const METRICS_OFFSET = 100;

/** What the environment of a process started for the stack carries: how its processes are found if `local up` cannot stop them. */
const marker = (dataDir: string) => `LANDSLIDE_DATA_DIR=${dataDir}\0`;

/** How the stack stopped: `local up` exited 0 having stopped everything, or left processes the drill killed. */
export interface StackStop {
  readonly exitCode: number | null;
  /** Processes of the stack still running after `local up` exited (killed then). */
  readonly leftovers: number;
  readonly cleanly: boolean;
}

export interface DrillStack {
  /** The stack's own settings (its folder, its ports), as its services read them. */
  readonly config: Config;
  readonly layout: StackLayout;
  /** Each service's and stand-in's base URL, from `local up`'s ready document. */
  readonly urls: Readonly<Record<string, string>>;
  /** The run file `local up` keeps current: each supervised process's pid, the user pool and its clients. */
  runFile(): RunFile;
  /** The pid the supervisor runs `name` as now (undefined while it waits to restart it). */
  pidOf(name: string): number | undefined;
  /** What `local up` printed, for an error message. */
  output(): string;
  /** Stops the supervised `name` (SIGTERM) and waits until the supervisor runs it again (it answers its ready URL). */
  restart(name: string): Promise<void>;
  /** Stops `local up`, which stops everything it started; anything left of the stack is killed. */
  stop(): Promise<StackStop>;
}

/**
 * A whole local stack of the drill's own, without web apps: `election local up --web none --json`
 * on `dataDir` and free ports, so the drill never touches the stack (and data) of `npm run dev`.
 * The proxy is this machine (LANDSLIDE_TRUSTED_PROXIES=127.0.0.1), as `election loadtest` asks, so
 * each simulated voter has an address of its own. Nothing of the caller's LANDSLIDE_* settings is
 * passed on: they may name another stack, or AWS.
 */
export async function startDrillStack(options: {
  readonly dataDir: string;
  readonly services: "built" | "sources";
  /** The caller's environment: only what starting programs needs is taken from it. */
  readonly inherit: NodeJS.ProcessEnv;
}): Promise<DrillStack> {
  const dataDir = resolve(options.dataDir);
  const running = readRunFile(stackLayout(dataDir).runFile);
  if (running)
    throw new LocalStackError(
      `A local stack (pid ${running.pid}) runs from ${dataDir}: the drill kills and restarts processes, so it needs a folder of its own. Leave out --data-dir, or name another folder.`,
    );
  const ports = await freePorts();
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      // LANDSLIDE_CLI_SOURCES: `local up` runs from the sources when the drill does (see bin/run.js).
      ["PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG", "LANDSLIDE_CLI_SOURCES"].flatMap((name) =>
        options.inherit[name] === undefined ? [] : [[name, options.inherit[name]]],
      ),
    ),
    LANDSLIDE_DATA_DIR: dataDir,
    LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1",
    ...Object.fromEntries(PORTS.map((name) => [`LANDSLIDE_${name}_PORT`, String(ports[name])])),
  };
  const config = loadConfig(env);
  const layout = stackLayout(config.dataDir);
  const child = spawn(
    process.execPath,
    [cliEntry, "local", "up", "--web", "none", "--json", "--services", options.services],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-200_000)));
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((done) => child.once("close", () => done()));
  let gone = false;
  void exited.then(() => (gone = true));
  const output = () => `${stdout.slice(-4_000)}${stderr.slice(-4_000)}`.trim();
  const stop = () => stopStack(child, exited, dataDir);

  // `local up --json` prints its ready document as the first line, once everything answers; its
  // own waits give up on a process that stops making progress, so there is no deadline here.
  const ready = (): string | undefined => stdout.split("\n").find((line) => line.startsWith("{") && line.endsWith("}"));
  while (!ready()) {
    if (gone) throw new Error(`The drill's local stack did not start:\n${output()}`);
    await sleep(200);
  }
  const { urls } = JSON.parse(ready()!) as { urls: Record<string, string> };
  return {
    config,
    layout,
    urls,
    runFile: () => {
      const file = readRunFile(layout.runFile);
      if (!file) throw new Error(`The drill's local stack stopped:\n${output()}`);
      return file;
    },
    pidOf: (name) => {
      const state = readRunFile(layout.runFile)?.supervised?.[name];
      return state?.state === "waiting" ? undefined : (state?.pid ?? undefined);
    },
    output,
    stop,
    restart: async (name) => {
      const old = readRunFile(layout.runFile)?.supervised?.[name]?.pid;
      if (!old) throw new Error(`The drill's local stack does not supervise ${name}:\n${output()}`);
      process.kill(old, "SIGTERM");
      const deadline = performance.now() + 120_000;
      for (;;) {
        const now = readRunFile(layout.runFile)?.supervised?.[name];
        // "running": the supervisor saw the new process answer its ready URL.
        if (now?.state === "running" && now.pid !== old) return;
        if (gone || performance.now() > deadline)
          throw new Error(`${name} did not come back within 120 s of a restart:\n${output()}`);
        await sleep(200);
      }
    },
  };
}

async function stopStack(child: ChildProcess, exited: Promise<void>, dataDir: string): Promise<StackStop> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    const patience = new AbortController();
    await Promise.race([exited, sleep(60_000, undefined, { signal: patience.signal }).catch(() => undefined)]);
    patience.abort();
  }
  // `local up` stops its children and waits for them; whatever is left (it was killed, or a stop
  // timed out) is this stack's only: found by the data folder its environment names.
  const leftovers = processesOf(dataDir);
  for (const pid of leftovers) {
    try {
      process.kill(pid, "SIGCONT");
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
  return {
    exitCode: child.exitCode,
    leftovers: leftovers.length,
    cleanly: child.exitCode === 0 && leftovers.length === 0,
  };
}

/** The processes started for the stack in `dataDir`, from /proc (Linux); none found elsewhere. */
export function processesOf(dataDir: string): number[] {
  if (!existsSync("/proc")) return [];
  const wanted = marker(resolve(dataDir));
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(join("/proc", pid, "environ"), "latin1").includes(wanted);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

/**
 * A free port for each of the stack's settings, where each service's metrics port is free too and
 * no port is another's metrics port (ports handed out one after another lie close together, and a
 * service whose metrics port is taken does not start).
 */
async function freePorts(): Promise<Record<(typeof PORTS)[number], number>> {
  for (;;) {
    const ports = {} as Record<(typeof PORTS)[number], number>;
    // Ceph's gateway binds seconds after its port is chosen: one a neighbour's listen(0) cannot get.
    for (const name of PORTS)
      ports[name] = name === "S3_LOCAL" ? await freePortBelowEphemeralRange() : await freePort();
    const chosen = new Set(Object.values<number>(ports));
    const metrics = PORTS.filter((name) => METERED.includes(name)).map((name) => ports[name] + METRICS_OFFSET);
    const clash = await Promise.all(metrics.map(async (port) => chosen.has(port) || (await isPortInUse(port))));
    if (chosen.size === PORTS.length && !clash.includes(true)) return ports;
  }
}

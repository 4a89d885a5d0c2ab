import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { exposedListeners, stackListeners } from "../src/lib/local-stack/listeners";
import type { Check } from "../src/lib/doctor/check";
import { runCli } from "./run-cli";
import { isolatedStack, LOCAL_PORTS } from "./isolated-stack";

/**
 * The attack run found DynamoDB Local on 0.0.0.0: anyone on the network could write ballots into
 * the votes table. These start the whole stack as `npm run dev` does (web apps under next dev
 * included) and read the kernel's listening sockets with `ss`, independently of the launcher's
 * own detection, which is then checked against sockets that do listen on every interface.
 */

const scratch = mkdtempSync(join(tmpdir(), "landslide-loopback-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const isolatedEnv = (name: string) => isolatedStack(scratch, name);

/** A process and all its descendants, from `ps`. */
function processTree(root: number): Set<number> {
  const rows = spawnSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" }).stdout.trim().split("\n");
  const parents = rows.map((row) => row.trim().split(/\s+/).map(Number) as [number, number]);
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** Every listening TCP socket of the given processes, as `ss -ltnp` shows them: "address:port". */
function listeningSockets(pids: ReadonlySet<number>): Array<{ local: string; port: number; pids: number[] }> {
  const ss = spawnSync("ss", ["-ltnpH"], { encoding: "utf8" });
  expect(ss.status, ss.stderr).toBe(0);
  return ss.stdout
    .trim()
    .split("\n")
    .map((line) => {
      const local = line.trim().split(/\s+/)[3] ?? "";
      const owners = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
      return { local, port: Number(local.slice(local.lastIndexOf(":") + 1)), pids: owners };
    })
    .filter((socket) => socket.pids.some((pid) => pids.has(pid)));
}

/** 127.0.0.0/8 and ::1, also written as ss writes them ([::1], [::ffff:127.0.0.1]); never 0.0.0.0, *, or [::]. */
const onLoopback = (local: string) => /^(127\.|\[::1\]:|\[::ffff:127\.)/.test(local);

function startStack(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  ready: Promise<{ exposedListeners: unknown }>;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL("../bin/run.js", import.meta.url)), "local", "up", "--json"],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const ready = new Promise<{ exposedListeners: unknown }>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      // The ready document is one line; a failure is a pretty-printed error envelope, reported on exit.
      const first = stdout.split("\n")[0]!;
      if (stdout.includes("\n") && first !== "{") resolve(JSON.parse(first) as { exposedListeners: unknown });
    });
    void exited.then((code) => reject(new Error(`local up exited ${code}: ${stdout} ${stderr}`)));
  });
  return { child, ready, exited };
}

describe("the local stack listens on loopback only", () => {
  it("as npm run dev starts it: no process of the stack listens on another address, and launcher and doctor agree", async () => {
    const { env, ports } = await isolatedEnv("whole");
    const stack = startStack(env);
    onTestFinished(async () => {
      stack.child.kill("SIGINT");
      await stack.exited;
    });
    const document = await stack.ready;

    const sockets = listeningSockets(processTree(stack.child.pid!));
    // Every planned port is among them (the check cannot pass by seeing nothing), DynamoDB Local's first.
    for (const variable of LOCAL_PORTS)
      expect(
        sockets.map((s) => s.port),
        variable,
      ).toContain(ports[variable]);
    expect(sockets.filter((s) => !onLoopback(s.local))).toEqual([]);

    expect(document.exposedListeners).toEqual([]);
    const doctor = await runCli(["doctor", "--json"], env);
    const listeners = (JSON.parse(doctor.stdout) as { checks: Check[] }).checks.find((c) => c.name === "listeners");
    expect(listeners).toEqual({
      name: "listeners",
      status: "ok",
      detail: `the local stack (pid ${stack.child.pid}) listens on loopback only`,
    });
  }, 420_000);

  it("a socket bound to every interface is found, with its process, and election doctor warns about it with the fix", async () => {
    // A child of this test process listens on 0.0.0.0 and on ::, another on loopback: this process stands in for a launcher.
    const script = `const net = require("node:net");
      const wide = net.createServer().listen(0, "0.0.0.0"), wide6 = net.createServer().listen(0, "::"), narrow = net.createServer().listen(0, "127.0.0.1");
      setTimeout(() => console.log(JSON.stringify([wide.address().port, wide6.address().port, narrow.address().port])), 200);`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    onTestFinished(() => void child.kill());
    const [wide, wide6, narrow] = await new Promise<number[]>((resolve) =>
      child.stdout.once("data", (c) => resolve(JSON.parse(String(c)) as number[])),
    );

    const all = stackListeners(process.pid) ?? [];
    expect(all).toEqual(
      expect.arrayContaining([
        { pid: child.pid, command: "node", address: "0.0.0.0", port: wide },
        { pid: child.pid, command: "node", address: "::", port: wide6 },
        { pid: child.pid, command: "node", address: "127.0.0.1", port: narrow },
      ]),
    );
    const exposed = exposedListeners(process.pid) ?? [];
    expect(exposed.map((l) => l.port).sort()).toEqual([wide, wide6].sort());

    // The doctor looks at the stack its run file names: point one at this process.
    const { env } = await isolatedEnv("exposed");
    mkdirSync(env.LANDSLIDE_DATA_DIR!, { recursive: true });
    writeFileSync(
      join(env.LANDSLIDE_DATA_DIR!, "stack.json"),
      JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), urls: {} }),
    );
    const doctor = await runCli(["doctor", "--json"], { ...env, LANDSLIDE_HOST: "127.0.0.1" });
    const check = (JSON.parse(doctor.stdout) as { checks: Check[] }).checks.find((c) => c.name === "listeners");
    expect(check).toMatchObject({ status: "warn", fix: expect.stringContaining("listen on loopback only") });
    expect(check?.detail).toContain(`node (pid ${child.pid}) on 0.0.0.0:${wide}`);
    expect(check?.detail).toContain(`node (pid ${child.pid}) on [::]:${wide6}`);
    expect(check?.detail).not.toContain(`:${narrow}`);
  });
});

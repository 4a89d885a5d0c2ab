import { setTimeout as sleep } from "node:timers/promises";
import { type Fault, faultName, type KilledService, type PlannedFault } from "./fault-schedule";

/** What the injectors act on and how they tell that it is back. */
export interface FaultTargets {
  /** The pid the supervisor runs a process as now (undefined while it waits to restart it). */
  pidOf(name: KilledService | "dynamodb-local"): number | undefined;
  /** The health URL of a service (/healthz). */
  healthUrl(service: KilledService): string;
  /** Whether DynamoDB Local answers a read. */
  dynamodbAnswers(): Promise<boolean>;
  /** Drops every live-results watcher's socket; how many. */
  cutWatchers(): number;
  /** Whether every watcher's stream has started again since `sinceMs` (performance.now()). */
  watchersStartedSince(sinceMs: number): boolean;
  /** performance.now() of the newest snapshot any watcher received (-1 before the first). */
  lastSnapshotAt(): number;
}

/** One fault as it happened. */
export interface FaultRecord {
  readonly fault: string;
  readonly kind: Fault["kind"];
  /** The process or the streams it hit. */
  readonly target: string;
  /** From the first cast: when the plan put it, and when it was injected (later when the previous recovery overran). */
  readonly plannedAtSeconds: number;
  readonly atSeconds: number;
  readonly at: string;
  readonly signal: "SIGKILL" | "SIGTERM" | "SIGSTOP" | null;
  readonly pid: number | null;
  /** The process that runs after the restart. */
  readonly newPid: number | null;
  readonly recovered: boolean;
  /**
   * From the fault until its target answered again: a killed service its health URL (200),
   * DynamoDB Local a read, the watchers every stream started again, the paused aggregator its
   * health URL after SIGCONT (so this includes the pause). Null when it did not within the patience.
   */
  readonly recoveryMs: number | null;
  readonly note: string;
}

/** How long each kind of fault is given to recover before the drill calls it a failure. */
const PATIENCE_MS: Readonly<Record<Fault["kind"], number>> = {
  kill: 120_000,
  // Java compiles DynamoDB Local's loopback launcher at every start: up to ~45 s on a busy two-core machine.
  "restart-dynamodb": 300_000,
  "cut-watchers": 60_000,
  "pause-aggregator": 60_000,
};

/**
 * Injects one fault and waits for its target to recover. `startMs` is performance.now() of the
 * first cast, which the record's times count from. A paused aggregator is always let go again,
 * whatever happens meanwhile.
 */
export async function injectFault(planned: PlannedFault, targets: FaultTargets, startMs: number): Promise<FaultRecord> {
  const { fault } = planned;
  const injectedMs = performance.now();
  const base = {
    fault: faultName(fault),
    kind: fault.kind,
    plannedAtSeconds: seconds(planned.atMs),
    atSeconds: seconds(injectedMs - startMs),
    at: new Date().toISOString(),
  };
  const patience = PATIENCE_MS[fault.kind];
  switch (fault.kind) {
    case "kill": {
      const pid = await runningPid(targets, fault.service);
      const from = performance.now();
      process.kill(pid, "SIGKILL");
      const back = await within(
        patience,
        async () => !alive(pid) && (await answersOk(targets.healthUrl(fault.service))),
      );
      return {
        ...base,
        target: fault.service,
        signal: "SIGKILL",
        pid,
        newPid: back ? await newPidOf(targets, fault.service, pid) : null,
        recovered: back,
        recoveryMs: back ? Math.round(performance.now() - from) : null,
        note: back ? "restarted by the supervisor; health URL answers 200" : "did not answer its health URL again",
      };
    }
    case "restart-dynamodb": {
      const pid = await runningPid(targets, "dynamodb-local");
      const from = performance.now();
      process.kill(pid, "SIGTERM");
      const stopped = await within(30_000, () => !alive(pid));
      const stoppedMs = Math.round(performance.now() - from);
      const back = stopped && (await within(patience, () => targets.dynamodbAnswers()));
      return {
        ...base,
        target: "dynamodb-local",
        signal: "SIGTERM",
        pid,
        newPid: back ? await newPidOf(targets, "dynamodb-local", pid) : null,
        recovered: back,
        recoveryMs: back ? Math.round(performance.now() - from) : null,
        note: stopped
          ? `Java stopped in ${stoppedMs} ms; started again on the same port and files${back ? ", answers reads" : ", but does not answer"}`
          : "Java did not stop within 30 s",
      };
    }
    case "cut-watchers": {
      const from = performance.now();
      const cut = targets.cutWatchers();
      const back = await within(patience, () => targets.watchersStartedSince(from));
      return {
        ...base,
        target: "results (SSE watchers)",
        signal: null,
        pid: null,
        newPid: null,
        recovered: back,
        recoveryMs: back ? Math.round(performance.now() - from) : null,
        note: `${cut} socket${cut === 1 ? "" : "s"} dropped mid-stream; ${back ? "every watcher reconnected" : "not every watcher reconnected"}`,
      };
    }
    case "pause-aggregator": {
      const pid = await runningPid(targets, "aggregator");
      const from = performance.now();
      process.kill(pid, "SIGSTOP");
      try {
        await sleep(fault.forMs);
      } finally {
        process.kill(pid, "SIGCONT");
      }
      const resumedMs = performance.now();
      const back = await within(patience, () => answersOk(targets.healthUrl("aggregator")));
      // The stream moves again once a watcher is shown a newer snapshot (the casts go on meanwhile).
      const moving = back && (await within(30_000, () => targets.lastSnapshotAt() > resumedMs));
      return {
        ...base,
        target: "aggregator",
        signal: "SIGSTOP",
        pid,
        newPid: pid,
        recovered: back,
        recoveryMs: back ? Math.round(performance.now() - from) : null,
        note: `stopped ${fault.forMs / 1000} s, then SIGCONT; ${
          moving
            ? `the live results moved again ${Math.round(targets.lastSnapshotAt() - resumedMs)} ms after`
            : "the live results did not move within 30 s after"
        }`,
      };
    }
  }
}

/** The pid `name` runs as, once the supervisor runs it (after a restart it may still be waiting or starting). */
async function runningPid(targets: FaultTargets, name: KilledService | "dynamodb-local"): Promise<number> {
  let pid: number | undefined;
  const found = await within(60_000, () => {
    pid = targets.pidOf(name);
    return pid !== undefined && alive(pid);
  });
  if (!found || pid === undefined) throw new Error(`${name} has no running process to inject a fault into`);
  return pid;
}

/** The pid after a restart, once the supervisor has recorded it (it notices the restart within a moment). */
async function newPidOf(targets: FaultTargets, name: KilledService | "dynamodb-local", old: number) {
  let pid: number | undefined;
  await within(10_000, () => {
    pid = targets.pidOf(name);
    return pid !== undefined && pid !== old;
  });
  return pid !== undefined && pid !== old ? pid : null;
}

/** Whether the process exists (a child not yet reaped by its parent counts as gone only once reaped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls `condition` every 100 ms until it holds (true) or `ms` pass (false). */
async function within(ms: number, condition: () => boolean | Promise<boolean>): Promise<boolean> {
  const deadline = performance.now() + ms;
  for (;;) {
    if (await condition()) return true;
    if (performance.now() > deadline) return false;
    await sleep(100);
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { ManagedChild } from "@landslide/local-stack";
import { lastLine } from "./last-line";
import type { LaunchedProcess } from "./processes";
import { defaultRestartPolicy, nextRestart, type RestartPolicy } from "./restart-policy";

/** How a process ended: its exit code, or the signal that ended it, and what it said last. */
export interface ExitReport {
  readonly code: number | null;
  readonly signal: string | null;
  readonly lastLine: string;
  readonly at: string;
}

/** What the launcher tells the operator (a line on the terminal, a JSON line under --json). */
export type SupervisorEvent =
  | ({
      readonly event: "service-exited";
      readonly service: string;
      readonly pid: number | null;
      readonly restartInMs: number;
      readonly restart: number;
    } & Omit<ExitReport, "at">)
  | {
      readonly event: "service-restarted";
      readonly service: string;
      readonly pid: number | null;
      readonly restart: number;
      readonly url: string;
    };

/** One supervised process as `election local status` shows it (kept in the run file). */
export interface SupervisedState {
  readonly pid: number | null;
  readonly restarts: number;
  /** running: answers its ready URL; waiting: back-off before a restart; starting: restarted, not answering yet. */
  readonly state: "running" | "waiting" | "starting";
  readonly lastExit?: ExitReport;
}

export interface SupervisorOptions {
  readonly onEvent: (event: SupervisorEvent) => void;
  readonly policy?: RestartPolicy;
  readonly now?: () => number;
}

interface Entry {
  readonly launched: LaunchedProcess;
  child: ManagedChild;
  startedAt: number;
  inARow: number;
  restarts: number;
  state: SupervisedState["state"];
  lastExit?: ExitReport;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps the local stack's processes running as ECS keeps a service's tasks running: a process
 * that exits without being asked to (a crash, a signal, even a clean exit) starts again, with the
 * same command, environment, port and log file (appended to), after a back-off. `halt()` comes
 * before any stop the launcher asks for, so a stop never looks like a crash and a restart that
 * was waiting never happens.
 */
export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private halted = false;
  private readonly policy: RestartPolicy;
  private readonly now: () => number;

  constructor(private readonly options: SupervisorOptions) {
    this.policy = options.policy ?? defaultRestartPolicy;
    this.now = options.now ?? Date.now;
  }

  /** Supervises a process that has answered its ready URL once (a failure to start is the launcher's to report). */
  watch(launched: LaunchedProcess): void {
    const entry: Entry = {
      launched,
      child: launched.child,
      startedAt: this.now(),
      inARow: 0,
      restarts: 0,
      state: "running",
    };
    this.entries.set(launched.child.name, entry);
    this.follow(entry);
  }

  /** The child that now runs for a process (a restart replaces it); the launched one if unsupervised. */
  current(launched: LaunchedProcess): ManagedChild {
    return this.entries.get(launched.child.name)?.child ?? launched.child;
  }

  /** From now on nothing restarts, and a restart that was waiting is called off. */
  halt(): void {
    this.halted = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
  }

  /** Every supervised process by name. */
  snapshot(): Record<string, SupervisedState> {
    return Object.fromEntries(
      [...this.entries].map(([name, e]) => [
        name,
        {
          pid: e.child.process.pid ?? null,
          restarts: e.restarts,
          state: e.state,
          ...(e.lastExit ? { lastExit: e.lastExit } : {}),
        },
      ]),
    );
  }

  private follow(entry: Entry): void {
    const child = entry.child;
    void exitOf(child).then((exit) => {
      if (this.halted || entry.child !== child) return;
      const decision = nextRestart(this.policy, entry.inARow, this.now() - entry.startedAt);
      entry.inARow = decision.inARow;
      entry.restarts += 1;
      entry.state = "waiting";
      entry.lastExit = exit;
      entry.timer = setTimeout(() => this.restart(entry), decision.delayMs);
      const { at: _at, ...said } = exit;
      this.options.onEvent({
        event: "service-exited",
        service: child.name,
        pid: child.process.pid ?? null,
        ...said,
        restartInMs: decision.delayMs,
        restart: entry.restarts,
      });
    });
  }

  private restart(entry: Entry): void {
    if (this.halted) return;
    // The same options: command, arguments, environment (so the same port) and log file, which ManagedChild opens for appending.
    entry.child = new ManagedChild(entry.child.options);
    entry.startedAt = this.now();
    entry.state = "starting";
    this.follow(entry);
    void this.announceWhenReady(entry, entry.child);
  }

  private async announceWhenReady(entry: Entry, child: ManagedChild): Promise<void> {
    const { readyUrl, url } = entry.launched;
    while (!this.halted && child.alive && entry.child === child) {
      try {
        const response = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) });
        await response.body?.cancel();
        if ((response.ok || entry.launched.readyOnAnyAnswer) && !this.halted && entry.child === child) {
          entry.state = "running";
          this.options.onEvent({
            event: "service-restarted",
            service: child.name,
            pid: child.process.pid ?? null,
            restart: entry.restarts,
            url,
          });
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
  }
}

/**
 * How a child ended, once its output is all read: the exit event can come before the last
 * chunk of stderr, and that chunk is usually the reason.
 */
async function exitOf(child: ManagedChild): Promise<ExitReport> {
  await child.whenExited();
  const { process: p } = child;
  const drained = [p.stdout, p.stderr].every((stream) => !stream || stream.destroyed || stream.readableEnded);
  if (!drained) await Promise.race([once(p, "close").catch(() => undefined), sleep(1_000)]);
  return { code: p.exitCode, signal: p.signalCode, lastLine: lastLine(child.output), at: new Date().toISOString() };
}

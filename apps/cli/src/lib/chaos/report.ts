import { count, facts, table } from "../format";
import type { AttemptCounts } from "../loadtest/paced-casts";
import type { FaultRecord } from "./fault-injectors";
import { KILLED_SERVICES, type KilledService } from "./fault-schedule";
import type { Invariant } from "./invariants";

/** What `election chaos --json` prints, and what the command returns. */
export interface ChaosReport {
  /** Every invariant held and every planned fault was injected and recovered from. */
  readonly ok: boolean;
  readonly machine: { readonly cores: number; readonly cpu: string };
  readonly stack: {
    /** The drill's own stack's folder (its logs are under logs/). */
    readonly dataDir: string;
    /** Whether the folder was kept (asked for, or kept because something failed). */
    readonly kept: boolean;
    readonly services: "built" | "sources";
    readonly startedSeconds: number;
    /** `local up` stopped everything it started (restarted processes included) and exited 0. */
    readonly stoppedCleanly: boolean;
  };
  readonly election: { readonly id: string; readonly title: string };
  readonly load: {
    readonly votes: number;
    readonly rate: number;
    readonly durationSeconds: number;
    readonly preparedSeconds: number;
    /** Casts the API acknowledged with a receipt (accepted, or quarantined: held for review). */
    readonly acknowledged: number;
    readonly accepted: number;
    readonly quarantined: number;
    /** Stored ballots held for review that the drill's official released (the bundle waits for every decision). */
    readonly released: number;
    /** Casts that finally failed: no receipt, allowed; by how. */
    readonly notAcknowledged: {
      readonly refused: Readonly<Record<string, number>>;
      readonly shed: number;
      readonly unanswered: number;
      /** The unanswered ones by the last error the SDK met (no answer in time, a 5xx it does not retry). */
      readonly why: Readonly<Record<string, number>>;
    };
    readonly attempts: AttemptCounts;
    readonly elapsedSeconds: number;
  };
  readonly faults: readonly FaultRecord[];
  readonly faultCounts: {
    readonly kills: Readonly<Record<KilledService, number>>;
    readonly dynamodbRestarts: number;
    readonly watcherCuts: number;
    readonly aggregatorPauses: number;
    /** Planned faults that were not injected, or whose target did not come back. */
    readonly failed: number;
  };
  readonly invariants: readonly Invariant[];
  readonly elapsedSeconds: number;
}

/** How many faults of each kind recovered (a fault that did not recover is counted in `failed`). */
export function faultCounts(faults: readonly FaultRecord[], planned: number): ChaosReport["faultCounts"] {
  const recovered = faults.filter((f) => f.recovered);
  const kills = Object.fromEntries(
    KILLED_SERVICES.map((service) => [
      service,
      recovered.filter((f) => f.kind === "kill" && f.target === service).length,
    ]),
  ) as Record<KilledService, number>;
  return {
    kills,
    dynamodbRestarts: recovered.filter((f) => f.kind === "restart-dynamodb").length,
    watcherCuts: recovered.filter((f) => f.kind === "cut-watchers").length,
    aggregatorPauses: recovered.filter((f) => f.kind === "pause-aggregator").length,
    failed: planned - recovered.length,
  };
}

/** The report for people: the load, each fault with its time and recovery, each invariant with PASS/FAIL and its figures. */
export function renderReport(report: ChaosReport): string {
  const { load } = report;
  const refused = Object.entries(load.notAcknowledged.refused).map(([reason, n]) => `${n} ${reason}`);
  const lines = [
    "",
    `Chaos drill on ${count(report.machine.cores, "core")} (${report.machine.cpu}): ${report.election.title}`,
    facts(
      [
        [
          "stack",
          `its own (${report.stack.services} services), started in ${report.stack.startedSeconds} s, ${report.stack.stoppedCleanly ? "stopped cleanly" : "WARNING: did not stop cleanly (local up failed, or left processes the drill killed)"}; ${report.stack.kept ? `kept in ${report.stack.dataDir}` : "removed"}`,
        ],
        [
          "load",
          `${load.votes} votes at ${load.rate}/s over ${load.durationSeconds} s (voters ready in ${load.preparedSeconds} s), all answered in ${load.elapsedSeconds} s`,
        ],
        [
          "acknowledged",
          `${load.acknowledged} (${load.accepted} accepted, ${load.quarantined} held for review; ${load.released} held ballots released after the load)`,
        ],
        [
          "no receipt",
          `${load.notAcknowledged.unanswered} unanswered, ${load.notAcknowledged.shed} shed, refused: ${refused.join(", ") || "0"} (allowed: the voter was told it failed)`,
        ],
        ...Object.entries(load.notAcknowledged.why).map(
          ([message, n]) => ["", `${n} unanswered: ${message.slice(0, 160)}`] as const,
        ),
        [
          "retried",
          `${load.attempts.sent - load.votes} attempts sent again with the same idempotency key (${load.attempts.unavailable} unavailable, ${load.attempts.unanswered} unanswered, ${load.attempts.shed} shed, ${load.attempts.rechecked} new human check)`,
        ],
      ],
      "  ",
    ),
    "",
    "Faults (seconds from the first cast; recovery: until the target answered again)",
    table(
      report.faults,
      [
        { header: "AT", value: (f) => f.atSeconds.toFixed(1), align: "right" },
        { header: "FAULT", value: (f) => f.fault },
        {
          header: "PID",
          value: (f) => (f.pid === null ? "" : `${f.pid}${f.newPid && f.newPid !== f.pid ? `→${f.newPid}` : ""}`),
        },
        {
          header: "RECOVERY",
          value: (f) => (f.recoveryMs === null ? "NONE" : `${(f.recoveryMs / 1000).toFixed(1)} s`),
          align: "right",
        },
        { header: "", value: (f) => f.note },
      ],
      "  ",
    ),
    "",
    "Invariants",
    ...report.invariants.flatMap((invariant) => [
      `  ${invariant.ok ? "PASS" : "FAIL"}  ${invariant.title}: ${figures(invariant.figures)}`,
      ...invariant.problems.map((problem) => `          ${problem}`),
      ...(invariant.counters && !invariant.ok
        ? [
            table(
              invariant.counters,
              [
                { header: "COUNTER", value: (r) => r.counter },
                { header: "LIVE", value: (r) => r.live, align: "right" },
                { header: "RECOUNT", value: (r) => r.recount, align: "right" },
                { header: "STORED", value: (r) => r.stored, align: "right" },
              ],
              "          ",
            ),
          ]
        : []),
    ]),
    "",
    report.ok
      ? `PASS  Every fault recovered and every invariant held (${report.elapsedSeconds} s in all).`
      : `FAIL  ${[
          report.faultCounts.failed > 0 ? `${count(report.faultCounts.failed, "fault")} without recovery` : "",
          `${count(report.invariants.filter((i) => !i.ok).length, "invariant")} failed`,
        ]
          .filter(Boolean)
          .join("; ")}. The stack's logs: ${report.stack.dataDir}/logs`,
  ];
  return lines.join("\n");
}

function figures(values: Invariant["figures"]): string {
  return Object.entries(values)
    .map(([name, value]) => `${name} ${value === null ? "—" : String(value)}`)
    .join(", ");
}

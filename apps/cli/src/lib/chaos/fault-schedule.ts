/**
 * What `election chaos` does to the stack while the votes are cast, and when. Pure: the plan is
 * made before anything runs, so the report can set what happened beside what was planned.
 */

/** The services the drill kills outright (SIGKILL), each several times: the supervisor must bring each back. */
export const KILLED_SERVICES = ["vote-api", "aggregator", "results"] as const;
export type KilledService = (typeof KILLED_SERVICES)[number];

/** One fault. */
export type Fault =
  /** SIGKILL: no clean shutdown, requests in flight are lost on the wire (never in the table). */
  | { readonly kind: "kill"; readonly service: KilledService }
  /** DynamoDB Local's Java process stopped (SIGTERM), started again on the same port and files. */
  | { readonly kind: "restart-dynamodb" }
  /** Every live-results SSE watcher's socket dropped mid-stream, as a load balancer or network drops them. */
  | { readonly kind: "cut-watchers" }
  /** The aggregator frozen (SIGSTOP) for `forMs`, then let go (SIGCONT): its stream reading stalls, then catches up. */
  | { readonly kind: "pause-aggregator"; readonly forMs: number };

export interface PlannedFault {
  readonly fault: Fault;
  /** From the first cast. */
  readonly atMs: number;
}

/**
 * How long the plan gives each kind of fault: the fault, the recovery (a killed service from the
 * API's bundle answers again in about 3 s; DynamoDB Local's Java takes 20–45 s on a busy two-core
 * machine) and a calm moment before the next, so each recovery is measured on its own.
 */
export const SLOT_MS: Readonly<Record<Fault["kind"], number>> = {
  kill: 8_000,
  "restart-dynamodb": 40_000,
  "cut-watchers": 6_000,
  "pause-aggregator": 12_000,
};
/** Casts before the first fault (the baseline) and after the last one's slot (writes after every fault). */
export const LEAD_MS = 5_000;
export const TAIL_MS = 10_000;

/** A one-line name for a fault, as the report prints it. */
export function faultName(fault: Fault): string {
  switch (fault.kind) {
    case "kill":
      return `kill -9 ${fault.service}`;
    case "restart-dynamodb":
      return "restart dynamodb-local";
    case "cut-watchers":
      return "cut live-results sockets";
    case "pause-aggregator":
      return `SIGSTOP aggregator ${fault.forMs / 1000} s`;
  }
}

/**
 * The faults, in order: rounds of one kill of each service (the order turning each round, so no
 * service is always hit just after another); after the first round DynamoDB Local's restart and
 * the cut of the watchers' sockets, so writes and streams go on through the later rounds; the
 * aggregator's pause in the middle of the second round (at the end of the first when there is no second).
 */
export function faultSequence(killsPerService: number, pauseMs: number): Fault[] {
  if (!Number.isInteger(killsPerService) || killsPerService < 1)
    throw new RangeError(`killsPerService must be a whole number of at least 1, not ${killsPerService}`);
  const faults: Fault[] = [];
  const pauseRound = killsPerService > 1 ? 1 : 0;
  for (let round = 0; round < killsPerService; round++) {
    const kills = KILLED_SERVICES.map((_, i) => KILLED_SERVICES[(i + round) % KILLED_SERVICES.length]!).map(
      (service): Fault => ({ kind: "kill", service }),
    );
    if (round === pauseRound)
      kills.splice(round === 0 ? kills.length : 2, 0, { kind: "pause-aggregator", forMs: pauseMs });
    faults.push(...kills);
    if (round === 0) faults.push({ kind: "restart-dynamodb" }, { kind: "cut-watchers" });
  }
  return faults;
}

/** The shortest load that gives every fault its slot. */
export function minimumDurationMs(faults: readonly Fault[]): number {
  return LEAD_MS + faults.reduce((sum, fault) => sum + SLOT_MS[fault.kind], 0) + TAIL_MS;
}

/**
 * When each fault starts, spread over a load of `durationMs`: after the lead-in, each at the start
 * of its slot, the slots stretched alike to fill the time up to the tail. A load shorter than
 * minimumDurationMs is refused: its faults would pile up.
 */
export function faultSchedule(faults: readonly Fault[], durationMs: number): PlannedFault[] {
  const needed = minimumDurationMs(faults);
  if (durationMs < needed)
    throw new RangeError(`a load of ${durationMs} ms is shorter than the ${needed} ms these faults need`);
  const slots = faults.reduce((sum, fault) => sum + SLOT_MS[fault.kind], 0);
  const stretch = slots === 0 ? 1 : (durationMs - LEAD_MS - TAIL_MS) / slots;
  let at = LEAD_MS;
  return faults.map((fault) => {
    const planned = { fault, atMs: Math.round(at) };
    at += SLOT_MS[fault.kind] * stretch;
    return planned;
  });
}

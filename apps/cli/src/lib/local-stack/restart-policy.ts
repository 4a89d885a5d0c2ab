/**
 * When a crashed process of the local stack starts again: as ECS restarts a failed task, with an
 * exponential back-off so a process that dies at once does not spin, and a clean slate once it
 * has stayed up long enough to count as healthy again.
 */
export interface RestartPolicy {
  /** The wait before the first restart of a run of crashes. */
  readonly firstDelayMs: number;
  /** The wait never grows past this. */
  readonly maxDelayMs: number;
  /** A process that ran at least this long before it exited starts the count afresh. */
  readonly resetAfterMs: number;
}

/** 0.5 s, 1 s, 2 s … up to 30 s; forgotten after a minute up. */
export const defaultRestartPolicy: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, resetAfterMs: 60_000 };

export interface RestartDecision {
  /** How long to wait before starting the process again. */
  readonly delayMs: number;
  /** Crashes in a row, this one included (1 after a reset). */
  readonly inARow: number;
}

/**
 * The next restart after an exit: `inARow` is the count of crashes in a row before this one,
 * `upForMs` how long the process that just exited had been running.
 */
export function nextRestart(policy: RestartPolicy, inARow: number, upForMs: number): RestartDecision {
  const count = upForMs >= policy.resetAfterMs ? 1 : inARow + 1;
  // 2 ** count grows to Infinity for a process that crashes forever; min() keeps the cap.
  return { delayMs: Math.min(policy.firstDelayMs * 2 ** (count - 1), policy.maxDelayMs), inARow: count };
}

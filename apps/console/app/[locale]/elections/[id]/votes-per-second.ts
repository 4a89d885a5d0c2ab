import type { TurnoutSample } from "./turnout-history";

/** Votes per second are averaged over this much of the recent past. */
export const RATE_WINDOW_MS = 30_000;
/** Below this much observed time, a rate would be noise: say so instead. */
const MIN_OBSERVED_MS = 3_000;

/**
 * Counted votes per second over the last window, from the turnout of the snapshots received.
 * Turnout is a step function between snapshots (the stream sends one on every change), so its
 * value at the window's start is that of the last sample before it. Measured up to `now`, not to
 * the last sample: when voting stops, no snapshot comes, and the rate must fall to zero anyway.
 * Undefined until enough time has been observed.
 */
export function votesPerSecond(
  samples: readonly TurnoutSample[],
  now: number,
  windowMs = RATE_WINDOW_MS,
): number | undefined {
  const first = samples[0];
  const latest = samples.at(-1);
  if (!first || !latest) return undefined;
  const windowStart = now - windowMs;
  const baseline = samples.findLast((s) => s.receivedAt <= windowStart) ?? first;
  const observedMs = now - Math.max(baseline.receivedAt, windowStart);
  if (observedMs < MIN_OBSERVED_MS) return undefined;
  // Turnout never falls (a voided ballot was only ever held, never counted); clamp all the same.
  return Math.max(0, latest.turnout - baseline.turnout) / (observedMs / 1000);
}

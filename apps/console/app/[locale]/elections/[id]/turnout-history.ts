/** A snapshot's turnout as it reached this page, for votes per second and the turnout chart. */
export interface TurnoutSample {
  readonly version: number;
  readonly turnout: number;
  /** When this page received it (the browser's clock, the same one that measures the window). */
  readonly receivedAt: number;
}

/** About an hour of steady voting at one snapshot every few seconds; older samples are dropped. */
export const MAX_SAMPLES = 1_000;

/**
 * The history with a newly arrived snapshot: only a newer version is a new sample (the poll and the
 * stream may both bring one), and the oldest samples go once there are MAX_SAMPLES.
 */
export function withSample(
  samples: readonly TurnoutSample[],
  sample: TurnoutSample,
  max = MAX_SAMPLES,
): readonly TurnoutSample[] {
  const last = samples.at(-1);
  return last && last.version >= sample.version ? samples : [...samples.slice(-(max - 1)), sample];
}

import type { LandslideClient } from "@landslide/api/client";

export interface TallyFigures {
  readonly turnout: number;
  readonly quarantined: number;
}

export interface TallyCheck {
  readonly ok: boolean;
  readonly before: TallyFigures;
  readonly after: TallyFigures;
  readonly expected: TallyFigures;
  /** From the last answer until the tally showed every accepted vote (the aggregator's lag). */
  readonly settledInMs: number;
}

export const readTally = async (sdk: LandslideClient, electionId: string): Promise<TallyFigures> => {
  const { turnout, quarantined } = await sdk.results.results.snapshot.query({ electionId });
  return { turnout, quarantined };
};

/**
 * The check that closes a load test: the tally moved by exactly the votes the API accepted (and
 * held exactly the ones it quarantined) — nothing lost, nothing counted twice. The tally follows
 * the votes through the change stream, so it is read until it stops moving or `patienceMs`
 * passes. Exact only while nobody else votes in the election.
 */
export async function checkTally(
  sdk: LandslideClient,
  electionId: string,
  before: TallyFigures,
  outcomes: TallyFigures,
  patienceMs = 30_000,
): Promise<TallyCheck> {
  const expected = {
    turnout: before.turnout + outcomes.turnout,
    quarantined: before.quarantined + outcomes.quarantined,
  };
  const started = performance.now();
  let after = await readTally(sdk, electionId);
  while (
    (after.turnout < expected.turnout || after.quarantined < expected.quarantined) &&
    performance.now() - started < patienceMs
  ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    after = await readTally(sdk, electionId);
  }
  // A moment more, in case something is counted twice and the tally overshoots.
  await new Promise((resolve) => setTimeout(resolve, 500));
  after = await readTally(sdk, electionId);
  return {
    ok: after.turnout === expected.turnout && after.quarantined === expected.quarantined,
    before,
    after,
    expected,
    settledInMs: Math.round(performance.now() - started - 500),
  };
}

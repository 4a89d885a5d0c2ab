import type { Receipt } from "@landslide/api/client";
import { mapConcurrently } from "../concurrently";
import { type PacedRun, pacedCasts } from "../loadtest/paced-casts";
import { type BallotRules, randomBallot } from "../loadtest/random-ballot";
import { castOnce, prepareVoter, type ReadyVoter, type ServiceUrls, voterClient } from "../loadtest/simulated-voter";
import { signInOrCreate, testVoterAdmin, testVoters, type TestVoterPool } from "../loadtest/test-voters";

/** A cast the vote API acknowledged: the receipt it signed, which the drill later looks up. */
export interface AcknowledgedCast {
  readonly voter: number;
  readonly decision: string;
  readonly receipt: Receipt;
  /** performance.now() when the answer came. */
  readonly atMs: number;
}

/**
 * The drill's voters, made ready as `election loadtest` makes its own (the same code): created in
 * the stack's user pool, signed in, device registered, one human check solved each, before the
 * clock starts. Each casts once.
 */
export async function prepareDrillVoters(
  urls: ServiceUrls,
  pool: TestVoterPool,
  configDir: string,
  count: number,
  concurrency: number,
  onReady: (done: number) => void,
): Promise<ReadyVoter[]> {
  const voters = testVoters(configDir, count);
  const admin = testVoterAdmin(pool);
  let done = 0;
  try {
    return await mapConcurrently(voters, concurrency, async (voter) => {
      const sdk = await voterClient(urls, pool, voter, false);
      await signInOrCreate(sdk.auth, admin, voter);
      const ready = await prepareVoter(sdk, voter, false, 1);
      onReady(++done);
      return ready;
    });
  } finally {
    admin.close();
  }
}

/**
 * One cast per voter at `perSecond`, through the SDK exactly as `election loadtest` casts (an
 * attempt shed or unanswered is sent again with the same idempotency key, for up to 15 s), keeping
 * every receipt the API answered with.
 */
export async function castDrillLoad(
  ready: readonly ReadyVoter[],
  election: BallotRules & { readonly id: string },
  perSecond: number,
  maxInFlight: number,
  onAnswer: (done: number) => void,
): Promise<{ run: PacedRun; acknowledged: AcknowledgedCast[] }> {
  const acknowledged: AcknowledgedCast[] = [];
  const run = await pacedCasts(
    ready.length,
    perSecond,
    maxInFlight,
    async (k, onFailedAttempt) => {
      const answer = await castOnce(ready[k]!, election.id, randomBallot(election), onFailedAttempt);
      acknowledged.push({ voter: k, decision: answer.decision, receipt: answer.receipt, atMs: performance.now() });
      return answer;
    },
    onAnswer,
  );
  return { run, acknowledged };
}

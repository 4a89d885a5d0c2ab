import { randomBytes } from "node:crypto";
import { memorySessionStore, type Receipt } from "@landslide/api/client";
import type { ImportedAccount } from "@landslide/local-stack";
import { mapConcurrently } from "../concurrently";
import { type PacedRun, pacedCasts } from "../loadtest/paced-casts";
import { type BallotRules, randomBallot } from "../loadtest/random-ballot";
import { castOnce, prepareVoter, type ReadyVoter, type ServiceUrls, voterClient } from "../loadtest/simulated-voter";
import { testVoters, type TestVoterPool } from "../loadtest/test-voters";

/** A cast the vote API acknowledged: the receipt it signed, which the drill later looks up. */
export interface AcknowledgedCast {
  readonly voter: number;
  readonly decision: string;
  readonly receipt: Receipt;
  /** performance.now() when the answer came. */
  readonly atMs: number;
}

/**
 * The drill's voters: imported into the stack's user pool in one write (`importAccounts`, which
 * makes cognito-local read them), then each signs in with its refresh token (real tokens, issued
 * and signed by cognito-local) and registers its device before the clock starts; its human check
 * is fetched and solved in its cast, as the voter site's are: a check lives five minutes, and
 * preparing 20,000 voters takes about twenty. Each casts once. Created one by one
 * through cognito-local's API instead, 20,000 voters took hours: it rewrites its whole database
 * file on every write.
 */
export async function prepareDrillVoters(
  urls: ServiceUrls,
  pool: TestVoterPool,
  importAccounts: (accounts: readonly ImportedAccount[]) => Promise<void>,
  configDir: string,
  count: number,
  concurrency: number,
  onReady: (done: number) => void,
): Promise<ReadyVoter[]> {
  const voters = testVoters(configDir, count).map((voter) => ({
    voter,
    // Kept in memory only: the drill's stack, and its pool, are thrown away afterwards.
    refreshToken: randomBytes(32).toString("base64url"),
  }));
  await importAccounts(
    voters.map(({ voter, refreshToken }) => ({ email: voter.email, groups: ["voters"], refreshToken })),
  );
  let done = 0;
  return mapConcurrently(voters, concurrency, async ({ voter, refreshToken }) => {
    const session = memorySessionStore();
    // Expired: the first call refreshes it (REFRESH_TOKEN_AUTH), as a returning voter's browser does.
    await session.save({ accessToken: "", idToken: undefined, refreshToken, expiresAt: 0 });
    const sdk = await voterClient(urls, pool, voter, false, session);
    const ready = await prepareVoter(sdk, voter, false, 0);
    onReady(++done);
    return ready;
  });
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

import {
  type AuditBundle,
  type Election,
  countedReceipts,
  type Keys,
  type PublishedBallot,
  type RecordVerifier,
  recount,
  type Sha256,
  type StoredVote,
  type VoteStore,
} from "@landslide/vote-engine";
import type { PostgresAuditLog } from "@landslide/vote-engine/postgres";
import type { EpochSealer } from "../aggregator/epoch-sealer";
import { refusal } from "../errors";

export interface PublishDependencies {
  readonly log: PostgresAuditLog;
  readonly sealer: EpochSealer;
  readonly votes: VoteStore;
  readonly keys: Keys;
  /** Rows the vote API did not sign are no ballots: never published, never counted. */
  readonly verify: RecordVerifier;
  /** For an election whose ties go by lot (tie-rule.ts). */
  readonly sha256: Sha256;
  readonly now: () => Date;
}

/**
 * The published bundle of a closed election: its whole log sealed into signed epochs, every
 * counted ballot opening its commitment (ordered by receipt id, so the list says nothing of who
 * voted when), the public keys and the result recomputed from those very ballots.
 */
export async function publishBundle(deps: PublishDependencies, election: Election): Promise<AuditBundle> {
  await deps.sealer.sealAll(election.id, deps.now());
  const counted: StoredVote[] = [];
  let underReview = 0;
  for await (const vote of deps.votes.scan(election.id)) {
    if (!deps.verify(vote).ok) continue;
    if (vote.state === "accepted" || vote.state === "released") counted.push(vote);
    else if (vote.state === "quarantined") underReview += 1;
  }
  if (underReview > 0) {
    throw refusal(
      "PRECONDITION_FAILED",
      "AUDIT_NOT_READY",
      `${underReview} ballot(s) still wait for fraud review; the bundle is published once every case is decided.`,
    );
  }
  const [records, epochs] = await Promise.all([deps.log.records(election.id), deps.log.epochs(election.id)]);
  const logged = countedReceipts(records).size;
  if (logged !== counted.length) {
    throw refusal(
      "PRECONDITION_FAILED",
      "AUDIT_NOT_READY",
      `The audit log holds ${logged} of ${counted.length} counted ballots; it catches up within seconds, try again.`,
    );
  }
  const result = await recount(election, iterate(counted), { sha256: deps.sha256 });
  const ballots: PublishedBallot[] = counted
    .map((v) => ({ receiptId: v.receipt.receiptId, commitment: v.receipt.commitment, salt: v.salt, ballot: v.ballot }))
    .sort((a, b) => (a.receiptId < b.receiptId ? -1 : 1));
  return {
    format: "landslide-audit-bundle-v5",
    publishedAt: deps.now().toISOString(),
    election: {
      id: election.id,
      title: election.title,
      questions: election.questions,
      ...(election.tieRule ? { tieRule: election.tieRule } : {}),
      ...(election.optionOrder ? { optionOrder: election.optionOrder } : {}),
    },
    keys: { audit: deps.keys.auditPublicKey, receipt: deps.keys.receiptPublicKey },
    records,
    epochs,
    ballots,
    result: {
      counters: Object.fromEntries(result.counters),
      instantRunoff: result.instantRunoff,
      counts: result.counts,
    },
  };
}

async function* iterate<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

import { setTimeout as sleep } from "node:timers/promises";
import { ConditionalCheckFailedException, DeleteItemCommand } from "@aws-sdk/client-dynamodb";
import type { PutOnceOutcome, ReviewOutcome, StoredVote, VoteStore } from "@landslide/vote-engine";
import type { DrillRegion } from "./regions";

/**
 * Stands for DynamoDB's ReplicatedWriteConflictException: "one or more items in the request are
 * being modified by a request in another Region". AWS marks it safe to retry; the drill retries
 * the whole cast, as a client would.
 */
export class ReplicatedWriteConflictError extends Error {
  override readonly name = "ReplicatedWriteConflictError";
  readonly retryable = true;
}

/**
 * The votes table of a global table in multi-Region strong consistency (MRSC), seen from one region.
 *
 * AWS acknowledges an MRSC write only once it is durable in at least two of the table's three
 * members (three replicas, or two replicas and a witness), and evaluates conditional writes and
 * strongly consistent reads against the latest state across regions; of two concurrent
 * conflicting writes from different regions, one is refused with ReplicatedWriteConflictException.
 * With two regions the majority is both, so here a write is acknowledged only when both took it:
 *
 * 1. the project's conditional put (DynamoDbVoteStore.putOnce, unchanged) in this region. A refusal
 *    is final (the voter has voted) only if the other region holds the same vote, i.e. it was
 *    acknowledged; a vote held here alone is still being written, and this write is refused as a
 *    conflict;
 * 2. the same conditional put in the other region. If that region refuses, it holds a vote of the
 *    same voter still being written from there: of the two, the earlier (by cast time, then
 *    receipt id) goes on; the later one deletes its copy here again and is refused as a conflict.
 *    The earlier one tries its second put again until the later one has withdrawn.
 *
 * A refused write is retried by the caller (AWS marks the exception safe to retry); it then meets
 * the winner, acknowledged, and the voter is told ALREADY_VOTED. One write wins, the other was
 * never acknowledged.
 *
 * What the model simplifies, compared with AWS's protocol (which AWS does not publish in detail):
 * - two regions and no witness: the majority is "both", so one region down stops all writes here,
 *   where AWS keeps writing with two of three members;
 * - the two puts are sequential calls from the writer, not a replicated log: between them the
 *   first copy is visible to plain reads in its region (the drill reads only after the casts),
 *   and a writer that dies between its first put and a rollback would leave a copy AWS would
 *   never have exposed;
 * - which of two conflicting writes wins is decided here by cast time; AWS orders them internally;
 * - no latency: AWS's cross-region round trip makes every MRSC write slower than an MREC one.
 */
export class MrscVoteStore implements VoteStore {
  constructor(
    private readonly home: DrillRegion,
    private readonly peer: DrillRegion,
    /** How long the earlier of two conflicting writes waits for the later one to withdraw. */
    private readonly patienceMs = 10_000,
  ) {}

  async putOnce(vote: StoredVote): Promise<PutOnceOutcome> {
    // (A refusal that hands back this very vote is our own put, retried by the SDK after a lost answer.)
    const local = await this.home.votes.putOnce(vote);
    if (!local.stored && !isThis(local.existing, vote)) {
      if (await this.heldByPeer(local.existing)) return local;
      throw this.conflict();
    }
    const giveUpAt = Date.now() + this.patienceMs;
    for (;;) {
      let remote: PutOnceOutcome;
      try {
        remote = await this.peer.votes.putOnce(vote);
      } catch (error) {
        await this.rollBack(vote);
        throw error;
      }
      if (remote.stored || isThis(remote.existing, vote)) return { stored: true };
      if (earlier(remote.existing, vote) || Date.now() > giveUpAt) {
        await this.rollBack(vote);
        throw this.conflict();
      }
      // Ours came first: the other write meets our copy at its own second put and withdraws.
      await sleep(2 + Math.random() * 8);
    }
  }

  /** A strongly consistent read: only a vote both regions hold has been acknowledged. */
  async get(electionId: string, voterKey: string): Promise<StoredVote | undefined> {
    const vote = await this.home.votes.get(electionId, voterKey);
    return vote && (await this.heldByPeer(vote)) ? vote : undefined;
  }

  scan(electionId: string): AsyncIterable<StoredVote> {
    return this.home.votes.scan(electionId);
  }

  review(): Promise<ReviewOutcome> {
    return Promise.reject(new Error("The region drill casts votes only; reviews are not modelled."));
  }

  withhold(): Promise<ReviewOutcome> {
    return Promise.reject(new Error("The region drill casts votes only; withholding is not modelled."));
  }

  private conflict(): ReplicatedWriteConflictError {
    return new ReplicatedWriteConflictError(`a vote of this voter is being written in ${this.peer.name}`);
  }

  private async heldByPeer(vote: StoredVote): Promise<boolean> {
    const there = await this.peer.votes.get(vote.electionId, vote.voterKey);
    return there?.receipt.receiptId === vote.receipt.receiptId;
  }

  /** Deletes this write's copy in this region again, and only it (a conditional delete on its receipt). */
  private async rollBack(vote: StoredVote): Promise<void> {
    // The votes table's key, as vote-engine's adapters/dynamodb/vote-item.ts writes it (not
    // exported there). Should it change, the delete finds nothing and says so below.
    const key = { pk: { S: `ELECTION#${vote.electionId}#VOTER#${vote.voterKey}` }, sk: { S: "VOTE" } };
    try {
      await this.home.client.send(
        new DeleteItemCommand({
          TableName: this.home.votesTable,
          Key: key,
          ConditionExpression: "receiptId = :receipt",
          ExpressionAttributeValues: { ":receipt": { S: vote.receipt.receiptId } },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new Error(
        `Rolling back receipt ${vote.receipt.receiptId} in ${this.home.name} found no such vote at ${key.pk.S}: has the votes table's key (vote-item.ts) changed?`,
        { cause: error },
      );
    }
  }
}

/** Whether `a` was cast before `b` (the drill's clock gives every cast its own millisecond; receipt ids break any tie). */
function earlier(a: StoredVote, b: StoredVote): boolean {
  const [x, y] = [a.receipt, b.receipt];
  return x.castAt === y.castAt ? x.receiptId < y.receiptId : x.castAt < y.castAt;
}

const isThis = (stored: StoredVote, vote: StoredVote) => stored.receipt.receiptId === vote.receipt.receiptId;

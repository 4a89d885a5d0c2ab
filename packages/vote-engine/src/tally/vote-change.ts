import type { CanonicalBallot } from "../ballot/validate-ballot";
import type { VoteState } from "../vote/stored-vote";

/** What the aggregator learns from one change-stream record of the votes table. */
export interface VoteChange {
  /** The stream's own position, unique per record. */
  readonly sequenceNumber: string;
  readonly kind: "INSERT" | "MODIFY" | "REMOVE";
  readonly electionId: string;
  readonly voterKey: string;
  readonly state: VoteState;
  readonly ballot: CanonicalBallot;
  /** For the fraud review: which receipt, when, and why the risk layer held it. */
  readonly receiptId?: string;
  readonly castAt?: string;
  readonly reasons?: readonly string[];
}

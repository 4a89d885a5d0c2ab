import type { CanonicalBallot } from "../ballot/validate-ballot";
import type { ReviewEvidence, VoteState } from "../vote/stored-vote";
import type { SignedRecord } from "../vote/verify-record";

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
  /** How many votes the ballot is worth (its signed receipt's weight); absent: 1. */
  readonly weight?: number;
  /** The receipt's commitment, which the audit log records once the vote counts. */
  readonly commitment?: string;
  /** For a held ballot: the device, network and score its review groups by. */
  readonly evidence?: ReviewEvidence;
  readonly reasons?: readonly string[];
  /** What the vote API signed, for checking that it did before the vote counts (absent if the row lacks it). */
  readonly signed?: SignedRecord;
}

/** Whether this change makes the vote count: accepted on arrival, or released by an official. */
export function countsVote(change: VoteChange): boolean {
  return (
    (change.kind === "INSERT" && change.state === "accepted") ||
    (change.kind === "MODIFY" && change.state === "released")
  );
}

/**
 * Whether this change takes a counted vote back for review (withholdVote): only an accepted row
 * is ever moved to quarantined, so a MODIFY to quarantined is always one.
 */
export function withdrawsVote(change: VoteChange): boolean {
  return change.kind === "MODIFY" && change.state === "quarantined";
}

/** Whether this release counts a vote that was counted once already and then withheld (its row was accepted on arrival). */
export function reinstatesVote(change: VoteChange): boolean {
  return change.kind === "MODIFY" && change.state === "released" && change.signed?.decision === "accepted";
}

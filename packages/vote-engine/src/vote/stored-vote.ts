import type { BallotOrder } from "../election/ballot-order";
import type { CanonicalBallot } from "../ballot/validate-ballot";

/** The risk layer's verdict when the ballot arrived. */
export type Decision = "accepted" | "quarantined";

/** Where the vote stands now: quarantined votes wait for an official to release or void them. */
export type VoteState = "accepted" | "quarantined" | "released" | "voided";

/**
 * A vote as the votes table keeps it. It holds the pseudonymous voter key, never the identity.
 * The salt stays with the vote so that a retried request gets back the very same receipt.
 */
export interface StoredVote {
  readonly electionId: string;
  readonly voterKey: string;
  readonly idempotencyKey: string;
  /** SHA-256 of the canonical ballot (hex): equal ballots, equal hashes. */
  readonly ballotHash: string;
  readonly ballot: CanonicalBallot;
  readonly salt: string;
  readonly decision: Decision;
  readonly reasons: readonly string[];
  readonly state: VoteState;
  /** Signed over its fields, which bind it to this record's voter key and decision (record-binding.ts). */
  readonly receipt: Receipt;
  /** So that officials (and the stream-side detector) can see which ballots belong together. */
  readonly evidence?: ReviewEvidence;
  /**
   * The single-use id of the request that cast it (the API's device proof id): the same request
   * sent again is told apart from a retry, which is a new request with the same idempotency key.
   */
  readonly requestId?: string;
}

/**
 * What a fraud review needs to group held ballots: the device and network they came from and how
 * doubtful they looked. Pseudonymous: a key thumbprint and an address block, never an address.
 */
export interface ReviewEvidence {
  /** The device key's thumbprint. */
  readonly deviceId: string;
  /** The caller's address block: a /24 (IPv4) or /64 (IPv6). */
  readonly networkBlock: string;
  /** The risk score that held it. */
  readonly score: number;
}

export interface Receipt {
  readonly receiptId: string;
  readonly electionId: string;
  /** ISO 8601. */
  readonly castAt: string;
  /** SHA-256 over the salt and the canonical ballot (hex). */
  readonly commitment: string;
  readonly keyId: string;
  /** Ties the receipt to its record's voter key and decision without naming either (recordBinding, hex). */
  readonly binding: string;
  /** How many votes this ballot is worth, from a weighted roll; absent: 1. */
  readonly weight?: number;
  /** The order the voter's ballot listed each question's options in, when the election draws one per voter (option-order.ts). */
  readonly optionOrder?: BallotOrder;
  /** Ed25519 over receiptSigningPayload(receipt), base64url. */
  readonly signature: string;
}

import type { Election } from "./election/definition";
import type { VoteChange } from "./tally/vote-change";
import type { StoredVote } from "./vote/stored-vote";

/**
 * The ports of the domain: what it needs from the world, as interfaces.
 * Adapters (DynamoDB, Postgres, node:crypto, in-memory) implement them; the domain never reads globals.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The deployment's secrets at work, without handing them out. */
export interface Keys {
  /** A pseudonymous, stable key for a voter: HMAC of the identity subject under a deployment secret. */
  voterKey(subject: string): string;
  /** Signs a receipt's canonical bytes with the deployment's receipt key (Ed25519); base64url. */
  signReceipt(payload: Uint8Array): string;
  /** The published key that verifies receipts offline (SPKI PEM) and its id. */
  readonly receiptPublicKey: { readonly keyId: string; readonly pem: string };
}

/** Hashing and randomness, so that the domain runs the same in Node and in browsers. */
export interface Entropy {
  randomBytes(length: number): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
}

export type PutOnceOutcome = { readonly stored: true } | { readonly stored: false; readonly existing: StoredVote };

/** An official's decision on a quarantined vote. */
export type Review = "released" | "voided";

/** changed: this call decided; unchanged: the same decision was already made; conflict: the vote is elsewhere. */
export type ReviewOutcome =
  | { readonly outcome: "changed" | "unchanged"; readonly vote: StoredVote }
  | { readonly outcome: "conflict"; readonly vote: StoredVote }
  | { readonly outcome: "missing" };

/** Where votes live: one per voter per election, written exactly once. */
export interface VoteStore {
  /** Stores the vote unless that voter already has one in that election, atomically; then returns the stored one. */
  putOnce(vote: StoredVote): Promise<PutOnceOutcome>;
  get(electionId: string, voterKey: string): Promise<StoredVote | undefined>;
  /** Moves a quarantined vote to released or voided, atomically and at most once. */
  review(electionId: string, voterKey: string, to: Review): Promise<ReviewOutcome>;
  /** Every vote of an election, for a recount; the order is unspecified. */
  scan(electionId: string): AsyncIterable<StoredVote>;
}

/** Where quarantined votes wait for officials (the control plane); every call is idempotent. */
export interface FraudCaseSink {
  record(changes: readonly VoteChange[]): Promise<void>;
}

export interface ElectionReader {
  get(electionId: string): Promise<Election | undefined>;
}

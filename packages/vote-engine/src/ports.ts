import type { Election } from "./election/definition";
import type { RollEntry, RollRecipient } from "./roll/voter-roll";
import type { TallyDelta } from "./tally/tally-delta";
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
  /** Signs the UTF-8 bytes of a receipt's signing text (receiptSigningText) with the deployment's receipt key (Ed25519); base64url. */
  signReceipt(text: string): string;
  /** The published key that verifies receipts offline (SPKI PEM) and its id. */
  readonly receiptPublicKey: { readonly keyId: string; readonly pem: string };
  /** Signs a sealed audit epoch's statement with the deployment's audit key (Ed25519); base64url. */
  signAudit(payload: Uint8Array): string;
  readonly auditPublicKey: { readonly keyId: string; readonly pem: string };
}

/** Hashing and randomness, so that the domain runs the same in Node and in browsers. */
export interface Entropy {
  /** `length` random bytes, as lowercase hex. */
  randomHex(length: number): string;
  // The hashes are properties, not methods: callers hand them on alone (recordBinding(entropy.sha256Hex, …)),
  // so an implementation must not depend on `this`.
  readonly sha256: (data: Uint8Array) => Uint8Array;
  /**
   * SHA-256 of a text's UTF-8 bytes, as lowercase hex. The cast path hashes three texts: digesting
   * a string straight to hex spares an encoded copy, a digest buffer and a hex string built in JS
   * (together most of a cast's cost beside its signature).
   */
  readonly sha256Hex: (text: string) => string;
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
  /**
   * Holds an accepted (counted) vote for review after all, adding `reasons`, atomically and at
   * most once: a vote an official released already stays counted.
   */
  withhold(electionId: string, voterKey: string, reasons: readonly string[]): Promise<ReviewOutcome>;
  /** Every vote of an election, for a recount; the order is unspecified. */
  scan(electionId: string): AsyncIterable<StoredVote>;
}

/** Where quarantined votes wait for officials (the control plane); every call is idempotent. */
export interface FraudCaseSink {
  record(changes: readonly VoteChange[]): Promise<void>;
}

/**
 * Sees each batch of changes once it is applied (the stream-side coordination watch). At most
 * once: a crash between a commit and this call loses the batch for it, never for the count.
 */
export interface ChangeObserver {
  observe(changes: readonly VoteChange[]): Promise<void>;
}

/** Where counted votes' commitments are logged (the audit log); idempotent like the fraud cases. */
export interface CountedBallotSink {
  record(changes: readonly VoteChange[]): Promise<void>;
}

/** The imported roll of a roll-based election; read on the hot path, so it lives in the data plane. */
export interface VoterRoll {
  /**
   * Adds entries; adding one twice is harmless, so an import can simply be run again. Answers how
   * many were not on the roll before.
   */
  add(electionId: string, entries: readonly RollEntry[]): Promise<number>;
  /**
   * The weight of the voter these entries name (1 unless the roll gave one), or undefined when
   * none of them is on the roll. A voter on it both by address and by id counts once, with the
   * larger weight: never the sum.
   */
  weightOf(electionId: string, entries: readonly RollEntry[]): Promise<number | undefined>;
  /**
   * The weights stored for those of these entries already on the roll, by `kind:value` (rollKey):
   * an import checks them first, since adding an entry that is there keeps its first weight.
   */
  weightsOf(electionId: string, entries: readonly RollEntry[]): Promise<ReadonlyMap<string, number>>;
  /** How many distinct entries the roll holds: the electorate that turnout is a share of. */
  size(electionId: string): Promise<number>;
  /**
   * Everyone on the roll by e-mail address, in pages, in no particular order: whom invitations,
   * reminders and results go to. A background job's read (a scan), never the cast path's.
   */
  recipients(electionId: string): AsyncIterable<readonly RollRecipient[]>;
}

export interface ElectionReader {
  get(electionId: string): Promise<Election | undefined>;
}

/**
 * The data plane's copy of every election: what voting and the public results obey, so that an
 * outage or slowness of the control-plane database never refuses a valid cast. The control plane
 * keeps it current; each copy holds the version it was made from and only a higher one replaces it.
 */
export interface ElectionCopies extends ElectionReader {
  /** "stale" when the copy already holds this version or a newer one (nothing written). */
  publish(election: Election & { readonly version: number }): Promise<"published" | "stale">;
}

/** Where the aggregator's stream position in one stream shard stands. */
export interface Checkpoint {
  readonly sequenceNumber: string | undefined;
  /** The stream shard ended and every record of it was applied. */
  readonly closed: boolean;
}

/**
 * A change record the aggregator must not count (unsigned, cast late, or no vote at all), set
 * aside with why in the dead-letter queue, for an operator to re-drive after a fix.
 */
export interface DeadLetter {
  /** The record's stream sequence number: what a re-drive is made idempotent by. */
  readonly sequenceNumber: string;
  /** The stable reason code: UNSIGNED_RECORD, BALLOT_NOT_COMMITTED, LATE_CAST; UNREADABLE for a record that is no vote. */
  readonly code: string;
  /** The code and what exactly failed, in words. */
  readonly reason: string;
  /** The election the record names, where it names one. */
  readonly electionId: string | undefined;
  /** The stream record, as JSON. */
  readonly record: string;
}

export interface BatchCommit {
  readonly shardId: string;
  /** The checkpoint this batch was read after; the commit is refused if it moved meanwhile. */
  readonly previous: Checkpoint;
  readonly next: Checkpoint;
  readonly delta: TallyDelta;
  /**
   * The batch's dead letters, already in the dead-letter queue: the commit marks each as pending
   * (its sequence number only), which is what makes a re-drive count it at most once.
   */
  readonly deadLetters: readonly DeadLetter[];
  /** Which counter shard takes this batch's increments. */
  readonly counterShard: number;
}

/**
 * Sharded counters plus the aggregator's checkpoints: a batch's increments and its new checkpoint
 * are applied together or not at all, so a replayed batch is never counted twice.
 */
export interface TallyStore {
  readonly counterShards: number;
  readCheckpoint(shardId: string): Promise<Checkpoint>;
  /** false when the checkpoint was no longer `previous` (a replay, or another worker): nothing applied. */
  commit(batch: BatchCommit): Promise<boolean>;
  readCounters(electionId: string): Promise<Map<string, number>>;
  /**
   * Applies a re-driven record's delta and settles its pending mark together. false, with nothing
   * applied, when no commit marks it pending: re-driven already (a duplicate message), or sent by
   * a batch that never committed (its replay counted the record or marked it anew).
   */
  redrive(letter: DeadLetter, delta: TallyDelta, counterShard: number): Promise<boolean>;
}

/** A dead letter as received from the queue, and the handle to delete it by. */
export interface QueuedDeadLetter {
  readonly letter: DeadLetter;
  /** The message's id: the same on every receive (a letter sent twice is two messages, two ids). */
  readonly id: string;
  readonly receipt: string;
}

/**
 * Where dead letters wait for a re-drive: Amazon SQS, locally a real SQS-compatible server. At
 * least once: a letter may be there twice (a batch sent again after a crash), never not at all.
 */
export interface DeadLetterQueue {
  /** Resolves once every letter is stored; rejects (to be tried again) if any is not. */
  send(letters: readonly DeadLetter[]): Promise<void>;
  /**
   * Up to ten letters, each hidden from other readers for `hideSeconds` (until deleted, or it
   * passes); none when the queue has nothing visible after `waitSeconds`.
   */
  receive(options: { readonly hideSeconds: number; readonly waitSeconds?: number }): Promise<QueuedDeadLetter[]>;
  /** Makes received letters visible again at once (a listing that re-drives nothing). */
  release(receipts: readonly string[]): Promise<void>;
  delete(receipts: readonly string[]): Promise<void>;
}

/** Single-use tokens (challenge salts, proof ids): the first use wins, every later one is refused. */
export interface NonceStore {
  /** true the first time `key` is used before `expiresAt`; false ever after. */
  useOnce(key: string, expiresAt: Date): Promise<boolean>;
  /**
   * Like useOnce, naming who used it: a second claim learns the first holder, so a caller can tell
   * a repeat of the same request from a different request reusing the key.
   */
  claim(
    key: string,
    expiresAt: Date,
    holder: string,
  ): Promise<{ readonly claimed: true } | { readonly claimed: false; readonly holder: string | undefined }>;
}

/** One e-mail to one person, laid out (notifications/render-message.ts). */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Headers beside the usual ones: List-Unsubscribe and List-Unsubscribe-Post (RFC 2369, RFC 8058). */
  readonly headers: Readonly<Record<string, string>>;
}

/** Whether the mail service took a message; a refusal says whether trying again could help. */
export type SendOutcome =
  | { readonly sent: true; readonly messageId: string }
  | { readonly sent: false; readonly permanent: boolean; readonly error: string };

/** Where e-mail goes out: Amazon SES, locally a real SES-compatible server. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  /** Messages per second the service takes from this account. */
  maxSendRate(): Promise<number>;
}

/** One event the mail service reported, and how to say it was recorded (so it is not delivered again). */
export interface ReceivedEvent {
  readonly body: string;
  done(): Promise<void>;
}

/** Where the mail service reports what became of each message: delivered, bounced, complained. */
export interface DeliveryEvents {
  /** Waits (long polls) for the next few events; an aborted wait answers none. */
  receive(signal: AbortSignal): Promise<ReceivedEvent[]>;
}

import type { BallotOrder } from "../election/option-order";
import { canonicalJson } from "./canonical-json";
import { hexOf, type Sha256 } from "./sha256";

/** A counted ballot: what a receipt proves was counted, nothing about who cast it. */
export interface BallotEntry {
  readonly type: "ballot";
  readonly receiptId: string;
  readonly commitment: string;
  readonly castAt: string;
  /** The receipt's key id, binding and signature, so that anyone can check the vote API signed this very receipt. */
  readonly keyId: string;
  readonly binding: string;
  readonly signature: string;
  /** How many votes the ballot is worth, when a weighted roll gave it more than 1; signed with the receipt. */
  readonly weight?: number;
  /** The order the voter's ballot listed each question's options in, when the election drew one per voter; signed with the receipt. */
  readonly optionOrder?: BallotOrder;
}

/** An official's action or a lifecycle change: who, what, when and why. */
export interface ActionEntry {
  readonly type: "action";
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  readonly reason: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * A counted ballot taken back for review: its ballot entry stays where it was sealed, and from
 * here on the receipt is not counted. Deterministic (no time of its own), so a replay is the same entry.
 */
export interface WithdrawalEntry {
  readonly type: "withdrawal";
  readonly receiptId: string;
  /** Why it was held (the vote's review reasons, COORDINATED_GROUP among them). */
  readonly reasons: string[];
}

/** A withdrawn ballot an official released: from here on its receipt counts again, once. */
export interface ReinstatementEntry {
  readonly type: "reinstatement";
  readonly receiptId: string;
}

export type LogEntry = BallotEntry | ActionEntry | WithdrawalEntry | ReinstatementEntry;

/**
 * The receipts the log counts now, in order: each ballot's, less those withdrawn for review and
 * not reinstated. verifyBundle also checks that each standing came in its order; this only reads it.
 */
export function countedReceipts(records: readonly Pick<LogRecord, "entry">[]): Set<string> {
  const counted = new Set<string>();
  for (const { entry } of records) {
    if (entry.type === "ballot" || entry.type === "reinstatement") counted.add(entry.receiptId);
    else if (entry.type === "withdrawal") counted.delete(entry.receiptId);
  }
  return counted;
}

/** One link of an election's log: its place, the hash of the link before, and its own hash. */
export interface LogRecord {
  readonly electionId: string;
  /** 1, 2, 3, … without gaps. */
  readonly seq: number;
  readonly prevHash: string;
  readonly entry: LogEntry;
  /** The record's Merkle leaf hash (below), which is also what the next record links to. */
  readonly hash: string;
}

/** The previous hash of an election's first record. */
export const GENESIS_HASH = "0".repeat(64);

const encoder = new TextEncoder();

function recordText(record: Omit<LogRecord, "hash">): string {
  const { electionId, seq, prevHash, entry } = record;
  const fast =
    typeof electionId === "string" && typeof prevHash === "string" && Number.isFinite(seq) && isPlainBallotEntry(entry);
  return `landslide-log-v1\n${fast ? ballotRecordJson(electionId, seq, prevHash, entry) : canonicalJson({ electionId, seq, prevHash, entry })}`;
}

const BALLOT_ENTRY_KEYS = new Set(["binding", "castAt", "commitment", "keyId", "receiptId", "signature", "type"]);

/** Exactly a ballot entry's seven keys, each a string: then its canonical JSON is the template below. */
function isPlainBallotEntry(entry: LogEntry): entry is BallotEntry {
  if (entry.type !== "ballot") return false;
  const keys = Object.keys(entry);
  if (keys.length !== BALLOT_ENTRY_KEYS.size) return false;
  for (const key of keys)
    if (!BALLOT_ENTRY_KEYS.has(key) || typeof (entry as unknown as Record<string, unknown>)[key] !== "string")
      return false;
  return true;
}

/**
 * canonicalJson of a ballot record with its keys already in canonical order: a verifier builds
 * one per ballot, and sorting the keys of two objects each time cost as much as hashing the
 * bytes. Anything of another shape takes canonicalJson itself; a test holds the two equal.
 */
function ballotRecordJson(electionId: string, seq: number, prevHash: string, e: BallotEntry): string {
  const q = JSON.stringify;
  return `{"electionId":${q(electionId)},"entry":{"binding":${q(e.binding)},"castAt":${q(e.castAt)},"commitment":${q(e.commitment)},"keyId":${q(e.keyId)},"receiptId":${q(e.receiptId)},"signature":${q(e.signature)},"type":"ballot"},"prevHash":${q(prevHash)},"seq":${q(seq)}}`;
}

/** The exact bytes a record commits to: everything but its own hash. */
export function recordBytes(record: Omit<LogRecord, "hash">): Uint8Array {
  return encoder.encode(recordText(record));
}

/**
 * A record's hash is its RFC 6962 leaf hash, SHA-256(0x00 ‖ bytes): one hash serves both the
 * chain (each record names the one before) and the epoch's Merkle tree. The 0x00 prefix keeps
 * a leaf from ever being mistaken for an inner node (0x01).
 */
export function recordHash(sha256: Sha256, record: Omit<LogRecord, "hash">): string {
  return hexOf(sha256(recordLeafInput(record)));
}

/** What recordHash hashes, 0x00 ‖ recordBytes, as text to be UTF-8 encoded: U+0000 encodes to the single byte 0x00. */
export function recordLeafText(record: Omit<LogRecord, "hash">): string {
  return `\u0000${recordText(record)}`;
}

function recordLeafInput(record: Omit<LogRecord, "hash">): Uint8Array {
  return encoder.encode(recordLeafText(record));
}

/** Links new entries after the log's current head. */
export function chainEntries(
  sha256: Sha256,
  head: { readonly electionId: string; readonly seq: number; readonly hash: string },
  entries: readonly LogEntry[],
): LogRecord[] {
  const records: LogRecord[] = [];
  let prevHash = head.hash;
  let seq = head.seq;
  for (const entry of entries) {
    seq += 1;
    const unhashed = { electionId: head.electionId, seq, prevHash, entry };
    const record = { ...unhashed, hash: recordHash(sha256, unhashed) };
    records.push(record);
    prevHash = record.hash;
  }
  return records;
}

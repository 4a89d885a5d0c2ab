import { canonicalJson } from "./canonical-json";
import type { LogRecord } from "./log-record";
import { merkleRoot } from "./merkle-tree";
import type { Sha256 } from "./sha256";

/** What the audit key signs when an epoch is sealed. */
export interface EpochStatement {
  readonly electionId: string;
  /** 1, 2, 3, … */
  readonly epoch: number;
  /** The records the epoch seals, inclusive: seq firstSeq … lastSeq. */
  readonly firstSeq: number;
  readonly lastSeq: number;
  /** The Merkle tree hash over those records' hashes, in order. */
  readonly root: string;
  /** The previous epoch's root (the genesis hash for the first), so epochs form a chain too. */
  readonly previousRoot: string;
  readonly sealedAt: string;
  /** Names the audit key, so epochs stay verifiable after a rotation. */
  readonly keyId: string;
}

export interface SignedEpoch {
  readonly statement: EpochStatement;
  /** Ed25519 over epochSigningPayload(statement), base64url. */
  readonly signature: string;
}

const encoder = new TextEncoder();

export function epochSigningPayload(statement: EpochStatement): Uint8Array {
  return encoder.encode(`landslide-epoch-v1\n${canonicalJson(statement)}`);
}

/** Seals the given consecutive records as the epoch after `previous`. */
export function sealEpoch(
  deps: { readonly sha256: Sha256; readonly sign: (payload: Uint8Array) => string; readonly keyId: string },
  previous: { readonly epoch: number; readonly root: string },
  records: readonly LogRecord[],
  sealedAt: Date,
): SignedEpoch {
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) throw new Error("an epoch seals at least one record");
  const statement: EpochStatement = {
    electionId: first.electionId,
    epoch: previous.epoch + 1,
    firstSeq: first.seq,
    lastSeq: last.seq,
    root: merkleRoot(
      deps.sha256,
      records.map((r) => r.hash),
    ),
    previousRoot: previous.root,
    sealedAt: sealedAt.toISOString(),
    keyId: deps.keyId,
  };
  return { statement, signature: deps.sign(epochSigningPayload(statement)) };
}

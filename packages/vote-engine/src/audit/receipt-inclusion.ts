import { epochSigningPayload, type SignedEpoch } from "./epoch";
import { type LogRecord, recordHash } from "./log-record";
import { verifyInclusion } from "./merkle-tree";
import type { Sha256 } from "./sha256";

export interface InclusionEvidence {
  readonly record: LogRecord;
  readonly epoch: SignedEpoch;
  readonly proof: { readonly index: number; readonly treeSize: number; readonly path: readonly string[] };
}

export interface InclusionCheckDependencies {
  readonly sha256: Sha256;
  /** Ed25519 over the payload with the SPKI PEM key, signature in base64url; browsers answer asynchronously. */
  readonly verifyEd25519: (payload: Uint8Array, signature: string, publicKeyPem: string) => boolean | Promise<boolean>;
}

/**
 * Checks, trusting nothing the server said, that a receipt's commitment is a record of the log
 * sealed in an epoch signed by the published audit key. Returns the first problem, or null.
 */
export async function checkReceiptInclusion(
  deps: InclusionCheckDependencies,
  receipt: { readonly receiptId: string; readonly commitment: string; readonly electionId: string },
  evidence: InclusionEvidence,
  auditKey: { readonly keyId: string; readonly pem: string },
): Promise<string | null> {
  const { record, epoch, proof } = evidence;
  const { entry } = record;
  if (entry.type !== "ballot" || entry.receiptId !== receipt.receiptId || record.electionId !== receipt.electionId) {
    return "The log record offered is not this receipt's.";
  }
  if (entry.commitment !== receipt.commitment) return "The log records a different commitment than the receipt's.";
  if (recordHash(deps.sha256, record) !== record.hash) return "The log record does not match its own hash.";
  const { statement } = epoch;
  const inRange =
    record.seq >= statement.firstSeq &&
    record.seq <= statement.lastSeq &&
    proof.index === record.seq - statement.firstSeq;
  const treeSize = statement.lastSeq - statement.firstSeq + 1;
  if (
    !inRange ||
    proof.treeSize !== treeSize ||
    !verifyInclusion(deps.sha256, { leafHash: record.hash, ...proof }, statement.root)
  ) {
    return `The inclusion proof does not lead to epoch ${statement.epoch}'s signed root.`;
  }
  if (statement.keyId !== auditKey.keyId)
    return `Epoch ${statement.epoch} is signed by key ${statement.keyId}, not the published audit key.`;
  if (!(await deps.verifyEd25519(epochSigningPayload(statement), epoch.signature, auditKey.pem))) {
    return `Epoch ${statement.epoch}'s signature does not verify with the published audit key.`;
  }
  return null;
}

import { inclusionProof, type LogRecord, type SignedEpoch } from "@landslide/vote-engine";
import type { AuditTrail, FraudCasesRepository, PostgresAuditLog } from "@landslide/vote-engine/postgres";
import { nodeEntropy } from "@landslide/vote-engine/node-crypto";

/** Where a receipt's ballot stands, as anyone holding the receipt id may ask. */
export type ReceiptStanding =
  /** Counted, and sealed into a signed epoch: the proof lets the holder check it without trusting us. */
  | {
      readonly status: "included";
      readonly record: LogRecord;
      readonly epoch: SignedEpoch;
      readonly proof: { readonly index: number; readonly treeSize: number; readonly path: readonly string[] };
    }
  /** Counted and in the log; the next epoch (within seconds) will seal it. */
  | { readonly status: "logged"; readonly record: LogRecord }
  /** Received and held for an official's review; it counts if released. */
  | { readonly status: "under-review" }
  /** Not counted: an official voided it in fraud review, for the reason given. */
  | { readonly status: "voided"; readonly decidedAt: string | null; readonly reason: string }
  /** No counted or held ballot has this receipt (yet: a ballot cast a moment ago is logged within seconds). */
  | { readonly status: "not-found" };

export async function receiptStanding(
  deps: { readonly log: PostgresAuditLog; readonly fraudCases: FraudCasesRepository; readonly auditTrail: AuditTrail },
  receiptId: string,
): Promise<ReceiptStanding> {
  // A held case comes first: a ballot withheld after it was counted is in the log, but not counted now.
  const [found, held] = await Promise.all([deps.log.findBallot(receiptId), deps.fraudCases.byReceipt(receiptId)]);
  if (held?.state === "quarantined") return { status: "under-review" };
  if (held?.state === "voided") {
    const decision = await deps.auditTrail.decisionOn(held.electionId, held.voterKey);
    return { status: "voided", decidedAt: decision?.at.toISOString() ?? null, reason: decision?.reason ?? "" };
  }
  if (found?.epoch && found.epochHashes) {
    const index = found.record.seq - found.epoch.statement.firstSeq;
    const path = inclusionProof(nodeEntropy.sha256, found.epochHashes, index);
    return {
      status: "included",
      record: found.record,
      epoch: found.epoch,
      proof: { index, treeSize: found.epochHashes.length, path },
    };
  }
  if (found) return { status: "logged", record: found.record };
  // Released but not yet logged: the aggregator logs it within seconds.
  return { status: "not-found" };
}

import { canonicalBallotJson } from "../ballot/canonical-json";
import type { CanonicalBallot } from "../ballot/validate-ballot";
import { recordBinding } from "./record-binding";
import { commitmentText, receiptSigningPayload, toHex } from "./receipt";
import type { Decision, Receipt } from "./stored-vote";

const encoder = new TextEncoder();

/** What a stored vote must carry for anyone to count it: its signed receipt, bound to it, and the opening of its commitment. */
export interface SignedRecord {
  readonly electionId: string;
  readonly voterKey: string;
  readonly decision: Decision;
  readonly ballot: CanonicalBallot;
  readonly salt: string;
  readonly receipt: Receipt;
}

/** Why a record is not counted. Stable codes: metrics, dead letters and officials see them. */
export type RecordRejection = "UNSIGNED_RECORD" | "BALLOT_NOT_COMMITTED" | "LATE_CAST";

export type RecordCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: RecordRejection; readonly message: string };

export interface RecordVerifierDependencies {
  /** The receipt keys votes may be signed with, by key id (the current one, and any still being rotated out). */
  readonly receiptKeys: ReadonlyArray<{ readonly keyId: string; readonly pem: string }>;
  readonly verifyEd25519: (payload: Uint8Array, signature: string, publicKeyPem: string) => boolean;
  readonly sha256: (data: Uint8Array) => Uint8Array;
}

export type RecordVerifier = (record: SignedRecord) => RecordCheck;

/**
 * Decides whether a stored vote was made by the vote API: its receipt verifies under a receipt
 * key, names the record's election and is bound to the record's voter key and decision, and the
 * stored ballot opens the receipt's commitment. Only such records are counted, by the aggregator and by every recount.
 */
export function recordVerifier(deps: RecordVerifierDependencies): RecordVerifier {
  const keys = new Map(deps.receiptKeys.map((key) => [key.keyId, key.pem]));
  const sha256Hex = (text: string) => toHex(deps.sha256(encoder.encode(text)));
  return (record) => {
    const { receipt } = record;
    const unsigned = (why: string): RecordCheck => ({
      ok: false,
      reason: "UNSIGNED_RECORD",
      message: `Receipt ${receipt.receiptId}: ${why}.`,
    });
    const pem = keys.get(receipt.keyId);
    if (!pem) return unsigned(`signed with unknown key ${JSON.stringify(receipt.keyId)}`);
    if (receipt.electionId !== record.electionId) return unsigned("the receipt names another election");
    if (
      receipt.binding !==
      recordBinding(sha256Hex, { receiptId: receipt.receiptId, voterKey: record.voterKey, decision: record.decision })
    ) {
      return unsigned("the receipt is bound to another record (voter key or decision changed, or no binding)");
    }
    const { signature, ...signed } = receipt;
    if (!deps.verifyEd25519(receiptSigningPayload(signed), signature, pem))
      return unsigned("the receipt's signature does not verify");
    const opened = sha256Hex(commitmentText(record.salt, canonicalBallotJson(record.ballot)));
    if (opened !== receipt.commitment) {
      return {
        ok: false,
        reason: "BALLOT_NOT_COMMITTED",
        message: `Receipt ${receipt.receiptId}: the stored ballot is not the one its receipt committed to.`,
      };
    }
    return { ok: true };
  };
}

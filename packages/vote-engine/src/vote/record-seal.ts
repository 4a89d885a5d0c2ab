import { receiptSigningPayload } from "./receipt";
import type { Decision, Receipt } from "./stored-vote";

const encoder = new TextEncoder();

/**
 * The bytes a record's seal covers: everything its receipt signs, plus what the receipt leaves
 * out but counting depends on — whose vote it is and the risk layer's verdict. A row copied with
 * another voter key, or a held ballot rewritten as accepted, no longer matches its seal; together
 * with the receipt's commitment to the ballot, no part of a counted record can be made up by
 * someone who can write to the table but cannot reach the vote API's signing key.
 */
export function recordSealPayload(record: { readonly receipt: Omit<Receipt, "signature">; readonly voterKey: string; readonly decision: Decision }): Uint8Array {
  const receiptBytes = new TextDecoder().decode(receiptSigningPayload(record.receipt));
  return encoder.encode(["landslide-record-v1", receiptBytes, record.voterKey, record.decision].join("\n"));
}

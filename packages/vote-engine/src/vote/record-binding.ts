import type { Decision } from "./stored-vote";

/**
 * What ties a receipt to the record it was issued with: whose vote it is and the risk layer's
 * verdict, hashed with the receipt's random id. The receipt's one signature covers it, so a row
 * copied under another voter key, or a held ballot rewritten as accepted, no longer matches its
 * receipt; together with the commitment to the ballot, no part of a counted record can be made up
 * by someone who can write to the table but cannot reach the vote API's signing key. Published
 * with the receipt, it says nothing: the voter key is a keyed hash, and the random receipt id
 * makes every binding different even for the same voter and verdict.
 */
export function recordBinding(
  sha256Hex: (text: string) => string,
  record: { readonly receiptId: string; readonly voterKey: string; readonly decision: Decision },
): string {
  return sha256Hex(["landslide-record-binding-v1", record.receiptId, record.voterKey, record.decision].join("\n"));
}

import { ballotOrderLines } from "../election/ballot-order";
import type { Receipt } from "./stored-vote";

const encoder = new TextEncoder();

/**
 * The text whose UTF-8 bytes a receipt signature covers; verifiers (CLI, browser) rebuild it the
 * same way. A weight other than 1 is a line of its own, and so is each question's option order
 * when the election draws one per voter: a receipt without either signs the very text it signed
 * before they existed.
 */
export function receiptSigningText(receipt: Omit<Receipt, "signature">): string {
  return [
    "landslide-receipt-v2",
    receipt.receiptId,
    receipt.electionId,
    receipt.castAt,
    receipt.commitment,
    receipt.keyId,
    receipt.binding,
    ...(receipt.weight !== undefined && receipt.weight !== 1 ? [`weight ${receipt.weight}`] : []),
    ...ballotOrderLines(receipt.optionOrder),
  ].join("\n");
}

/** The exact bytes a receipt signature covers (receiptSigningText, UTF-8). */
export function receiptSigningPayload(receipt: Omit<Receipt, "signature">): Uint8Array {
  return encoder.encode(receiptSigningText(receipt));
}

/** What a commitment is over: salt, then the canonical ballot. Opening it needs both. */
export function commitmentText(salt: string, canonicalBallotJson: string): string {
  return `landslide-commitment-v1\n${salt}\n${canonicalBallotJson}`;
}

/** The bytes of a commitment (commitmentText, UTF-8). */
export function commitmentPayload(salt: string, canonicalBallotJson: string): Uint8Array {
  return encoder.encode(commitmentText(salt, canonicalBallotJson));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += HEX[byte];
  return hex;
}

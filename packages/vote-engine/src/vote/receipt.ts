import type { Receipt } from "./stored-vote";

const encoder = new TextEncoder();

/** The exact bytes a receipt signature covers; verifiers (CLI, browser) rebuild them the same way. */
export function receiptSigningPayload(receipt: Omit<Receipt, "signature">): Uint8Array {
  return encoder.encode(["landslide-receipt-v2", receipt.receiptId, receipt.electionId, receipt.castAt, receipt.commitment, receipt.keyId, receipt.binding].join("\n"));
}

/** The bytes of a commitment: salt, then the canonical ballot. Opening it needs both. */
export function commitmentPayload(salt: string, canonicalBallotJson: string): Uint8Array {
  return encoder.encode(`landslide-commitment-v1\n${salt}\n${canonicalBallotJson}`);
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += HEX[byte];
  return hex;
}

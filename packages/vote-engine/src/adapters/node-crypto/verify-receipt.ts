import { createPublicKey, verify } from "node:crypto";
import { receiptSigningPayload } from "../../vote/receipt";
import type { Receipt } from "../../vote/stored-vote";

/** Checks a receipt offline against the published public key (SPKI PEM). */
export function verifyReceiptSignature(receipt: Receipt, publicKeyPem: string): boolean {
  const { signature, ...signed } = receipt;
  try {
    return verify(null, receiptSigningPayload(signed), createPublicKey(publicKeyPem), Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

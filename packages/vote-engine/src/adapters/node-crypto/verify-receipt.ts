import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { receiptSigningPayload } from "../../vote/receipt";
import type { Receipt } from "../../vote/stored-vote";

// A bundle's epochs are all signed by one key; parsing its PEM once per epoch would dominate.
const parsedKeys = new Map<string, KeyObject>();

/** Ed25519 verification of base64url signatures against an SPKI PEM key; false on any malformed input. */
export function verifyEd25519(payload: Uint8Array, signature: string, publicKeyPem: string): boolean {
  try {
    let key = parsedKeys.get(publicKeyPem);
    if (!key) {
      key = createPublicKey(publicKeyPem);
      parsedKeys.set(publicKeyPem, key);
    }
    return verify(null, payload, key, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

/** Checks a receipt offline against the published public key (SPKI PEM). */
export function verifyReceiptSignature(receipt: Receipt, publicKeyPem: string): boolean {
  const { signature, ...signed } = receipt;
  return verifyEd25519(receiptSigningPayload(signed), signature, publicKeyPem);
}

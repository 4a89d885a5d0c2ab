import { base64url, importSPKI } from "jose";
import type { Receipt } from "@landslide/vote-engine";
// The receipt module alone: the engine's index would bring zod and every schema into the page.
import { receiptSigningPayload } from "@landslide/vote-engine/receipt";

/**
 * Checks a receipt's Ed25519 signature against the published receipt key, with WebCrypto only:
 * the voter's own browser does it, trusting nothing the server says about the receipt.
 */
export async function verifyReceipt(receipt: Receipt, publicKeyPem: string): Promise<boolean> {
  const { signature, ...signed } = receipt;
  return verifyEd25519(receiptSigningPayload(signed), signature, publicKeyPem);
}

/** Ed25519 (base64url signature, SPKI PEM key) with WebCrypto; false on any malformed input. */
export async function verifyEd25519(payload: Uint8Array, signature: string, publicKeyPem: string): Promise<boolean> {
  try {
    const key = await importSPKI(publicKeyPem, "Ed25519");
    return await crypto.subtle.verify(
      { name: "Ed25519" },
      key,
      new Uint8Array(base64url.decode(signature)),
      new Uint8Array(payload),
    );
  } catch {
    return false;
  }
}

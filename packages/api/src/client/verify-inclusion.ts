import { sha256 } from "@noble/hashes/sha2.js";
// The inclusion check alone: the engine's index would bring zod and every schema into the page.
import { checkReceiptInclusion, type InclusionEvidence } from "@landslide/vote-engine/audit-inclusion";
import { verifyEd25519 } from "./verify-receipt";

/**
 * Checks in the browser (or Node) that a receipt's commitment is sealed in an epoch signed by the
 * published audit key: SHA-256 in pure JavaScript (WebCrypto's is asynchronous only), Ed25519 by
 * WebCrypto. Returns the first problem, or null when the proof holds.
 */
export function verifyReceiptInclusion(
  receipt: { readonly receiptId: string; readonly commitment: string; readonly electionId: string },
  evidence: InclusionEvidence,
  auditKey: { readonly keyId: string; readonly pem: string },
): Promise<string | null> {
  return checkReceiptInclusion({ sha256, verifyEd25519 }, receipt, evidence, auditKey);
}

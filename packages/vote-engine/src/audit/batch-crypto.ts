import type { Sha256 } from "./sha256";

/** A payload and its Ed25519 signature (base64url), to be checked against one key. */
export interface SignedPayload {
  readonly payload: Uint8Array;
  readonly signature: string;
}

/**
 * The verifier's hashing and signature checks, asked for many items at once so that an adapter
 * can spread them over cores (node-crypto's worker pool) while a browser or a test runs them one
 * by one. Answers come back in the order asked; a batch only ever computes, it never judges, so
 * the verifier's report is the same whatever runs it.
 */
export interface BatchCrypto {
  /** SHA-256 of each item; text is hashed as its UTF-8 bytes (a verifier builds most inputs as text, and need not encode each). */
  sha256Many(items: readonly (Uint8Array | string)[]): Promise<readonly Uint8Array[]>;
  /** Whether each signature verifies with the SPKI PEM key; false for anything malformed. */
  verifyEd25519Many(publicKeyPem: string, items: readonly SignedPayload[]): Promise<readonly boolean[]>;
}

/** The same work, one item after another on the calling thread. */
export function sequentialBatchCrypto(deps: {
  readonly sha256: Sha256;
  readonly verifyEd25519: (payload: Uint8Array, signature: string, publicKeyPem: string) => boolean;
}): BatchCrypto {
  const { sha256, verifyEd25519 } = deps;
  const encoder = new TextEncoder();
  return {
    sha256Many: async (items) => items.map((item) => sha256(typeof item === "string" ? encoder.encode(item) : item)),
    verifyEd25519Many: async (pem, items) => items.map((item) => verifyEd25519(item.payload, item.signature, pem)),
  };
}

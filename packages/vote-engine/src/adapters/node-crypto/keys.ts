import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash,
  type KeyObject,
  randomBytes,
  sign,
} from "node:crypto";
import type { Entropy, Keys } from "../../ports";

export interface KeyMaterial {
  /** At least 32 random bytes; provisioning generates it and keeps it out of git. */
  readonly voterKeySecret: Uint8Array;
  /** Ed25519 private key, PKCS#8 PEM. */
  readonly receiptPrivateKeyPem: string;
  /** Ed25519 private key that signs sealed audit epochs, PKCS#8 PEM; apart from the receipt key so each can rotate alone. */
  readonly auditPrivateKeyPem: string;
  /** 32 random bytes that sign sign-up tickets; apart from the others because Cognito's pre-sign-up trigger holds it too. */
  readonly signUpTicketKey: Uint8Array;
}

/** Keys backed by node:crypto. */
export function nodeKeys(material: KeyMaterial): Keys {
  if (material.voterKeySecret.length < 32) throw new Error("voterKeySecret must be at least 32 bytes");
  const receipt = signingKey(material.receiptPrivateKeyPem);
  const audit = signingKey(material.auditPrivateKeyPem);
  return {
    voterKey: (subject) => createHmac("sha256", material.voterKeySecret).update(subject).digest("base64url"),
    // Buffer.from draws on Node's shared pool: a fraction of TextEncoder's cost for a fresh array each cast.
    signReceipt: (text) => receipt.sign(Buffer.from(text)),
    receiptPublicKey: receipt.publicKey,
    signAudit: audit.sign,
    auditPublicKey: audit.publicKey,
  };
}

function signingKey(privateKeyPem: string) {
  const privateKey: KeyObject = createPrivateKey(privateKeyPem);
  const pem = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  // The key id names the key, so what it signed stays verifiable after a rotation.
  const keyId = createHash("sha256").update(pem).digest("base64url").slice(0, 16);
  return {
    sign: (payload: Uint8Array) => sign(null, payload, privateKey).toString("base64url"),
    publicKey: { keyId, pem },
  };
}

// Each call into the kernel's random source costs ~20 µs whatever its size, which dominated a
// cast; drawing from a refilled pool pays that once per 4,096 bytes.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

export const nodeEntropy: Entropy = {
  randomHex(length) {
    if (length > POOL_SIZE) return randomBytes(length).toString("hex");
    if (offset + length > pool.length) {
      pool = randomBytes(POOL_SIZE);
      offset = 0;
    }
    // Each byte is handed out once, so no two callers ever share (or see) the same bytes.
    const hex = pool.toString("hex", offset, offset + length);
    offset += length;
    return hex;
  },
  // One-shot hashing (Node 20.12+) allocates no Hash object: a third less per call than createHash.
  sha256: (data) => hash("sha256", data, "buffer"),
  sha256Hex: (text) => hash("sha256", text, "hex"),
};

/** Fresh key material, for provisioning and tests. */
export function generateKeyMaterial(): KeyMaterial {
  return {
    voterKeySecret: new Uint8Array(randomBytes(32)),
    receiptPrivateKeyPem: generateSigningKeyPem(),
    auditPrivateKeyPem: generateSigningKeyPem(),
    signUpTicketKey: new Uint8Array(randomBytes(32)),
  };
}

/** A fresh Ed25519 private key, PKCS#8 PEM. */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

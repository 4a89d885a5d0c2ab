// A worker of the batch-crypto pool (batch-crypto-pool.ts). Plain JavaScript on purpose: a
// worker thread does not inherit the TypeScript loader its parent runs under (tsx in the CLI,
// vite in tests), so this file must load in bare Node. It needs nothing but node:crypto.
//
// A request is { id, op, bytes, ends[, pem] }: items packed end to end in one transferred
// buffer, `ends[i]` where item i stops. For "ed25519" the items alternate payload, signature
// (base64url text, UTF-8). The answer is { id, out } (out transferred) or { id, error }.
import { createHash, createPublicKey, verify } from "node:crypto";
import { parentPort } from "node:worker_threads";

const DIGEST = 32;
const decoder = new TextDecoder();
/** @type {Map<string, import("node:crypto").KeyObject | null>} PEM → key, null if it does not parse. */
const keys = new Map();

/** @param {string} pem */
function publicKey(pem) {
  let key = keys.get(pem);
  if (key === undefined) {
    try {
      key = createPublicKey(pem);
    } catch {
      key = null;
    }
    keys.set(pem, key);
  }
  return key;
}

/** @param {Uint8Array} bytes @param {Uint32Array} ends */
function sha256Many(bytes, ends) {
  const out = new Uint8Array(ends.length * DIGEST);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out.set(createHash("sha256").update(bytes.subarray(start, ends[i])).digest(), i * DIGEST);
    start = ends[i];
  }
  return out;
}

/**
 * The same answers as verifyEd25519 in verify-receipt.ts: false on any malformed key, payload
 * or signature, never a throw. @param {Uint8Array} bytes @param {Uint32Array} ends @param {string} pem
 */
function verifyMany(bytes, ends, pem) {
  const out = new Uint8Array(ends.length / 2);
  const key = publicKey(pem);
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    const payload = bytes.subarray(start, ends[2 * i]);
    const signature = decoder.decode(bytes.subarray(ends[2 * i], ends[2 * i + 1]));
    start = ends[2 * i + 1];
    if (key === null) continue;
    try {
      out[i] = verify(null, payload, key, Buffer.from(signature, "base64url")) ? 1 : 0;
    } catch {
      out[i] = 0;
    }
  }
  return out;
}

parentPort?.on("message", (request) => {
  const { id, op, bytes, ends, pem } = request;
  try {
    const data = new Uint8Array(bytes);
    const bounds = new Uint32Array(ends);
    const out = op === "sha256" ? sha256Many(data, bounds) : op === "ed25519" ? verifyMany(data, bounds, pem) : null;
    if (out === null) throw new Error(`unknown operation ${op}`);
    parentPort?.postMessage({ id, out: out.buffer }, [out.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

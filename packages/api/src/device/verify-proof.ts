import { createHash } from "node:crypto";
import { decodeProtectedHeader, importJWK, type JWK, jwtVerify } from "jose";
import type { NonceStore } from "@landslide/vote-engine";
import { type InputRefusal, tokenShapeProblem } from "../http/json-shape";

export type ProofRefusal = "PROOF_MISSING" | "PROOF_INVALID" | "PROOF_STALE" | "PROOF_REPLAYED" | InputRefusal;

const MAX_SKEW_SECONDS = 60;

export const proofReplayed = {
  ok: false as const,
  reason: "PROOF_REPLAYED" as const,
  message: "This device proof was already used.",
};

/**
 * Checks a device proof: signed by the key in its own header, for this method, URL, access
 * token and input, issued within a minute, and never seen before (its jti is used once).
 * Returns the key's thumbprint, which the caller matches against the account's devices.
 */
export async function verifyProof(
  proof: string | undefined,
  expected: {
    method: string;
    url: string;
    accessToken: string;
    input: unknown;
    now: Date;
    nonces: NonceStore;
    /** false leaves the jti to the caller, who must use it once in its own write (see castProcedure). */
    consume?: boolean;
  },
): Promise<
  | { ok: true; thumbprint: string; proofId: string; expiresAt: Date }
  | { ok: false; reason: ProofRefusal; message: string }
> {
  if (!proof) return { ok: false, reason: "PROOF_MISSING", message: "This request needs a device proof." };
  // Before any parsing: the proof arrives in a header, from anyone.
  const shapeProblem = tokenShapeProblem(proof);
  if (shapeProblem)
    return {
      ok: false,
      reason: shapeProblem,
      message: "The device proof is nested deeper or holds more than any proof does.",
    };
  const bodyHash = await inputHash(expected.input);
  if (bodyHash === undefined)
    return { ok: false, reason: "INPUT_TOO_DEEP", message: "The input is nested deeper than any request needs." };
  let payload;
  let thumbprint;
  try {
    const embedded = publicEcKey(decodeProtectedHeader(proof).jwk);
    if (!embedded) return { ok: false, reason: "PROOF_INVALID", message: "The device proof is not valid." };
    thumbprint = jwkThumbprint(embedded);
    ({ payload } = await jwtVerify(proof, await deviceKeys.get(thumbprint, embedded), {
      typ: "dpop+jwt",
      algorithms: ["ES256"],
      clockTolerance: MAX_SKEW_SECONDS,
      currentDate: expected.now,
    }));
  } catch {
    return { ok: false, reason: "PROOF_INVALID", message: "The device proof is not valid." };
  }
  const mismatch =
    payload.htm !== expected.method ||
    payload.htu !== expected.url ||
    payload.ath !== sha256Base64Url(expected.accessToken) ||
    payload.bh !== bodyHash ||
    typeof payload.jti !== "string";
  if (mismatch)
    return { ok: false, reason: "PROOF_INVALID", message: "The device proof was made for another request." };
  const age = expected.now.getTime() / 1000 - (payload.iat ?? 0);
  if (!(Math.abs(age) <= MAX_SKEW_SECONDS))
    return { ok: false, reason: "PROOF_STALE", message: "The device proof is too old; check the device's clock." };
  const expiresAt = new Date(((payload.iat ?? 0) + 2 * MAX_SKEW_SECONDS) * 1000);
  const proofId = payload.jti as string;
  if (expected.consume !== false && !(await expected.nonces.useOnce(`proof:${proofId}`, expiresAt)))
    return proofReplayed;
  return { ok: true, thumbprint, proofId, expiresAt };
}

// The hot path hashes here with node:crypto, synchronously: WebCrypto's digest (what the shared
// client code in proof.ts must use) hops to the thread pool and back, three times a cast.
const sha256Base64Url = (text: string) => createHash("sha256").update(text).digest("base64url");

type VerifyKey = Awaited<ReturnType<typeof importJWK>>;
type PublicEcJwk = { readonly kty: "EC"; readonly crv: "P-256"; readonly x: string; readonly y: string };

/** The embedded key's public members, if it is a P-256 key (a private member is never imported). */
function publicEcKey(jwk: JWK | undefined): PublicEcJwk | undefined {
  if (jwk?.kty !== "EC" || jwk.crv !== "P-256" || typeof jwk.x !== "string" || typeof jwk.y !== "string")
    return undefined;
  return { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order (what jose's calculateJwkThumbprint computes). */
export function jwkThumbprint(jwk: PublicEcJwk): string {
  return sha256Base64Url(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}

/**
 * Imported device keys by thumbprint: a voter's device signs every request with the same key, and
 * importing a JWK costs more than the check it serves. Bounded, oldest first out.
 */
const deviceKeys = {
  keys: new Map<string, Promise<VerifyKey>>(),
  limit: 10_000,
  get(thumbprint: string, jwk: PublicEcJwk): Promise<VerifyKey> {
    let key = this.keys.get(thumbprint);
    if (!key) {
      key = importJWK({ ...jwk }, "ES256");
      key.catch(() => this.keys.delete(thumbprint));
      if (this.keys.size >= this.limit) this.keys.delete(this.keys.keys().next().value!);
      this.keys.set(thumbprint, key);
    }
    return key;
  },
};

/**
 * The hash of the input the proof must name. The HTTP edge refuses deep input before it gets
 * here; should anything deeper reach this, JSON.stringify's RangeError becomes a refusal, not a 500.
 */
async function inputHash(input: unknown): Promise<string | undefined> {
  let text: string;
  try {
    text = JSON.stringify(input ?? null);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return sha256Base64Url(text);
}

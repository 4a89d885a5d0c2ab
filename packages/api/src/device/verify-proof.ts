import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from "jose";
import type { NonceStore } from "@landslide/vote-engine";
import { sha256Base64Url } from "./proof";

export type ProofRefusal = "PROOF_MISSING" | "PROOF_INVALID" | "PROOF_STALE" | "PROOF_REPLAYED";

const MAX_SKEW_SECONDS = 60;

/**
 * Checks a device proof: signed by the key in its own header, for this method, URL, access
 * token and input, issued within a minute, and never seen before (its jti is used once).
 * Returns the key's thumbprint, which the caller matches against the account's devices.
 */
export async function verifyProof(
  proof: string | undefined,
  expected: { method: string; url: string; accessToken: string; input: unknown; now: Date; nonces: NonceStore },
): Promise<{ ok: true; thumbprint: string } | { ok: false; reason: ProofRefusal; message: string }> {
  if (!proof) return { ok: false, reason: "PROOF_MISSING", message: "This request needs a device proof." };
  let payload;
  let jwk;
  try {
    jwk = decodeProtectedHeader(proof).jwk;
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt", algorithms: ["ES256"], clockTolerance: MAX_SKEW_SECONDS, currentDate: expected.now }));
  } catch {
    return { ok: false, reason: "PROOF_INVALID", message: "The device proof is not valid." };
  }
  const mismatch =
    payload.htm !== expected.method ||
    payload.htu !== expected.url ||
    payload.ath !== (await sha256Base64Url(expected.accessToken)) ||
    payload.bh !== (await sha256Base64Url(JSON.stringify(expected.input ?? null))) ||
    typeof payload.jti !== "string" ||
    !jwk;
  if (mismatch) return { ok: false, reason: "PROOF_INVALID", message: "The device proof was made for another request." };
  const age = expected.now.getTime() / 1000 - (payload.iat ?? 0);
  if (!(Math.abs(age) <= MAX_SKEW_SECONDS)) return { ok: false, reason: "PROOF_STALE", message: "The device proof is too old; check the device's clock." };
  const expiresAt = new Date(((payload.iat ?? 0) + 2 * MAX_SKEW_SECONDS) * 1000);
  if (!(await expected.nonces.useOnce(`proof:${payload.jti as string}`, expiresAt))) {
    return { ok: false, reason: "PROOF_REPLAYED", message: "This device proof was already used." };
  }
  return { ok: true, thumbprint: await calculateJwkThumbprint(jwk!) };
}

import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from "jose";
import type { NonceStore } from "@landslide/vote-engine";
import { type InputRefusal, tokenShapeProblem } from "../http/json-shape";
import { sha256Base64Url } from "./proof";

export type ProofRefusal = "PROOF_MISSING" | "PROOF_INVALID" | "PROOF_STALE" | "PROOF_REPLAYED" | InputRefusal;

const MAX_SKEW_SECONDS = 60;

export const proofReplayed = { ok: false as const, reason: "PROOF_REPLAYED" as const, message: "This device proof was already used." };

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
): Promise<{ ok: true; thumbprint: string; proofId: string; expiresAt: Date } | { ok: false; reason: ProofRefusal; message: string }> {
  if (!proof) return { ok: false, reason: "PROOF_MISSING", message: "This request needs a device proof." };
  // Before any parsing: the proof arrives in a header, from anyone.
  const shapeProblem = tokenShapeProblem(proof);
  if (shapeProblem) return { ok: false, reason: shapeProblem, message: "The device proof is nested deeper or holds more than any proof does." };
  const bodyHash = await inputHash(expected.input);
  if (bodyHash === undefined) return { ok: false, reason: "INPUT_TOO_DEEP", message: "The input is nested deeper than any request needs." };
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
    payload.bh !== bodyHash ||
    typeof payload.jti !== "string" ||
    !jwk;
  if (mismatch) return { ok: false, reason: "PROOF_INVALID", message: "The device proof was made for another request." };
  const age = expected.now.getTime() / 1000 - (payload.iat ?? 0);
  if (!(Math.abs(age) <= MAX_SKEW_SECONDS)) return { ok: false, reason: "PROOF_STALE", message: "The device proof is too old; check the device's clock." };
  const expiresAt = new Date(((payload.iat ?? 0) + 2 * MAX_SKEW_SECONDS) * 1000);
  const proofId = payload.jti as string;
  if (expected.consume !== false && !(await expected.nonces.useOnce(`proof:${proofId}`, expiresAt))) return proofReplayed;
  return { ok: true, thumbprint: await calculateJwkThumbprint(jwk!), proofId, expiresAt };
}

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

import { describe, expect, it } from "vitest";
import { calculateJwkThumbprint, SignJWT } from "jose";
import { InMemoryNonceStore } from "@landslide/vote-engine/memory";
import { createDeviceKey, createProof } from "../src/device/proof";
import { jwkThumbprint, verifyProof } from "../src/device/verify-proof";

const request = {
  method: "POST",
  url: "https://vote.example/trpc/voter.cast",
  accessToken: "token",
  input: { ballot: 1 },
};
const expected = () => ({ ...request, now: new Date(), nonces: new InMemoryNonceStore() });

describe("device proofs, checked on the server's own hot path", () => {
  it("name the key by the RFC 7638 thumbprint jose computes", async () => {
    const key = await createDeviceKey();
    expect(jwkThumbprint(key.publicJwk as never)).toBe(await calculateJwkThumbprint(key.publicJwk));
    expect(await verifyProof(await createProof(key, request), expected())).toMatchObject({
      ok: true,
      thumbprint: key.thumbprint,
    });
  });

  it("refuse a proof for another input or token, one signed by a key other than the embedded one, and one embedding a key that is not P-256", async () => {
    const key = await createDeviceKey();
    const other = await createDeviceKey();
    expect(await verifyProof(await createProof(key, { ...request, input: { ballot: 2 } }), expected())).toMatchObject({
      ok: false,
      reason: "PROOF_INVALID",
    });
    expect(await verifyProof(await createProof(key, { ...request, accessToken: "another" }), expected())).toMatchObject(
      { ok: false, reason: "PROOF_INVALID" },
    );
    // The cache of imported keys is by thumbprint: a known device's key must not vouch for a proof another key signed.
    await verifyProof(await createProof(key, request), expected());
    const forged = await new SignJWT({ htm: "POST", htu: request.url, jti: crypto.randomUUID(), ath: "x", bh: "y" })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk })
      .setIssuedAt()
      .sign(other.privateKey);
    expect(await verifyProof(forged, expected())).toMatchObject({ ok: false, reason: "PROOF_INVALID" });
    const notP256 = await new SignJWT({ htm: "POST", htu: request.url, jti: crypto.randomUUID() })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: { ...key.publicJwk, kty: "RSA" } })
      .setIssuedAt()
      .sign(key.privateKey);
    expect(await verifyProof(notP256, expected())).toMatchObject({ ok: false, reason: "PROOF_INVALID" });
  });

  it("are used once when the check consumes them", async () => {
    const key = await createDeviceKey();
    const proof = await createProof(key, request);
    const once = expected();
    expect(await verifyProof(proof, once)).toMatchObject({ ok: true });
    expect(await verifyProof(proof, once)).toMatchObject({ ok: false, reason: "PROOF_REPLAYED" });
  });
});

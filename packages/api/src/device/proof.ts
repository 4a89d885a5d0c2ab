import { base64url, calculateJwkThumbprint, exportJWK, type JWK, SignJWT } from "jose";

/**
 * The client half of device binding, with WebCrypto only, so browsers (key kept non-extractable
 * in IndexedDB) and Node (CLI, load tests) share it. Proofs follow RFC 9449 (DPoP) with one
 * addition: `bh`, a hash of the request's input, so a proof cannot be moved to another ballot.
 */
/** WebCrypto's key type, named without the DOM library (the same object in browsers and Node). */
type SigningKey = Parameters<typeof crypto.subtle.sign>[1];

export interface DeviceKey {
  readonly privateKey: SigningKey;
  readonly publicJwk: JWK;
  readonly thumbprint: string;
}

export async function createDeviceKey(): Promise<DeviceKey> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  const publicJwk: JWK = { kty: kty!, crv: crv!, x: x!, y: y! };
  return { privateKey: pair.privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
}

export async function sha256Base64Url(text: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))));
}

export interface ProofRequest {
  readonly method: string;
  /** The URL the request goes to, without query. */
  readonly url: string;
  readonly accessToken: string;
  /** The procedure input as sent (JSON). */
  readonly input: unknown;
}

export async function createProof(key: DeviceKey, request: ProofRequest): Promise<string> {
  return new SignJWT({
    htm: request.method,
    htu: request.url,
    jti: crypto.randomUUID(),
    ath: await sha256Base64Url(request.accessToken),
    bh: await sha256Base64Url(JSON.stringify(request.input ?? null)),
  })
    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk })
    .setIssuedAt()
    .sign(key.privateKey);
}

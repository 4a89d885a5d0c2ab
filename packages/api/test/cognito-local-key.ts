import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type CryptoKey, importJWK, type JWTPayload, SignJWT } from "jose";

/**
 * cognito-local signs every token with one RSA key shipped in its package. With it, tests and
 * benchmarks make tokens that differ from real ones only in the claims they choose: an expired
 * token, another pool's issuer, or thousands of voters without thousands of sign-ins.
 */
const { jwk } = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("cognito-local/lib/keys/cognitoLocal.private.json"), "utf8"),
) as {
  jwk: Record<string, string>;
};
let key: Promise<CryptoKey | Uint8Array> | undefined;

export async function signAsCognitoLocal(claims: JWTPayload): Promise<string> {
  key ??= importJWK(jwk, "RS256");
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: jwk.kid! }).sign(await key);
}

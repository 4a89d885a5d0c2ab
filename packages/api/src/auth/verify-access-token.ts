import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";
import { jwksUrl } from "./issuer";

export interface VerifiedIdentity {
  /** The Cognito subject: stable for the account, never shown to other users. */
  readonly sub: string;
  readonly username: string;
  readonly groups: readonly string[];
  readonly clientId: string;
  readonly expiresAt: Date;
}

export type TokenRejection = "TOKEN_MISSING" | "TOKEN_EXPIRED" | "TOKEN_INVALID";

export class TokenRejectedError extends Error {
  override readonly name = "TokenRejectedError";
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface AccessTokenVerifierOptions {
  readonly issuer: string;
  /** App clients whose tokens this service accepts. */
  readonly clientIds: readonly string[];
}

/**
 * Verifies Cognito access tokens locally against the pool's JWKS (fetched once, cached, and
 * refetched when a token names an unknown key, which is how key rotation shows up).
 * The same code serves cognito-local and real Cognito; only the issuer differs.
 */
export function createAccessTokenVerifier({ issuer, clientIds }: AccessTokenVerifierOptions, keys = poolKeys(issuer)) {
  return async function verifyAccessToken(token: string | undefined): Promise<VerifiedIdentity> {
    if (!token) throw new TokenRejectedError("TOKEN_MISSING", "Sign in first: no access token was sent.");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer, algorithms: ["RS256"], clockTolerance: 5 }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new TokenRejectedError("TOKEN_EXPIRED", "The session has expired: sign in again.");
      throw new TokenRejectedError("TOKEN_INVALID", "The access token is not valid.");
    }
    // Cognito access tokens carry client_id (not aud) and token_use "access"; ID tokens must not pass.
    if (payload.token_use !== "access") throw new TokenRejectedError("TOKEN_INVALID", "An access token is required.");
    const clientId = typeof payload.client_id === "string" ? payload.client_id : "";
    if (!clientIds.includes(clientId))
      throw new TokenRejectedError("TOKEN_INVALID", "The token was issued to another application.");
    if (typeof payload.sub !== "string" || typeof payload.exp !== "number") {
      throw new TokenRejectedError("TOKEN_INVALID", "The access token is not valid.");
    }
    const groups = payload["cognito:groups"];
    return {
      sub: payload.sub,
      username: typeof payload.username === "string" ? payload.username : payload.sub,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [],
      clientId,
      expiresAt: new Date(payload.exp * 1000),
    };
  };
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;

/** The pool's signing keys, fetched once, cached, refetched when a token names an unknown key. */
export function poolKeys(issuer: string) {
  return createRemoteJWKSet(jwksUrl(issuer), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

/**
 * Cognito access tokens do not carry the e-mail address; the ID token of the same sign-in does.
 * Sent beside the access token, it gives the verified address (voter rolls, the audit trail's
 * "who"). Returns undefined unless it is valid, for one of our apps, for the same subject, and
 * the address is verified.
 */
export function createIdTokenVerifier({ issuer, clientIds }: AccessTokenVerifierOptions, keys = poolKeys(issuer)) {
  return async function verifiedEmail(token: string | undefined, subject: string): Promise<string | undefined> {
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience: [...clientIds],
        algorithms: ["RS256"],
        clockTolerance: 5,
      });
      const verified = payload.email_verified === true || payload.email_verified === "true";
      if (payload.token_use !== "id" || payload.sub !== subject || !verified || typeof payload.email !== "string")
        return undefined;
      return payload.email;
    } catch {
      return undefined;
    }
  };
}

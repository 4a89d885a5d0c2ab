import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import {
  type AuthenticationResponseJSON,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { castChallengeText, type CastChallengeInput } from "./passkey-challenge";

/** How long a registration ceremony may take, from its options to its answer. */
const REGISTRATION_MINUTES = 5;
/** ES256 and EdDSA, then RS256 for the Windows Hello keys that offer nothing else. */
const ALGORITHMS = [-7, -8, -257];

/** A voter's passkey as stored, and as carried (its id, key and counter) in the device token. */
export interface PasskeyCredential {
  readonly id: string;
  /** The COSE public key, base64url. */
  readonly publicKey: string;
  /** The signature counter at registration; 0 for the many authenticators that keep none. */
  readonly counter: number;
}

export interface RegisteredPasskey extends PasskeyCredential {
  readonly transports: readonly string[];
  /** "singleDevice" (a security key, a TPM) or "multiDevice" (synced by the platform). */
  readonly deviceType: string;
  readonly backedUp: boolean;
  /** The attestation statement's format ("none" when the authenticator offered none) and the authenticator model's AAGUID. */
  readonly attestation: { readonly format: string; readonly aaguid: string };
}

export type PasskeyVerdict<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * The relying-party side of voters' passkeys. Registration needs no stored state: its challenge
 * is a MAC over the account, the device key it backs and an expiry, checked when the answer comes
 * back. A cast's assertion signs the cast itself (castChallengeText), so it cannot be moved to
 * another ballot, election or idempotency key, and it needs no challenge round trip.
 */
export class PasskeyRelyingParty {
  private readonly macKey: Uint8Array;

  constructor(
    secret: Uint8Array,
    private readonly party: { readonly rpId: string; readonly origins: readonly string[] },
  ) {
    this.macKey = new Uint8Array(
      hkdfSync("sha256", secret, new Uint8Array(0), "landslide-passkey-registration-v1", 32),
    );
  }

  async registrationOptions(
    voter: { readonly sub: string; readonly username: string; readonly thumbprint: string },
    now: Date,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const expires = Math.floor(now.getTime() / 1000) + REGISTRATION_MINUTES * 60;
    return generateRegistrationOptions({
      rpName: "Landslide",
      rpID: this.party.rpId,
      userName: voter.username,
      // Stable per account, so a second registration on one authenticator replaces the first; not the account id itself.
      userID: createHash("sha256").update(`landslide-user:${voter.sub}`).digest(),
      challenge: new TextEncoder().encode(`${expires}.${this.mac(voter.sub, voter.thumbprint, expires)}`),
      timeout: REGISTRATION_MINUTES * 60_000,
      // Asked for, so it can be recorded; an authenticator may still answer "none".
      attestationType: "direct",
      authenticatorSelection: { userVerification: "required", residentKey: "preferred" },
      supportedAlgorithmIDs: ALGORITHMS,
    });
  }

  async verifyRegistration(
    response: RegistrationResponseJSON,
    voter: { readonly sub: string; readonly thumbprint: string },
    now: Date,
  ): Promise<PasskeyVerdict<RegisteredPasskey>> {
    try {
      const verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: (challenge) => this.challengeIsOurs(challenge, voter, now),
        expectedOrigin: [...this.party.origins],
        expectedRPID: this.party.rpId,
        requireUserVerification: true,
        supportedAlgorithmIDs: ALGORITHMS,
      });
      if (!verified.verified) return { ok: false, message: "The passkey could not be verified." };
      const info = verified.registrationInfo;
      return {
        ok: true,
        value: {
          id: info.credential.id,
          publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
          counter: info.credential.counter,
          transports: info.credential.transports ?? [],
          deviceType: info.credentialDeviceType,
          backedUp: info.credentialBackedUp,
          attestation: { format: info.fmt, aaguid: info.aaguid },
        },
      };
    } catch (error) {
      return { ok: false, message: `The passkey could not be verified: ${(error as Error).message}` };
    }
  }

  /** Checks a cast's assertion against the passkey the device token names; the new counter on success. */
  async verifyCast(
    response: AuthenticationResponseJSON,
    credential: PasskeyCredential,
    cast: CastChallengeInput,
  ): Promise<PasskeyVerdict<{ counter: number }>> {
    if (response.id !== credential.id)
      return { ok: false, message: "The ballot was signed with a passkey this device did not register." };
    try {
      const verified = await verifyAuthenticationResponse({
        response,
        expectedChallenge: castChallenge(cast),
        expectedOrigin: [...this.party.origins],
        expectedRPID: this.party.rpId,
        credential: {
          id: credential.id,
          publicKey: new Uint8Array(Buffer.from(credential.publicKey, "base64url")),
          counter: credential.counter,
        },
        requireUserVerification: true,
      });
      if (!verified.verified) return { ok: false, message: "The passkey's signature over the ballot is not valid." };
      return { ok: true, value: { counter: verified.authenticationInfo.newCounter } };
    } catch (error) {
      return {
        ok: false,
        message: `The passkey's signature over the ballot is not valid: ${(error as Error).message}`,
      };
    }
  }

  private challengeIsOurs(
    challenge: string,
    voter: { readonly sub: string; readonly thumbprint: string },
    now: Date,
  ): boolean {
    const [expires, mac, ...rest] = Buffer.from(challenge, "base64url").toString("utf8").split(".");
    if (expires === undefined || mac === undefined || rest.length > 0 || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) < now.getTime() / 1000) return false;
    const given = Buffer.from(mac, "base64url");
    const wanted = Buffer.from(this.mac(voter.sub, voter.thumbprint, Number(expires)), "base64url");
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }

  private mac(sub: string, thumbprint: string, expires: number): string {
    return createHmac("sha256", this.macKey).update(`${sub}\n${thumbprint}\n${expires}`).digest("base64url");
  }
}

/** What a cast's assertion must have signed (base64url, as WebAuthn carries challenges). */
export function castChallenge(cast: CastChallengeInput): string {
  return createHash("sha256").update(castChallengeText(cast)).digest("base64url");
}

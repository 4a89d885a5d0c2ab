import { isoCBOR } from "@simplewebauthn/server/helpers";
import type {
  AuthenticationResponseJSON,
  PasskeyAuthenticator,
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from "../client/passkey-authenticator";

/**
 * A WebAuthn authenticator in plain Node (WebCrypto, ES256), for tests and the bot benchmark: what
 * a bot farm would write instead of buying phones. It answers both ceremonies exactly as
 * @simplewebauthn/browser would hand a platform authenticator's answers to the page, attestation
 * "none". Its knobs make it misbehave the ways the API must notice: no user verification, another
 * origin or relying party, a counter that stands still or goes back.
 */

/** How the signature counter moves: a security key's "increasing" (registration signs 1), a synced passkey's "zero", or a fixed value. */
export type SignCounter = "increasing" | "zero" | { readonly fixed: number };

export interface SoftwareAuthenticatorOptions {
  /** The page's origin the browser would put in clientDataJSON, e.g. http://localhost:3000. */
  readonly origin: string;
  /** The relying party id whose hash starts authData; by default the one the options name, else the origin's host. */
  readonly rpId?: string;
  /** Whether the "user" verified (the UV flag); a real platform authenticator refuses to sign without. Default true. */
  readonly userVerified?: boolean;
  /** Default "increasing". */
  readonly counter?: SignCounter;
  /** A synced passkey: sets backup eligible and backed up (BE, BS). Default false, a device-bound key. */
  readonly backedUp?: boolean;
  /** The authenticator model's AAGUID (16 bytes); by default all zeros, as "none" attestation reports. */
  readonly aaguid?: Uint8Array;
}

/** Per-ceremony changes to the knobs above, for a test that misbehaves once. */
export type CeremonyOverrides = Partial<
  Pick<SoftwareAuthenticatorOptions, "origin" | "rpId" | "userVerified" | "counter" | "backedUp">
>;

/** What isoCBOR encodes: integer-keyed COSE maps must be Maps, not objects. */
type CborValue = Parameters<typeof isoCBOR.encode>[0];
/** WebCrypto's key type, named without the DOM library (as src/device/proof.ts does). */
type SigningKey = Parameters<typeof crypto.subtle.sign>[1];

interface Credential {
  readonly id: Uint8Array;
  readonly privateKey: SigningKey;
  readonly rpId: string;
  readonly userHandle: string;
  /** The last counter this credential signed with. */
  signCount: number;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;
const ES256 = -7;

export class SoftwareAuthenticator implements PasskeyAuthenticator {
  private readonly credentials = new Map<string, Credential>();

  constructor(private readonly options: SoftwareAuthenticatorOptions) {}

  /** The ids (base64url) of the credentials this authenticator holds, oldest first. */
  get credentialIds(): string[] {
    return [...this.credentials.keys()];
  }

  /** navigator.credentials.create: a new ES256 credential for the options' relying party and user. */
  async register(
    creation: PublicKeyCredentialCreationOptionsJSON,
    overrides: CeremonyOverrides = {},
  ): Promise<RegistrationResponseJSON> {
    const knobs = { ...this.options, ...overrides };
    if (!creation.pubKeyCredParams.some((param) => param.alg === ES256))
      throw new Error("NotSupportedError: this authenticator makes ES256 keys only.");
    const rpId = knobs.rpId ?? creation.rp.id ?? new URL(knobs.origin).hostname;
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const rawPublicKey = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    const id = crypto.getRandomValues(new Uint8Array(32));
    const credential: Credential = {
      id,
      privateKey: pair.privateKey,
      rpId,
      userHandle: creation.user.id,
      signCount: 0,
    };
    this.credentials.set(b64url(id), credential);

    const coseKey = isoCBOR.encode(
      new Map<number, CborValue>([
        [1, 2], // kty: EC2
        [3, ES256], // alg
        [-1, 1], // crv: P-256
        [-2, rawPublicKey.slice(1, 33)], // x
        [-3, rawPublicKey.slice(33, 65)], // y
      ]),
    );
    const aaguid = knobs.aaguid ?? new Uint8Array(16);
    if (aaguid.length !== 16) throw new Error("An AAGUID is 16 bytes.");
    const attested = concat(aaguid, uint16(id.length), id, coseKey);
    const authData = concat(
      await sha256(utf8(rpId)),
      Uint8Array.of(flags(knobs) | FLAG_AT),
      uint32(nextCount(credential, knobs.counter)),
      attested,
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, CborValue>([
        ["fmt", "none"],
        ["attStmt", new Map<string, CborValue>()],
        ["authData", authData],
      ]),
    );
    const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(clientData("webauthn.create", creation.challenge, knobs.origin)),
        attestationObject: b64url(attestationObject),
        authenticatorData: b64url(authData),
        transports: ["internal"],
        publicKeyAlgorithm: ES256,
        publicKey: b64url(spki),
      },
    };
  }

  /** navigator.credentials.get for one credential: an assertion over `challenge`, user verified unless told otherwise. */
  async sign(
    request: { readonly credentialId: string; readonly challenge: string },
    overrides: CeremonyOverrides = {},
  ): Promise<AuthenticationResponseJSON> {
    const credential = this.credentials.get(request.credentialId);
    if (!credential) throw new Error("NotAllowedError: this authenticator holds no such credential.");
    const knobs = { ...this.options, ...overrides };
    const rpId = overrides.rpId ?? credential.rpId;
    const authData = concat(
      await sha256(utf8(rpId)),
      Uint8Array.of(flags(knobs)),
      uint32(nextCount(credential, knobs.counter)),
    );
    const clientDataJSON = clientData("webauthn.get", request.challenge, knobs.origin);
    const signed = concat(authData, await sha256(clientDataJSON));
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, credential.privateKey, signed),
    );
    return {
      id: request.credentialId,
      rawId: request.credentialId,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(derSignature(raw)),
        userHandle: credential.userHandle,
      },
    };
  }
}

function flags(knobs: CeremonyOverrides): number {
  return FLAG_UP | (knobs.userVerified === false ? 0 : FLAG_UV) | (knobs.backedUp ? FLAG_BE | FLAG_BS : 0);
}

function nextCount(credential: Credential, counter: SignCounter = "increasing"): number {
  if (counter === "zero") credential.signCount = 0;
  else if (counter === "increasing") credential.signCount += 1;
  else credential.signCount = counter.fixed;
  return credential.signCount;
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Uint8Array {
  return utf8(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/**
 * WebCrypto signs ECDSA as r || s (IEEE P1363); WebAuthn carries ASN.1 DER,
 * SEQUENCE { INTEGER r, INTEGER s }, each integer minimal and positive.
 */
export function derSignature(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    const body = trimmed[0]! & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
    return concat(Uint8Array.of(0x02, body.length), body);
  };
  const sequence = concat(integer(raw.subarray(0, half)), integer(raw.subarray(half)));
  return concat(Uint8Array.of(0x30, sequence.length), sequence);
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const uint16 = (n: number) => Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
const uint32 = (n: number) => Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

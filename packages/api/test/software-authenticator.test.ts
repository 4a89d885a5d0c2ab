import { describe, expect, it } from "vitest";
import {
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import { decodeAttestationObject, isoCBOR, parseAuthenticatorData } from "@simplewebauthn/server/helpers";
import { castChallenge, PasskeyRelyingParty } from "../src/device/passkeys";
import { authenticationResponseSchema, registrationResponseSchema } from "../src/device/passkey-schemas";
import { derSignature, SoftwareAuthenticator } from "../src/testing/software-authenticator";

/**
 * The software authenticator against @simplewebauthn/server itself, and against the API's relying
 * party: if the library did not accept what it makes, every passkey test over HTTP would test it
 * rather than the API.
 */
const origin = "http://localhost:3000";
const rpId = "localhost";

async function options() {
  return generateRegistrationOptions({
    rpName: "Landslide",
    rpID: rpId,
    userName: "ada@example.org",
    attestationType: "direct",
    supportedAlgorithmIDs: [-7, -8, -257],
  });
}

/** A registration the library verified, and what it stored. */
async function registered(authenticator: SoftwareAuthenticator) {
  const creation = await options();
  const response = await authenticator.register(creation);
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: creation.challenge,
    expectedOrigin: origin,
    expectedRPID: rpId,
    requireUserVerification: true,
  });
  expect(verified.verified).toBe(true);
  return { response, credential: verified.registrationInfo!.credential, info: verified.registrationInfo! };
}

const check = (
  response: Awaited<ReturnType<SoftwareAuthenticator["sign"]>>,
  credential: WebAuthnCredential,
  challenge: string,
) =>
  verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpId,
    credential,
    requireUserVerification: true,
  }).then(
    (verified) => (verified.verified ? `verified, counter ${verified.authenticationInfo.newCounter}` : "not verified"),
    (error: Error) => error.message,
  );

describe("the software authenticator", () => {
  it("registers an ES256 credential that the library verifies, attestation none, in the shape the browser library gives and the API's schema takes", async () => {
    const authenticator = new SoftwareAuthenticator({ origin });
    const { response, credential, info } = await registered(authenticator);
    expect(registrationResponseSchema.parse(response)).toEqual(response);
    expect(response).toMatchObject({
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    });
    expect(info).toMatchObject({
      fmt: "none",
      userVerified: true,
      credentialDeviceType: "singleDevice",
      credentialBackedUp: false,
      aaguid: "00000000-0000-0000-0000-000000000000",
    });
    expect(credential.counter).toBe(1);
    expect(authenticator.credentialIds).toEqual([credential.id]);
    // The COSE key: EC2, ES256, P-256, 32-byte coordinates.
    const cose = isoCBOR.decodeFirst<Map<number, unknown>>(credential.publicKey);
    expect([
      cose.get(1),
      cose.get(3),
      cose.get(-1),
      (cose.get(-2) as Uint8Array).length,
      (cose.get(-3) as Uint8Array).length,
    ]).toEqual([2, -7, 1, 32, 32]);
    const attestation = decodeAttestationObject(
      new Uint8Array(Buffer.from(response.response.attestationObject, "base64url")),
    );
    expect(attestation.get("fmt")).toBe("none");
  });

  it("signs assertions the library verifies, with the counter moving as asked", async () => {
    const authenticator = new SoftwareAuthenticator({ origin });
    const { credential } = await registered(authenticator);
    const challenge = Buffer.from("a cast to sign").toString("base64url");
    const assertion = await authenticator.sign({ credentialId: credential.id, challenge });
    expect(authenticationResponseSchema.parse(assertion)).toEqual(assertion);
    expect(await check(assertion, credential, challenge)).toBe("verified, counter 2");

    const synced = new SoftwareAuthenticator({ origin, counter: "zero", backedUp: true });
    const second = await registered(synced);
    expect(second.info).toMatchObject({ credentialDeviceType: "multiDevice", credentialBackedUp: true });
    expect(
      await check(await synced.sign({ credentialId: second.credential.id, challenge }), second.credential, challenge),
    ).toBe("verified, counter 0");
  });

  it("misbehaves when told to, and the library notices each", async () => {
    const authenticator = new SoftwareAuthenticator({ origin, counter: { fixed: 41 } });
    const { credential } = await registered(authenticator);
    const challenge = Buffer.from("another cast").toString("base64url");
    const id = credential.id;
    expect(
      await check(
        await authenticator.sign({ credentialId: id, challenge }, { userVerified: false }),
        credential,
        challenge,
      ),
    ).toMatch(/user could not be verified/i);
    expect(
      await check(
        await authenticator.sign(
          { credentialId: id, challenge },
          { origin: "https://evil.example", counter: { fixed: 50 } },
        ),
        credential,
        challenge,
      ),
    ).toMatch(/origin/i);
    expect(
      await check(
        await authenticator.sign({ credentialId: id, challenge }, { rpId: "evil.example", counter: { fixed: 50 } }),
        credential,
        challenge,
      ),
    ).toMatch(/RP ID/i);
    expect(
      await check(
        await authenticator.sign({ credentialId: id, challenge }, { counter: { fixed: 7 } }),
        credential,
        challenge,
      ),
    ).toMatch(/counter/i);
    expect(await check(await authenticator.sign({ credentialId: id, challenge }), credential, challenge)).toMatch(
      /counter/i,
    ); // 41 again: not above 41
    expect(
      await check(
        await authenticator.sign({ credentialId: id, challenge }, { counter: { fixed: 42 } }),
        credential,
        challenge,
      ),
    ).toBe("verified, counter 42");
    expect(
      await check(
        await authenticator.sign(
          { credentialId: id, challenge: Buffer.from("something else").toString("base64url") },
          { counter: { fixed: 43 } },
        ),
        credential,
        challenge,
      ),
    ).toMatch(/challenge/i);
    await expect(authenticator.sign({ credentialId: "bm90LW1pbmU", challenge })).rejects.toThrow(/NotAllowedError/);
    const flags = parseAuthenticatorData(
      new Uint8Array(
        Buffer.from(
          (await authenticator.sign({ credentialId: id, challenge }, { userVerified: false })).response
            .authenticatorData,
          "base64url",
        ),
      ),
    ).flags;
    expect([flags.up, flags.uv]).toEqual([true, false]);
  });

  it("encodes signatures as DER, however many leading zeros or high bits r and s have", () => {
    const r = new Uint8Array(32).fill(0x80);
    const s = new Uint8Array(32);
    s[2] = 0x01;
    const der = derSignature(new Uint8Array([...r, ...s]));
    expect(Buffer.from(der).toString("hex")).toBe(`3043022100${"80".repeat(32)}021e01${"00".repeat(29)}`);
  });

  it("registers and casts through the API's relying party: bound to the account, the device key and the cast", async () => {
    const party = new PasskeyRelyingParty(new Uint8Array(32).fill(7), { rpId, origins: [origin] });
    const voter = { sub: "sub-1", username: "ada@example.org", thumbprint: "thumb-1" };
    const now = new Date();
    const authenticator = new SoftwareAuthenticator({ origin });
    const response = await authenticator.register(await party.registrationOptions(voter, now));
    expect((await party.verifyRegistration(response, { sub: "sub-2", thumbprint: voter.thumbprint }, now)).ok).toBe(
      false,
    );
    expect((await party.verifyRegistration(response, { sub: voter.sub, thumbprint: "thumb-2" }, now)).ok).toBe(false);
    expect((await party.verifyRegistration(response, voter, new Date(now.getTime() + 6 * 60_000))).ok).toBe(false);
    const verdict = await party.verifyRegistration(response, voter, now);
    if (!verdict.ok) throw new Error(verdict.message);

    const cast = { electionId: "e1", idempotencyKey: "k".repeat(16), ballot: { answers: { q: { choices: ["yes"] } } } };
    const assertion = await authenticator.sign({ credentialId: verdict.value.id, challenge: castChallenge(cast) });
    expect(await party.verifyCast(assertion, verdict.value, cast)).toEqual({ ok: true, value: { counter: 2 } });
    expect(
      (await party.verifyCast(assertion, verdict.value, { ...cast, ballot: { answers: { q: { choices: ["no"] } } } }))
        .ok,
    ).toBe(false);
    expect((await party.verifyCast(assertion, verdict.value, { ...cast, idempotencyKey: "j".repeat(16) })).ok).toBe(
      false,
    );
  });
});

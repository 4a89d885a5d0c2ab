import { describe, expect, it } from "vitest";
import { base64url, SignJWT } from "jose";
import { DeviceTokens } from "../src/device/device-token";

const secret = new Uint8Array(32).fill(3);
const now = new Date("2026-12-02T09:00:00Z");
const binding = {
  sub: "ada",
  thumbprint: "thumb-1",
  accountsOnDevice: 2,
  accountFirstSeen: new Date("2026-11-01T00:00:00Z"),
};
const expected = { sub: "ada", thumbprint: "thumb-1", now };

describe("device binding tokens", () => {
  it("verify as issued, for their account and device key, until they expire", async () => {
    const tokens = new DeviceTokens(secret);
    const { token, expiresAt } = await tokens.issue(binding, now);
    expect(await tokens.verify(token, expected)).toEqual(binding);
    expect(await tokens.verify(token, { ...expected, sub: "bob" })).toBeUndefined();
    expect(await tokens.verify(token, { ...expected, thumbprint: "thumb-2" })).toBeUndefined();
    expect(await tokens.verify(token, { ...expected, now: expiresAt })).toBeUndefined();
  });

  it("carry the passkey that backs the device key, and an edit to it breaks the token", async () => {
    const tokens = new DeviceTokens(secret);
    const withPasskey = { ...binding, passkey: { id: "cred-1", publicKey: "pQECAyYgASFYIA", counter: 7 } };
    const { token } = await tokens.issue(withPasskey, now);
    expect(await tokens.verify(token, expected)).toEqual(withPasskey);
    const [header, body, signature] = token.split(".");
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(body!))) as { pk: Record<string, unknown> };
    const swapped = base64url.encode(JSON.stringify({ ...payload, pk: { ...payload.pk, key: "attacker-key" } }));
    expect(await tokens.verify(`${header}.${swapped}.${signature}`, expected)).toBeUndefined();
  });

  it("refuse another deployment's token, an edited payload, 'none' and any other header", async () => {
    const ours = new DeviceTokens(secret);
    const { token } = await new DeviceTokens(new Uint8Array(32).fill(4)).issue(binding, now);
    expect(await ours.verify(token, expected)).toBeUndefined();

    const [header, body, signature] = (await ours.issue(binding, now)).token.split(".");
    const edited = base64url.encode(
      JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(body!))), aod: 1 }),
    );
    expect(await ours.verify(`${header}.${edited}.${signature}`, expected)).toBeUndefined();
    const none = base64url.encode(JSON.stringify({ alg: "none", typ: "device-binding+jwt" }));
    expect(await ours.verify(`${none}.${body}.`, expected)).toBeUndefined();
    // A header of its own (here a key id): not a token this API made.
    const otherHeader = await new SignJWT({ cnf: { jkt: "thumb-1" }, aod: 1, afs: 0 })
      .setProtectedHeader({ alg: "HS256", typ: "device-binding+jwt", kid: "x" })
      .setSubject("ada")
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
      .sign(new Uint8Array(32));
    expect(await ours.verify(otherHeader, expected)).toBeUndefined();
    expect(await ours.verify(`${header}.${body}.${signature}.extra`, expected)).toBeUndefined();
    expect(await ours.verify("", expected)).toBeUndefined();
  });
});

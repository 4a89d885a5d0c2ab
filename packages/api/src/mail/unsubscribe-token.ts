import { createHmac, timingSafeEqual } from "node:crypto";
import { normalizeEmail } from "@landslide/vote-engine";

/**
 * The token in every message's unsubscribe link: the address and an HMAC of it under a key of the
 * deployment, so the link works for ever without a lookup, names only the address it was sent to,
 * and cannot be made for another address. Derived from the voter-key secret under a label of its
 * own, so that no new secret has to be provisioned and no other use of that secret gives it away.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(deploymentSecret: Uint8Array) {
    this.key = createHmac("sha256", deploymentSecret).update("landslide mail unsubscribe v1").digest();
  }

  issue(email: string): string {
    const address = normalizeEmail(email);
    return `${Buffer.from(address).toString("base64url")}.${this.mac(address).toString("base64url")}`;
  }

  /** The address a token was issued for, or undefined when it was not issued by this deployment. */
  verify(token: string): string | undefined {
    const [encoded, mac, extra] = token.split(".");
    if (!encoded || !mac || extra !== undefined) return undefined;
    const address = Buffer.from(encoded, "base64url").toString();
    const given = Buffer.from(mac, "base64url");
    const expected = this.mac(address);
    return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
  }

  private mac(address: string): Buffer {
    return createHmac("sha256", this.key).update(address).digest();
  }
}

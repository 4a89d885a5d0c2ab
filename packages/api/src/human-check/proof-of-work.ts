import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock, NonceStore } from "@landslide/vote-engine";
import {
  type Challenge,
  type HumanCheck,
  type HumanCheckContext,
  type HumanCheckProof,
  type HumanCheckVerdict,
  refuseCheck as refuse,
} from "./human-check";

export interface ProofOfWorkOptions {
  /** The deployment secret the challenge key is derived from (HKDF, its own label). */
  readonly secret: Uint8Array;
  readonly nonces: NonceStore;
  readonly clock: Clock;
  /** The least work accepted from this address (numbers to search; about half are tried on average). Rises with risk. */
  readonly difficulty: (remoteIp: string) => number;
  /** The work asked for when issuing, at least `difficulty`: rises with load too. */
  readonly issueDifficulty?: (remoteIp: string) => number;
  readonly ttlMs?: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * ALTCHA-style proof of work: the server picks a secret number, publishes SHA-256(salt + number)
 * with an HMAC signature, and the browser finds the number by trying them all. Costless to check,
 * costly to do at bot scale; single use and short-lived.
 */
export class ProofOfWorkCheck implements HumanCheck {
  private readonly key: Buffer;
  private readonly ttlMs: number;

  constructor(private readonly options: ProofOfWorkOptions) {
    this.key = Buffer.from(hkdfSync("sha256", options.secret, new Uint8Array(0), "landslide-challenge-v1", 32));
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
  }

  async issue(context: { readonly remoteIp: string; readonly subject?: string }): Promise<Challenge> {
    const maxNumber = Math.max(
      this.options.difficulty(context.remoteIp),
      this.options.issueDifficulty?.(context.remoteIp) ?? 0,
    );
    const issued = this.options.clock.now().getTime();
    const expires = Math.floor((issued + this.ttlMs) / 1000);
    const account = context.subject === undefined ? "" : `&for=${this.accountTag(context.subject)}`;
    const salt = `${randomBytes(12).toString("hex")}?issued=${issued}&expires=${expires}&max=${maxNumber}${account}`;
    const secretNumber = randomBytes(4).readUInt32BE() % (maxNumber + 1);
    const challenge = sha256(salt + secretNumber);
    return { kind: "proof-of-work", algorithm: "SHA-256", challenge, salt, maxNumber, signature: this.sign(challenge) };
  }

  async verify(proof: HumanCheckProof | undefined, context: HumanCheckContext): Promise<HumanCheckVerdict> {
    if (!proof) return refuse("CHALLENGE_REQUIRED", "Solve a human check first.");
    if (!("challenge" in proof))
      return refuse("CHALLENGE_INVALID", "This deployment checks with proof of work, not a hosted widget.");
    const solution = proof;
    const expected = Buffer.from(this.sign(solution.challenge), "hex");
    const given = Buffer.from(solution.signature, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return refuse("CHALLENGE_INVALID", "That human check was not issued here.");
    if (sha256(solution.salt + solution.number) !== solution.challenge)
      return refuse("CHALLENGE_INVALID", "That human check is not solved.");
    const params = new URLSearchParams(solution.salt.split("?")[1] ?? "");
    const expires = Number(params.get("expires"));
    if (!(expires * 1000 > this.options.clock.now().getTime()))
      return refuse("CHALLENGE_EXPIRED", "That human check expired; a new one is needed.");
    // Difficulty may have risen since this challenge was issued: an easier one no longer counts.
    if (!(Number(params.get("max")) >= this.options.difficulty(context.remoteIp)))
      return refuse("CHALLENGE_TOO_EASY", "A harder human check is needed now.");
    const issued = Number(params.get("issued"));
    const account = params.get("for");
    if (account !== null) {
      // Issued to one account: no other may use it, and that account votes once per election (its
      // own conditional write), so the check needs no single-use write of its own on the hot path.
      if (context.subject === undefined || account !== this.accountTag(context.subject))
        return refuse("CHALLENGE_INVALID", "That human check was issued to another account.");
      return { ok: true as const, elapsedMs: this.options.clock.now().getTime() - issued, boundToAccount: true };
    }
    // One write uses up the challenge and the request's device proof together: a proof signs the
    // body, and the body holds the challenge, so a replayed request always meets its own claim.
    const holder = context.proof?.id ?? "";
    const claim = await this.options.nonces.claim(
      `challenge:${solution.challenge}`,
      new Date(Math.max(expires * 1000, context.proof?.expiresAt.getTime() ?? 0)),
      holder,
    );
    if (!claim.claimed)
      return {
        ...refuse("CHALLENGE_REUSED", "That human check was already used."),
        sameProof: holder !== "" && claim.holder === holder,
      };
    return { ok: true as const, elapsedMs: this.options.clock.now().getTime() - issued };
  }

  /** Names the account inside the signed salt without revealing its id to whoever reads the salt. */
  private accountTag(subject: string): string {
    return createHmac("sha256", this.key).update(`account\n${subject}`).digest("base64url").slice(0, 22);
  }

  private sign(challenge: string): string {
    return createHmac("sha256", this.key).update(challenge).digest("hex");
  }
}

import { z } from "zod";

/** What the client gets to solve: ALTCHA's shape, so existing widgets and solvers fit. */
export interface Challenge {
  readonly kind: "proof-of-work";
  readonly algorithm: "SHA-256";
  /** SHA-256 (hex) of salt + the secret number. */
  readonly challenge: string;
  /** Random, with the issue time, expiry and difficulty as parameters: changing them changes the challenge. */
  readonly salt: string;
  readonly maxNumber: number;
  /** HMAC of the challenge under the deployment's key: only the server can issue challenges. */
  readonly signature: string;
}

/** A hosted check (Turnstile-compatible): the client runs the provider's widget with this site key. */
export interface SiteverifyChallenge {
  readonly kind: "siteverify";
  readonly siteKey: string;
}

export type HumanCheckChallenge = Challenge | SiteverifyChallenge;

export const solutionSchema = z
  .object({
    algorithm: z.literal("SHA-256"),
    challenge: z.string().regex(/^[0-9a-f]{64}$/),
    salt: z.string().min(1).max(200),
    number: z.number().int().min(0).max(10_000_000),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export type Solution = z.infer<typeof solutionSchema>;

/** The widget's response token of a hosted check (Turnstile allows up to 2048 characters). */
export const siteverifyTokenSchema = z.object({ token: z.string().min(1).max(2048) }).strict();

export const humanCheckProofSchema = z.union([solutionSchema, siteverifyTokenSchema]);
export type HumanCheckProof = z.infer<typeof humanCheckProofSchema>;

export type HumanCheckRefusal =
  | "CHALLENGE_REQUIRED"
  | "CHALLENGE_INVALID"
  | "CHALLENGE_EXPIRED"
  | "CHALLENGE_REUSED"
  | "CHALLENGE_TOO_EASY"
  | "CHALLENGE_UNAVAILABLE";

export type HumanCheckVerdict =
  | {
      readonly ok: true;
      /** From issue to submission, when the check knows it: implausibly fast solves are a risk signal. */
      readonly elapsedMs?: number;
      /**
       * The challenge was issued to this account, so it cannot serve another; the caller's own
       * one-per-voter write makes it single use (no write of the check's own).
       */
      readonly boundToAccount?: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: HumanCheckRefusal;
      readonly message: string;
      /** The challenge was used by this very proof before: the whole request is a replay. */
      readonly sameProof?: boolean;
    };

export interface HumanCheckContext {
  readonly remoteIp: string;
  /** The signed-in account making the request, if any: a challenge issued to an account serves it alone. */
  readonly subject?: string;
  /** The request's single-use device proof; a check that can, uses it up together with the challenge. */
  readonly proof?: { readonly id: string; readonly expiresAt: Date };
}

/**
 * The invisible human check. The default adapter is proof of work; a hosted siteverify service
 * (Turnstile-like) can take its place behind the same interface, chosen by configuration.
 */
export interface HumanCheck {
  /** With a subject, the challenge is issued to that account and serves no other. */
  issue(context: { readonly remoteIp: string; readonly subject?: string }): Promise<HumanCheckChallenge>;
  verify(proof: HumanCheckProof | undefined, context: HumanCheckContext): Promise<HumanCheckVerdict>;
}

export const refuseCheck = (reason: HumanCheckRefusal, message: string) => ({ ok: false as const, reason, message });

import { z } from "zod";

/** What the client gets to solve: ALTCHA's shape, so existing widgets and solvers fit. */
export interface Challenge {
  readonly algorithm: "SHA-256";
  /** SHA-256 (hex) of salt + the secret number. */
  readonly challenge: string;
  /** Random, with the expiry and difficulty as parameters: changing them changes the challenge. */
  readonly salt: string;
  readonly maxNumber: number;
  /** HMAC of the challenge under the deployment's key: only the server can issue challenges. */
  readonly signature: string;
}

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

export type HumanCheckRefusal = "CHALLENGE_REQUIRED" | "CHALLENGE_INVALID" | "CHALLENGE_EXPIRED" | "CHALLENGE_REUSED" | "CHALLENGE_TOO_EASY";

/**
 * The invisible human check. The default adapter is proof of work; a hosted siteverify service
 * (Turnstile-like) can take its place behind the same interface.
 */
export interface HumanCheck {
  issue(): Promise<Challenge>;
  verify(solution: Solution | undefined): Promise<{ ok: true } | { ok: false; reason: HumanCheckRefusal; message: string }>;
}

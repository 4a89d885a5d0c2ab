import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  type HumanCheck,
  type HumanCheckProof,
  type HumanCheckVerdict,
  type SiteverifyChallenge,
  refuseCheck as refuse,
} from "./human-check";

export interface SiteverifyOptions {
  /** Public: the client's widget runs with it. */
  readonly siteKey: string;
  /** Private: sent to the verify service only, never logged or shown. */
  readonly secret: string;
  /** E.g. https://challenges.cloudflare.com/turnstile/v0/siteverify */
  readonly verifyUrl: string;
  /** When set, a token solved on any other hostname is refused. */
  readonly expectedHostname?: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** Turnstile's siteverify answer; other providers and later versions may add fields. */
const siteverifyResponseSchema = z.looseObject({
  success: z.boolean(),
  "error-codes": z.array(z.string()).optional(),
  challenge_ts: z.string().optional(),
  hostname: z.string().optional(),
  action: z.string().optional(),
});

/** Faults on our side or the provider's: the voter's token says nothing either way. */
const SERVICE_FAULTS = new Set(["missing-input-secret", "invalid-input-secret", "internal-error"]);
const TOKEN_FAULTS = new Set(["missing-input-response", "invalid-input-response"]);

const unavailable = () => refuse("CHALLENGE_UNAVAILABLE", "The human check service did not answer; please try again.");

/**
 * A hosted human check with Cloudflare Turnstile's siteverify contract, so a managed service can
 * take proof of work's place behind the same interface. Tokens are single use at the provider:
 * replay protection is theirs, and a second use comes back as `timeout-or-duplicate`.
 * Never throws: a service that cannot be reached refuses with CHALLENGE_UNAVAILABLE.
 */
export class SiteverifyCheck implements HumanCheck {
  private readonly timeoutMs: number;

  constructor(private readonly options: SiteverifyOptions) {
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  async issue(_context?: { readonly remoteIp: string }): Promise<SiteverifyChallenge> {
    return { kind: "siteverify", siteKey: this.options.siteKey };
  }

  async verify(proof: HumanCheckProof | undefined, context: { readonly remoteIp: string }): Promise<HumanCheckVerdict> {
    if (!proof) return refuse("CHALLENGE_REQUIRED", "Solve a human check first.");
    if (!("token" in proof))
      return refuse("CHALLENGE_INVALID", "This deployment checks with a hosted widget, not proof of work.");

    const body = new URLSearchParams({
      secret: this.options.secret,
      response: proof.token,
      idempotency_key: randomUUID(),
    });
    if (context.remoteIp) body.set("remoteip", context.remoteIp);
    const doFetch = this.options.fetch ?? fetch;
    let answer: unknown;
    try {
      // The signal also bounds reading the body, not just the headers.
      const response = await doFetch(this.options.verifyUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return unavailable();
      }
      answer = await response.json();
    } catch {
      // Network error, timeout or a body that is not JSON: the error may quote the request, so it is dropped.
      return unavailable();
    }

    const parsed = siteverifyResponseSchema.safeParse(answer);
    if (!parsed.success) return unavailable();
    const result = parsed.data;

    if (result.success) {
      if (this.options.expectedHostname !== undefined && result.hostname !== this.options.expectedHostname) {
        return refuse("CHALLENGE_INVALID", "That human check was solved for another site.");
      }
      const solvedAt = result.challenge_ts === undefined ? Number.NaN : Date.parse(result.challenge_ts);
      return Number.isFinite(solvedAt)
        ? { ok: true as const, elapsedMs: Date.now() - solvedAt }
        : { ok: true as const };
    }

    const codes = result["error-codes"] ?? [];
    if (codes.some((code) => SERVICE_FAULTS.has(code))) return unavailable();
    if (codes.includes("timeout-or-duplicate"))
      return refuse("CHALLENGE_REUSED", "That human check was already used or has expired.");
    if (codes.some((code) => TOKEN_FAULTS.has(code)))
      return refuse("CHALLENGE_INVALID", "That human check did not pass; a new one is needed.");
    // Unknown or missing codes (bad-request, invalid-idempotency-key, ...): not the voter's doing.
    return unavailable();
  }
}

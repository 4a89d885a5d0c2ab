import { signSignUpTicket } from "@landslide/config/sign-up-ticket";
import type { AppServices } from "../app-services";
import { verifyProof } from "../device/verify-proof";
import { TRPCError } from "@trpc/server";
import { Refusal, refusal } from "../errors";
import type { HumanCheckProof } from "../human-check/human-check";
import { isDisposableDomain } from "./disposable-domains";
import { emailDomain, organisationDomain } from "./email-domain";
import { isLargeProvider } from "./large-providers";

export interface TicketRequest {
  readonly email: string;
  readonly humanCheck: HumanCheckProof | undefined;
}

export interface TicketCaller {
  readonly clientIp: string;
  /** The DPoP-style proof of the caller's device key, when it has one (the voter site and the SDK do). */
  readonly deviceProof: string | undefined;
  /** The procedure's URL, which the device proof names. */
  readonly url: string;
  readonly input: unknown;
}

const DISPOSABLE_MESSAGE = "Use an e-mail address you keep: addresses from throwaway mail services cannot sign up.";

/**
 * A sign-up ticket: permission for one self sign-up with this e-mail address, given to a caller
 * that solved a human check and has not signed up too often from its network (/24, /64), its
 * device key or its e-mail domain, at an address that is not a throwaway mail service's. Cognito's
 * pre-sign-up trigger refuses a sign-up without one (see @landslide/config/sign-up-ticket), so this
 * is the only way to self-register.
 *
 * Cheapest first. A throwaway address is refused before anything else: one lookup in a published
 * list, so answering it without a human check tells a prober nothing the list does not. The
 * domain's limit is counted last, after the human check: counted earlier, anyone could use up a
 * small organisation's allowance with unsolved requests, and asked earlier it would tell anyone,
 * unchecked, how busy that domain's sign-ups are.
 */
export async function issueSignUpTicket(
  services: AppServices,
  caller: TicketCaller,
  request: TicketRequest,
): Promise<{ ticket: string; expiresAt: string }> {
  const now = services.clock.now();
  const domain = emailDomain(request.email);
  // The operator's allowed domains pass both e-mail checks: an organisation wrongly listed, or one whose members all sign up at once.
  const allowed = services.signUp.isAllowedDomain(domain);
  if (!allowed && isDisposableDomain(domain)) throw refusal("FORBIDDEN", "DISPOSABLE_EMAIL", DISPOSABLE_MESSAGE);

  let device: string | undefined;
  if (caller.deviceProof !== undefined) {
    // No account yet, so the proof covers the empty access token; its jti is used up here.
    const proof = await verifyProof(caller.deviceProof, {
      method: "POST",
      url: caller.url,
      accessToken: "",
      input: caller.input,
      now,
      nonces: services.nonces,
    });
    if (!proof.ok) throw refusal("UNAUTHORIZED", proof.reason, proof.message);
    device = proof.thumbprint;
  }

  const rate = services.signUp.limiter.check({ ip: caller.clientIp, ...(device ? { device } : {}) }, "sign-up", now);
  if (!rate.allowed) throw rateLimited(rate.scope === "device" ? "device" : "network", rate.retryAfterSeconds);

  const check = await services.signUp.humanCheck().verify(request.humanCheck, { remoteIp: caller.clientIp });
  if (!check.ok) {
    const code =
      check.reason === "CHALLENGE_REQUIRED"
        ? "PRECONDITION_FAILED"
        : check.reason === "CHALLENGE_UNAVAILABLE"
          ? "SERVICE_UNAVAILABLE"
          : "FORBIDDEN";
    throw refusal(code, check.reason, check.message);
  }

  // Counted under the registered domain, so a farm's wildcard subdomains (a1.farm.example, …) share one allowance.
  if (!allowed && !isLargeProvider(domain)) {
    const byDomain = services.signUp.domainLimiter.check(
      { ip: caller.clientIp, domain: organisationDomain(domain) },
      "sign-up",
      now,
    );
    if (!byDomain.allowed) throw rateLimited("e-mail domain", byDomain.retryAfterSeconds);
  }

  const { ticket, expiresAt } = signSignUpTicket(services.signUp.ticketKey(), request.email, now);
  return { ticket, expiresAt: expiresAt.toISOString() };
}

/** The details let a page say when and why, in its own words, without reading the Retry-After header. */
function rateLimited(scope: "network" | "device" | "e-mail domain", retryAfterSeconds: number): TRPCError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const message = `Too many sign-ups from this ${scope}; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message,
    cause: new Refusal("RATE_LIMITED", message, { scope, retryAfterSeconds }, retryAfterSeconds),
  });
}

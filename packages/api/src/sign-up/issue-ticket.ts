import { signSignUpTicket } from "@landslide/config/sign-up-ticket";
import type { AppServices } from "../app-services";
import { verifyProof } from "../device/verify-proof";
import { TRPCError } from "@trpc/server";
import { Refusal, refusal } from "../errors";
import type { HumanCheckProof } from "../human-check/human-check";

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

/**
 * A sign-up ticket: permission for one self sign-up with this e-mail address, given to a caller
 * that solved a human check and has not signed up too often from its network (/24, /64) or its
 * device key. Cognito's pre-sign-up trigger refuses a sign-up without one (see
 * @landslide/config/sign-up-ticket), so this is the only way to self-register.
 */
export async function issueSignUpTicket(services: AppServices, caller: TicketCaller, request: TicketRequest): Promise<{ ticket: string; expiresAt: string }> {
  const now = services.clock.now();
  let device: string | undefined;
  if (caller.deviceProof !== undefined) {
    // No account yet, so the proof covers the empty access token; its jti is used up here.
    const proof = await verifyProof(caller.deviceProof, { method: "POST", url: caller.url, accessToken: "", input: caller.input, now, nonces: services.nonces });
    if (!proof.ok) throw refusal("UNAUTHORIZED", proof.reason, proof.message);
    device = proof.thumbprint;
  }

  const rate = services.signUp.limiter.check({ ip: caller.clientIp, ...(device ? { device } : {}) }, "sign-up", now);
  if (!rate.allowed) {
    const minutes = Math.ceil(rate.retryAfterSeconds / 60);
    const from = rate.scope === "device" ? "device" : "network";
    const message = `Too many sign-ups from this ${from}; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    // The details let a page say when, in its own words, without reading the Retry-After header.
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message, cause: new Refusal("RATE_LIMITED", message, { scope: from, retryAfterSeconds: rate.retryAfterSeconds }, rate.retryAfterSeconds) });
  }

  const check = await services.signUp.humanCheck().verify(request.humanCheck, { remoteIp: caller.clientIp });
  if (!check.ok) {
    const code = check.reason === "CHALLENGE_REQUIRED" ? "PRECONDITION_FAILED" : check.reason === "CHALLENGE_UNAVAILABLE" ? "SERVICE_UNAVAILABLE" : "FORBIDDEN";
    throw refusal(code, check.reason, check.message);
  }

  const { ticket, expiresAt } = signSignUpTicket(services.signUp.ticketKey(), request.email, now);
  return { ticket, expiresAt: expiresAt.toISOString() };
}

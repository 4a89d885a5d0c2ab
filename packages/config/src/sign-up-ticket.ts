import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Sign-up tickets: the vote API's permission for one self sign-up, checked by Cognito's
 * pre-sign-up trigger (the local trigger server and the production Lambda run this same code).
 *
 * A ticket is `v1.<payload>.<mac>`: the payload is base64url JSON {e: e-mail lower-cased,
 * x: expiry in epoch seconds, i: a random id}, the mac an HMAC-SHA256 under the deployment's
 * sign-up ticket key. The id is used once by the verifier (see `redeemSignUpTicket`).
 *
 * It lives here, in the one package every side may import (the API, the local stack and the
 * infrastructure's Lambda bundle), because the local stack must not depend on the API. Pure
 * node:crypto, no AWS or HTTP types.
 */

/** Stable reasons, carried to the caller in the trigger's error message. */
export type TicketRefusal =
  | "SIGN_UP_TICKET_MISSING"
  | "SIGN_UP_TICKET_INVALID"
  | "SIGN_UP_TICKET_EXPIRED"
  | "SIGN_UP_TICKET_WRONG_EMAIL"
  | "SIGN_UP_TICKET_REUSED";

/** The ClientMetadata key the SDK puts the ticket under in Cognito's SignUp call. */
export const TICKET_METADATA_KEY = "signUpTicket";

/** Long enough to solve nothing more and submit a form; short enough that a hoard is useless. */
export const TICKET_TTL_SECONDS = 300;

const LABEL = "landslide-sign-up-ticket-v1.";

export interface TicketVerdictOk {
  readonly ok: true;
  readonly id: string;
  readonly expiresAt: Date;
}
export interface TicketVerdictRefused {
  readonly ok: false;
  readonly reason: TicketRefusal;
  readonly message: string;
}
export type TicketVerdict = TicketVerdictOk | TicketVerdictRefused;

const normalize = (email: string) => email.trim().toLowerCase();

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac("sha256", key)
    .update(LABEL + payload)
    .digest();
}

export function signSignUpTicket(
  key: Uint8Array,
  email: string,
  now: Date,
  ttlSeconds = TICKET_TTL_SECONDS,
): { ticket: string; expiresAt: Date } {
  if (key.length < 32) throw new Error("the sign-up ticket key must be at least 32 bytes");
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = Buffer.from(
    JSON.stringify({ e: normalize(email), x: expires, i: randomBytes(16).toString("base64url") }),
  ).toString("base64url");
  return { ticket: `v1.${payload}.${mac(key, payload).toString("base64url")}`, expiresAt: new Date(expires * 1000) };
}

const refuse = (reason: TicketRefusal, message: string): TicketVerdictRefused => ({ ok: false, reason, message });

/** Checks the signature, the expiry and that the ticket names this e-mail address; not its single use. */
export function verifySignUpTicket(
  key: Uint8Array,
  ticket: string | undefined,
  email: string,
  now: Date,
): TicketVerdict {
  if (!ticket) return refuse("SIGN_UP_TICKET_MISSING", "Sign up through Landslide: a sign-up ticket is needed.");
  const [version, payload, signature, ...rest] = ticket.split(".");
  if (version !== "v1" || !payload || !signature || rest.length > 0 || ticket.length > 1000)
    return refuse("SIGN_UP_TICKET_INVALID", "That sign-up ticket is not valid.");
  const expected = mac(key, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return refuse("SIGN_UP_TICKET_INVALID", "That sign-up ticket is not valid.");
  let claims: { e?: unknown; x?: unknown; i?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
  } catch {
    return refuse("SIGN_UP_TICKET_INVALID", "That sign-up ticket is not valid.");
  }
  if (typeof claims.e !== "string" || typeof claims.x !== "number" || typeof claims.i !== "string")
    return refuse("SIGN_UP_TICKET_INVALID", "That sign-up ticket is not valid.");
  if (!(claims.x * 1000 > now.getTime()))
    return refuse("SIGN_UP_TICKET_EXPIRED", "That sign-up ticket expired; ask for a new one.");
  if (claims.e !== normalize(email))
    return refuse("SIGN_UP_TICKET_WRONG_EMAIL", "That sign-up ticket was issued for another e-mail address.");
  return { ok: true, id: claims.i, expiresAt: new Date(claims.x * 1000) };
}

/** Remembers used ticket ids until they expire: true the first time an id is claimed, false after. */
export type ClaimOnce = (key: string, expiresAt: Date) => Promise<boolean>;

/**
 * What every claim key starts with (then the ticket's id). The production Lambda writes the key
 * as the nonces table's partition key, and its role may write no other keys (IAM's
 * dynamodb:LeadingKeys condition on this prefix).
 */
export const TICKET_CLAIM_PREFIX = "sign-up-ticket#";

/** A valid ticket, used up now: the whole check the pre-sign-up trigger makes. */
export async function redeemSignUpTicket(
  key: Uint8Array,
  ticket: string | undefined,
  email: string,
  now: Date,
  claimOnce: ClaimOnce,
): Promise<TicketVerdict> {
  const verdict = verifySignUpTicket(key, ticket, email, now);
  if (!verdict.ok) return verdict;
  if (!(await claimOnce(`${TICKET_CLAIM_PREFIX}${verdict.id}`, verdict.expiresAt)))
    return refuse("SIGN_UP_TICKET_REUSED", "That sign-up ticket was already used.");
  return verdict;
}

/** The parts of Cognito's PreSignUp event the decision reads (the Lambda's and cognito-local's alike). */
export interface PreSignUpEvent {
  readonly triggerSource?: string;
  readonly userName?: string;
  readonly request?: {
    readonly userAttributes?: Readonly<Record<string, string>>;
    readonly clientMetadata?: Readonly<Record<string, string>> | null;
  };
}

/**
 * The pre-sign-up trigger's decision. Accounts an administrator creates (provisioning's demo
 * accounts, the load test's voters) pass; a self sign-up passes only with a ticket for its own
 * e-mail address, used once; anything else (federated sign-ups: none are configured) is refused.
 */
export async function decidePreSignUp(
  event: PreSignUpEvent,
  key: Uint8Array,
  now: Date,
  claimOnce: ClaimOnce,
): Promise<TicketVerdict | { ok: true; admin: true }> {
  if (event.triggerSource === "PreSignUp_AdminCreateUser") return { ok: true, admin: true };
  if (event.triggerSource !== "PreSignUp_SignUp")
    return refuse("SIGN_UP_TICKET_INVALID", "Only sign-ups through Landslide are accepted.");
  const email = event.request?.userAttributes?.email ?? event.userName ?? "";
  return redeemSignUpTicket(key, event.request?.clientMetadata?.[TICKET_METADATA_KEY], email, now, claimOnce);
}

/** The message a refused trigger throws: the reason first, so a client can read it back (see `ticketRefusalIn`). */
export const refusalMessage = (verdict: TicketVerdictRefused) => `${verdict.reason}: ${verdict.message}`;

/** Cognito answers a refused trigger with "PreSignUp failed with error <message>."; this finds the reason in it. */
export function ticketRefusalIn(message: string | undefined): TicketRefusal | undefined {
  const match = /SIGN_UP_TICKET_[A-Z_]+/.exec(message ?? "");
  return match?.[0] as TicketRefusal | undefined;
}

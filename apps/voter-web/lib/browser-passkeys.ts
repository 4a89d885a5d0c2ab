import type { PasskeyAuthenticator } from "@landslide/api/client";

/**
 * The browser's WebAuthn helpers, loaded when a passkey is first checked or used: the ballot page's
 * first load does without them (it is weighed against a budget: e2e/tests/voter-web.budget.spec.ts).
 */
const webauthn = () => import("@simplewebauthn/browser");

/** Whether this browser has WebAuthn at all (as @simplewebauthn/browser checks it). */
export function browserSupportsWebAuthn(): boolean {
  return typeof globalThis.PublicKeyCredential === "function";
}

/** Why a passkey ceremony did not finish, as the page words it (messages: passkey.problems). */
export type PasskeyProblem =
  "cancelled" | "insecure" | "noVerification" | "alreadyRegistered" | "unsupported" | "unknown";

/**
 * A passkey ceremony that did not finish, in words a voter can act on. The browser's own errors
 * name specs (NotAllowedError, SecurityError); the page shows its words for `problem` instead
 * (refusal-messages.ts, passkeyProblem).
 */
export class PasskeyCeremonyError extends Error {
  override readonly name = "PasskeyCeremonyError";
  constructor(
    readonly problem: PasskeyProblem,
    options?: ErrorOptions,
  ) {
    super(`The passkey ceremony did not finish: ${problem}`, options);
  }
}

function problemOf(error: unknown): PasskeyProblem {
  switch ((error as { name?: string } | null)?.name) {
    // Also what every browser answers on a timeout, on "Cancel", and when no authenticator answered.
    case "NotAllowedError":
    case "AbortError":
      return "cancelled";
    case "SecurityError":
      return "insecure";
    case "ConstraintError":
      return "noVerification";
    case "InvalidStateError":
      return "alreadyRegistered";
    case "NotSupportedError":
      return "unsupported";
    default:
      return "unknown";
  }
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new PasskeyCeremonyError(problemOf(error), { cause: error });
  }
}

/** The browser's authenticators (the platform's fingerprint, face or screen lock, or a security key), for the SDK. */
export const browserPasskeys: PasskeyAuthenticator = {
  register: (optionsJSON) => ceremony(async () => (await webauthn()).startRegistration({ optionsJSON })),
  // No rpId: the browser uses this page's host, which is the relying party the API expects.
  sign: ({ credentialId, challenge }) =>
    ceremony(async () =>
      (await webauthn()).startAuthentication({
        optionsJSON: {
          challenge,
          allowCredentials: [{ id: credentialId, type: "public-key" }],
          userVerification: "required",
        },
      }),
    ),
};

/**
 * Whether a passkey can be added from this page:
 * - "ip-address": browsers refuse WebAuthn when the site is opened by a numeric address;
 * - "no-webauthn": the browser has no WebAuthn at all (old, or the page is not on https);
 * - "no-built-in": WebAuthn works but the device has no fingerprint, face or screen lock it offers (a security key may still do);
 * - "ready": the device's own authenticator can be used.
 */
export type PasskeySupport = "ip-address" | "no-webauthn" | "no-built-in" | "ready";

export async function passkeySupport(): Promise<PasskeySupport> {
  if (isIpAddress(location.hostname)) return "ip-address";
  if (!browserSupportsWebAuthn()) return "no-webauthn";
  const available = await webauthn()
    .then((helpers) => helpers.platformAuthenticatorIsAvailable())
    .catch(() => false);
  return available ? "ready" : "no-built-in";
}

/** IPv4 dotted quads and bracketed IPv6 literals, as `location.hostname` gives them. */
export function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
}

/** Where the same page can use passkeys: a loopback address becomes localhost (the local stack's relying party); elsewhere nothing is guessed. */
export function passkeyReadyUrl(href: string): string | undefined {
  const url = new URL(href);
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname) && url.hostname !== "[::1]") return undefined;
  url.hostname = "localhost";
  return url.toString();
}

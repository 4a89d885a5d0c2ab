import {
  browserSupportsWebAuthn,
  platformAuthenticatorIsAvailable,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import type { PasskeyAuthenticator } from "@landslide/api/client";

/**
 * A passkey ceremony that did not finish, in words a voter can act on. The browser's own errors
 * name specs (NotAllowedError, SecurityError); the page shows this message instead.
 */
export class PasskeyCeremonyError extends Error {
  override readonly name = "PasskeyCeremonyError";
}

function plainWords(error: unknown): string {
  switch ((error as { name?: string } | null)?.name) {
    // Also what every browser answers on a timeout, on "Cancel", and when no authenticator answered.
    case "NotAllowedError":
    case "AbortError":
      return "The passkey request was cancelled or timed out.";
    case "SecurityError":
      return "This browser does not allow passkeys at this address.";
    case "ConstraintError":
      return "This authenticator cannot check that it is you: it needs a fingerprint, face, PIN or screen lock.";
    case "InvalidStateError":
      return "This authenticator already holds a passkey for your account.";
    case "NotSupportedError":
      return "This authenticator does not support the kind of passkey Landslide asks for.";
    default:
      return "The passkey could not be used.";
  }
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new PasskeyCeremonyError(plainWords(error), { cause: error });
  }
}

/** The browser's authenticators (the platform's fingerprint, face or screen lock, or a security key), for the SDK. */
export const browserPasskeys: PasskeyAuthenticator = {
  register: (optionsJSON) => ceremony(() => startRegistration({ optionsJSON })),
  // No rpId: the browser uses this page's host, which is the relying party the API expects.
  sign: ({ credentialId, challenge }) =>
    ceremony(() =>
      startAuthentication({
        optionsJSON: {
          challenge,
          allowCredentials: [{ id: credentialId, type: "public-key" }],
          userVerification: "required",
        },
      }),
    ),
};

export { browserSupportsWebAuthn };

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
  return (await platformAuthenticatorIsAvailable().catch(() => false)) ? "ready" : "no-built-in";
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

import type { AuthenticationExtensionsClientOutputs } from "@simplewebauthn/server";
import { z } from "zod";

/**
 * The WebAuthn answers a browser sends (@simplewebauthn/browser's JSON), bounded before the
 * library parses them: they come from anyone. Sizes are generous for real authenticators (an
 * attestation with a certificate chain is a few kilobytes) and small for everything else.
 */
const base64url = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, { error: "base64url" })
    .min(1)
    .max(max);
const transports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(8);
// The library reads what it knows of these and ignores the rest; only their size is ours to bound.
const extensionResults = z.custom<AuthenticationExtensionsClientOutputs>(
  (value) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && JSON.stringify(value).length <= 2048,
  { error: "an object of extension results" },
);

/** A public-key credential as the browser serializes it, around the ceremony's own response. */
const credential = <Response extends z.ZodType>(response: Response) =>
  z
    .object({
      id: base64url(1024),
      rawId: base64url(1024),
      type: z.literal("public-key"),
      authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
      clientExtensionResults: extensionResults,
      response,
    })
    .strict();

export const registrationResponseSchema = credential(
  z
    .object({
      clientDataJSON: base64url(4096),
      attestationObject: base64url(16_384),
      authenticatorData: base64url(4096).optional(),
      transports: transports.optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(2048).optional(),
    })
    .strict(),
);

export const authenticationResponseSchema = credential(
  z
    .object({
      clientDataJSON: base64url(4096),
      authenticatorData: base64url(4096),
      signature: base64url(1024),
      userHandle: base64url(256).optional(),
    })
    .strict(),
);

/** A registered passkey as the devices table keeps it (written by this API only, checked on the way back). */
export const storedPasskeySchema = z.object({
  id: z.string(),
  publicKey: z.string(),
  counter: z.number().int().min(0),
  transports: z.array(z.string()),
  deviceType: z.string(),
  backedUp: z.boolean(),
  attestation: z.object({ format: z.string(), aaguid: z.string() }),
});

import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

export type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON };

/**
 * Where a client's passkeys live: in a browser the platform's authenticator or a security key
 * (through @simplewebauthn/browser, apps/voter-web/lib/browser-passkeys.ts); in tests a software
 * authenticator (src/testing/software-authenticator.ts). The SDK asks it for two ceremonies only.
 */
export interface PasskeyAuthenticator {
  /** navigator.credentials.create with the API's options; the answer goes back to the API as it is. */
  register(options: PublicKeyCredentialCreationOptionsJSON): Promise<RegistrationResponseJSON>;
  /** navigator.credentials.get for one credential, signing `challenge` (base64url) with user verification. */
  sign(request: { readonly credentialId: string; readonly challenge: string }): Promise<AuthenticationResponseJSON>;
}

// Types only: the SDK itself is loaded on first use (send), so pages that only read never download it.
import type * as CognitoSdk from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { AuthError, toAuthError } from "./auth-error";

/** Where the SDK puts the sign-up ticket in Cognito's ClientMetadata; the same name as @landslide/config/sign-up-ticket's (kept apart so browsers never bundle node:crypto). */
export const TICKET_METADATA_KEY = "signUpTicket";

export interface CognitoOptions {
  readonly region: string;
  /** The voter site's, the console's or the CLI's app client. */
  readonly clientId: string;
  /** cognito-local (or another compatible server); unset for real Cognito. */
  readonly endpoint?: string | undefined;
}

export interface Tokens {
  readonly accessToken: string;
  /** Sent beside the access token: it carries the verified e-mail address. */
  readonly idToken: string | undefined;
  readonly refreshToken: string | undefined;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** Where a session is kept between calls: memory by default; the web apps choose their own (see their README). */
export interface SessionStore {
  load(): Tokens | undefined | Promise<Tokens | undefined>;
  save(tokens: Tokens | undefined): void | Promise<void>;
}

export const memorySessionStore = (): SessionStore => {
  let tokens: Tokens | undefined;
  return { load: () => tokens, save: (next) => void (tokens = next) };
};

/** Refresh this long before the access token expires, so no call goes out with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Sign-up, e-mail confirmation, sign-in and token refresh against Cognito's public API (no AWS
 * credentials: these operations are unauthenticated), in the browser and in Node alike.
 */
export class CognitoSession {
  private client: Promise<{ cognito: CognitoSdk.CognitoIdentityProviderClient; sdk: typeof CognitoSdk }> | undefined;
  private refreshing: Promise<Tokens> | undefined;

  constructor(
    private readonly options: CognitoOptions,
    private readonly store: SessionStore = memorySessionStore(),
  ) {}

  /** The Cognito client, loaded on first use: pages that only read never download it. */
  private send<T>(make: (sdk: typeof CognitoSdk) => object): Promise<T> {
    this.client ??= import("@aws-sdk/client-cognito-identity-provider").then((sdk) => ({
      sdk,
      cognito: new sdk.CognitoIdentityProviderClient({
        region: this.options.region,
        ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      }),
    }));
    return this.client.then(({ cognito, sdk }) => cognito.send(make(sdk) as never) as Promise<T>);
  }

  /**
   * Creates an unconfirmed account; Cognito e-mails a code (cognito-local writes it to its database).
   * Cognito's pre-sign-up trigger accepts it only with a sign-up ticket from the vote API: the
   * Landslide client fetches one first (see createLandslideClient); a bare session must be given one.
   */
  async signUp(email: string, password: string, ticket?: string): Promise<{ confirmed: boolean }> {
    try {
      const result = await this.send<{ UserConfirmed?: boolean }>(
        (sdk) =>
          new sdk.SignUpCommand({
            ClientId: this.options.clientId,
            Username: email,
            Password: password,
            UserAttributes: [{ Name: "email", Value: email }],
            ...(ticket ? { ClientMetadata: { [TICKET_METADATA_KEY]: ticket } } : {}),
          }),
      );
      return { confirmed: result.UserConfirmed === true };
    } catch (error) {
      throw toAuthError(error);
    }
  }

  async confirmSignUp(email: string, code: string): Promise<void> {
    try {
      await this.send(
        (sdk) =>
          new sdk.ConfirmSignUpCommand({ ClientId: this.options.clientId, Username: email, ConfirmationCode: code }),
      );
    } catch (error) {
      throw toAuthError(error);
    }
  }

  async resendCode(email: string): Promise<void> {
    try {
      await this.send(
        (sdk) => new sdk.ResendConfirmationCodeCommand({ ClientId: this.options.clientId, Username: email }),
      );
    } catch (error) {
      throw toAuthError(error);
    }
  }

  async signIn(email: string, password: string): Promise<Tokens> {
    return this.authenticate("USER_PASSWORD_AUTH", { USERNAME: email, PASSWORD: password });
  }

  /** The current access token. */
  async accessToken(): Promise<string> {
    return (await this.tokens()).accessToken;
  }

  /** Current tokens, refreshed first if they are about to expire; throws AuthError when signed out. */
  async tokens(): Promise<Tokens> {
    const tokens = await this.store.load();
    if (!tokens) throw new AuthError("SIGNED_OUT", "Sign in first.");
    if (tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) return tokens;
    if (!tokens.refreshToken) throw new AuthError("SESSION_EXPIRED", "Your session has ended; sign in again.");
    const refreshToken = tokens.refreshToken;
    // One refresh for every call that needs it at the same moment.
    this.refreshing ??= this.authenticate("REFRESH_TOKEN_AUTH", { REFRESH_TOKEN: refreshToken }, refreshToken).finally(
      () => (this.refreshing = undefined),
    );
    return this.refreshing;
  }

  /**
   * Who is signed in, as the tokens say: for showing, and for choosing what to offer. The API
   * decides what is allowed from the verified access token, never from this.
   */
  async profile(): Promise<{ email: string | undefined; groups: readonly string[] } | undefined> {
    const tokens = await this.store.load();
    if (!tokens) return undefined;
    const email = tokens.idToken ? decodeJwt(tokens.idToken).email : undefined;
    const groups = decodeJwt(tokens.accessToken)["cognito:groups"];
    return {
      email: typeof email === "string" ? email : undefined,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [],
    };
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.store.load()) !== undefined;
  }

  /** Forgets the session here, and ends it at Cognito too (every refresh token of the account) when it can. */
  async signOut({ everywhere = false }: { everywhere?: boolean } = {}): Promise<void> {
    const tokens = await this.store.load();
    await this.store.save(undefined);
    if (everywhere && tokens)
      await this.send((sdk) => new sdk.GlobalSignOutCommand({ AccessToken: tokens.accessToken })).catch(
        () => undefined,
      );
  }

  private async authenticate(
    flow: "USER_PASSWORD_AUTH" | "REFRESH_TOKEN_AUTH",
    parameters: Record<string, string>,
    keepRefreshToken?: string,
  ): Promise<Tokens> {
    try {
      const { AuthenticationResult: result } = await this.send<CognitoSdk.InitiateAuthCommandOutput>(
        (sdk) =>
          new sdk.InitiateAuthCommand({ ClientId: this.options.clientId, AuthFlow: flow, AuthParameters: parameters }),
      );
      if (!result?.AccessToken)
        throw new AuthError("UNAVAILABLE", "Sign-in needs a step this client does not support.");
      const exp = decodeJwt(result.AccessToken).exp;
      const tokens: Tokens = {
        accessToken: result.AccessToken,
        idToken: result.IdToken,
        // A refresh answers without a new refresh token: the old one stays valid.
        refreshToken: result.RefreshToken ?? keepRefreshToken,
        expiresAt: exp ? exp * 1000 : Date.now() + (result.ExpiresIn ?? 3600) * 1000,
      };
      await this.store.save(tokens);
      return tokens;
    } catch (error) {
      const failure = toAuthError(error, "sign-in");
      // A refused refresh ends the session; one that got no answer leaves it for the next try.
      if (flow === "REFRESH_TOKEN_AUTH" && failure.reason !== "UNAVAILABLE") await this.store.save(undefined);
      throw failure;
    }
  }
}

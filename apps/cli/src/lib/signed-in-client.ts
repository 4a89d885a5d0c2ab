import { Errors } from "@oclif/core";
import { AuthError, createLandslideClient, type LandslideClient, refusalOf } from "@landslide/api/client";
import { DEFAULT_PROFILE, type Deployment, loginCommand, type ProfileFile } from "./profiles";
import { EXIT, isUnreachable } from "./public-client";
import { withSpinner } from "./spinner";

/** What to do next after the API refused, for the refusals an official meets most. */
const nextStep: Readonly<Record<string, string>> = {
  ELECTION_NOT_FOUND: "List the elections with 'election elections list'.",
  QUESTIONS_LOCKED: "Only a draft or scheduled election's ballot can change.",
  RECOUNT_MISMATCH: "Run 'election elections recount' to see the differences.",
  FRAUD_CASES_OPEN: "Release or void the held ballots first.",
  ELECTION_NOT_CLOSED_YET: "Voting stops a second after the close: certify again in a moment.",
  REMINDER_NOT_FOUND: "'election notify status' lists the reminders and their ids.",
};

/** Where a failed call went, to name it in the message. */
interface Destination {
  readonly profile: string;
  readonly service: string;
  readonly url: string;
}

/**
 * An official's client for one profile: the SDK over the profile's deployment, its tokens kept
 * (and refreshed) in the profiles file. Each call shows a spinner on stderr and turns every way it
 * can fail into one line saying what to do, with the shared exit code.
 */
export class SignedInClient {
  private constructor(
    readonly profile: string,
    readonly deployment: Deployment,
    readonly sdk: LandslideClient,
  ) {}

  /** The profile's session, renewed first if it is about to expire; refuses (exit 3) when there is none. */
  static async open(profiles: ProfileFile, profile: string): Promise<SignedInClient> {
    const stored = profiles.get(profile);
    if (!stored?.session) {
      const what =
        profile === DEFAULT_PROFILE
          ? "You are not signed in"
          : stored
            ? `Profile ${profile} is signed out`
            : `There is no profile ${profile}`;
      throw new Errors.CLIError(`${what}: run ${loginCommand(profile)}`, { exit: EXIT.refused });
    }
    const sdk = createLandslideClient({
      urls: stored.deployment.urls,
      cognito: stored.deployment.cognito,
      session: profiles.sessionStore(profile),
      userAgent: "landslide-cli",
    });
    const client = new SignedInClient(profile, stored.deployment, sdk);
    await client.call("cognito", () => sdk.auth.tokens());
    return client;
  }

  /** A call to the control API (officials' and operators' procedures). */
  control<T>(doing: string, call: (api: LandslideClient["control"]) => Promise<T>): Promise<T> {
    return withSpinner(doing, () => this.controlQuietly(call));
  }

  /** A call to the control API without a spinner, for work that shows its own progress. */
  controlQuietly<T>(call: (api: LandslideClient["control"]) => Promise<T>): Promise<T> {
    return this.call("controlApi", () => call(this.sdk.control));
  }

  /** Who is signed in, as the tokens say. */
  async identity(): Promise<{ email: string | undefined; groups: readonly string[]; expiresAt: Date }> {
    const tokens = await this.call("cognito", () => this.sdk.auth.tokens());
    const profile = await this.sdk.auth.profile();
    return { email: profile?.email, groups: profile?.groups ?? [], expiresAt: new Date(tokens.expiresAt) };
  }

  private async call<T>(service: "cognito" | "controlApi", call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const { cognito, urls } = this.deployment;
      const to =
        service === "cognito"
          ? { service: "Cognito", url: cognito.endpoint ?? `the ${cognito.region} region` }
          : { service: "the control API", url: urls.controlApi };
      throw explainFailure(error, { profile: this.profile, ...to });
    }
  }
}

/** A failed call as one line of advice with the shared exit code; anything unforeseen as it came. */
function explainFailure(error: unknown, to: Destination): Error {
  const login = loginCommand(to.profile);
  const auth = authErrorIn(error);
  if (auth?.reason === "UNAVAILABLE")
    return new Errors.CLIError(
      `Cannot reach ${to.service} at ${to.url} to renew the login (profile ${to.profile}); try again shortly.`,
      { exit: EXIT.unreachable },
    );
  if (auth?.reason === "SIGNED_OUT")
    return new Errors.CLIError(`You are not signed in: run ${login}`, { exit: EXIT.refused });
  if (auth) return new Errors.CLIError(`Your login has expired: run ${login}`, { exit: EXIT.refused });
  if (isUnreachable(error)) {
    return new Errors.CLIError(
      `Cannot reach ${to.service} at ${to.url} (profile ${to.profile}). Is the deployment up? 'election local status' checks the local stack.`,
      { exit: EXIT.unreachable },
    );
  }
  const refusal = refusalOf(error);
  if (!refusal) return error instanceof Error ? error : new Error(String(error));
  if (refusal.httpStatus === 401)
    return new Errors.CLIError(`Your login is no longer accepted (${refusal.reason}): run ${login}`, {
      exit: EXIT.refused,
    });
  const step =
    refusal.reason === "ROLE_REQUIRED" ? `Sign in with an account that has it: ${login}` : nextStep[refusal.reason];
  return new Errors.CLIError(`${refusal.message.replace(/\.$/, "")} (${refusal.reason}).${step ? ` ${step}` : ""}`, {
    exit: EXIT.refused,
  });
}

/** An error thrown while the SDK renewed the session: raised directly, or inside the failed call it was renewing for. */
function authErrorIn(error: unknown): AuthError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof AuthError) return e;
  return undefined;
}

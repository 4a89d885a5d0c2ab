import { Errors, Flags } from "@oclif/core";
import { AuthError, CognitoSession } from "@landslide/api/client";
import { OfficialCommand } from "../lib/official-command";
import { type Deployment, deploymentFromConfig } from "../lib/profiles";
import { ask, readStdin } from "../lib/prompt";
import { EXIT } from "../lib/public-client";
import { withSpinner } from "../lib/spinner";

export default class Login extends OfficialCommand {
  static override summary = "Sign an official or operator in, and keep the session in a profile.";
  static override description = [
    "The password is asked for without echo, or read from stdin with --password-stdin; never from a flag, which would stay in the shell history.",
    "A new profile takes its deployment from the configuration: the LANDSLIDE_*_URL variables, AWS_REGION, LANDSLIDE_COGNITO_ENDPOINT and LANDSLIDE_COGNITO_CLI_CLIENT_ID, the running local stack by default. Signing in again keeps the profile's deployment unless --reconfigure.",
    "Profiles live in profiles.json in the CLI's config folder (ELECTION_CONFIG_DIR moves it), readable only by you. The session renews itself until 'election logout'.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --email official@demo.landslide.test",
    "pass show landslide/staging | <%= config.bin %> <%= command.id %> --profile staging --email ada@council.example --password-stdin",
  ];
  static override flags = {
    email: Flags.string({ description: "the account's e-mail address (asked for when left out)" }),
    "password-stdin": Flags.boolean({
      description: "read the password from stdin instead of asking for it",
      dependsOn: ["email"],
    }),
    reconfigure: Flags.boolean({
      description: "take the profile's deployment from the configuration again, replacing the one it has",
    }),
  };

  async run(): Promise<{
    profile: string;
    email: string;
    groups: readonly string[];
    expiresAt: string;
    deployment: Deployment;
  }> {
    const { flags } = await this.parse(Login);
    const existing = this.profiles.get(flags.profile);
    const deployment = existing && !flags.reconfigure ? existing.deployment : deploymentFromConfig();
    const email = flags.email ?? (await ask("E-mail address: "));
    const password = flags["password-stdin"]
      ? await readStdin()
      : await ask(`Password for ${email}: `, { hidden: true });

    const cognito = new CognitoSession(deployment.cognito);
    const tokens = await withSpinner(`Signing in ${email}`, () =>
      cognito.signIn(email, password).catch((error: unknown) => {
        throw signInFailure(error, deployment);
      }),
    );
    const groups = (await cognito.profile())?.groups ?? [];
    if (!groups.includes("officials") && !groups.includes("operators")) {
      throw new Errors.CLIError(
        `${email} is neither an official's nor an operator's account: the CLI is for them (voters vote on the voter site).`,
        { exit: EXIT.refused },
      );
    }
    this.profiles.put(flags.profile, { deployment, session: tokens });
    this.log(
      `Signed in as ${email} (${groups.join(", ")}) in profile ${flags.profile}, at ${deployment.urls.controlApi}.`,
    );
    return { profile: flags.profile, email, groups, expiresAt: new Date(tokens.expiresAt).toISOString(), deployment };
  }
}

/** Wrong credentials and the like are refusals (exit 3); a Cognito that does not answer is exit 4. */
function signInFailure(error: unknown, deployment: Deployment): Error {
  if (!(error instanceof AuthError)) return error instanceof Error ? error : new Error(String(error));
  if (error.reason === "UNAVAILABLE") {
    const where = deployment.cognito.endpoint ?? `Cognito in ${deployment.cognito.region}`;
    return new Errors.CLIError(
      `Cannot sign in at ${where}: it does not answer, or does not know the app client ${deployment.cognito.clientId}. Is the deployment up? (--reconfigure takes it from the configuration again.)`,
      {
        exit: EXIT.unreachable,
      },
    );
  }
  return new Errors.CLIError(`${error.message} (${error.reason})`, { exit: EXIT.refused });
}

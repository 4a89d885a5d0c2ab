import { Args, Errors, Flags } from "@oclif/core";
import { BaseCommand } from "./base-command";
import { carryExitCode } from "./exit-code";
import { DEFAULT_PROFILE, ProfileFile } from "./profiles";
import { EXIT } from "./public-client";
import { SignedInClient } from "./signed-in-client";

/**
 * What the commands of officials and operators share: `--profile`, the named sign-in they act
 * as (see `election login`), and the client signed in with it.
 */
export abstract class OfficialCommand extends BaseCommand {
  static override baseFlags = {
    profile: Flags.string({
      description: "the profile to act as: a deployment and the session signed in to it",
      default: DEFAULT_PROFILE,
      env: "LANDSLIDE_PROFILE",
      helpGroup: "GLOBAL",
    }),
  };

  /** The profiles file in the CLI's config folder (ELECTION_CONFIG_DIR moves it). */
  protected get profiles(): ProfileFile {
    return ProfileFile.in(this.config.configDir);
  }

  protected signedIn(profile: string): Promise<SignedInClient> {
    return SignedInClient.open(this.profiles, profile);
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    return super.catch(carryExitCode(error));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An election's id; anything else is a usage error before any call is made. */
export const electionIdArg = Args.string({
  description: "the election id (see election elections list)",
  required: true,
  parse: async (input) => {
    if (!UUID.test(input))
      throw new Errors.CLIError(
        `${input} is not an election id: ids look like 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 (see 'election elections list').`,
        { exit: EXIT.usage },
      );
    return input.toLowerCase();
  },
});

/** Every change an official makes says why: the audit trail keeps it beside who and when. */
export const reasonFlag = Flags.string({
  description: "why, in a few words (at least 3 characters): kept in the audit trail beside who and when",
  required: true,
});

/**
 * The --reason as the API takes it, or a usage error. (Checked here rather than in the flag's
 * parse, where oclif would wrap the message over three lines.)
 */
export function checkedReason(reason: string): string {
  if (reason.trim().length < 3)
    throw new Errors.CLIError("Give a --reason of at least 3 characters: it is kept in the audit trail.", {
      exit: EXIT.usage,
    });
  return reason.trim();
}

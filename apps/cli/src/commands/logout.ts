import { Flags } from "@oclif/core";
import { CognitoSession } from "@landslide/api/client";
import { OfficialCommand } from "../lib/official-command";

export default class Logout extends OfficialCommand {
  static override summary = "Forget a profile's session; with --everywhere, end every session of the account.";
  static override description =
    "The profile keeps its deployment, so 'election login' signs in to the same place again.";
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --profile staging --everywhere",
  ];
  static override flags = {
    everywhere: Flags.boolean({
      description: "also end the account's sessions at Cognito: other computers, the console",
    }),
  };

  async run(): Promise<{ profile: string; signedOut: boolean }> {
    const { flags } = await this.parse(Logout);
    const profile = this.profiles.get(flags.profile);
    if (!profile?.session) {
      this.log(`Profile ${flags.profile} was not signed in.`);
      return { profile: flags.profile, signedOut: false };
    }
    await new CognitoSession(profile.deployment.cognito, this.profiles.sessionStore(flags.profile)).signOut({
      everywhere: flags.everywhere,
    });
    this.log(`Signed out of profile ${flags.profile}${flags.everywhere ? ", and everywhere else" : ""}.`);
    return { profile: flags.profile, signedOut: true };
  }
}

import { ux } from "@oclif/core";
import { OfficialCommand } from "../lib/official-command";
import type { Deployment } from "../lib/profiles";
import { facts, shortTime } from "../lib/format";

export default class Whoami extends OfficialCommand {
  static override summary = "Show who a profile is signed in as: e-mail, groups, and when the token expires.";
  static override description =
    "Renews the session first if its token is about to expire. Exits 3 when the profile is signed out or the login has expired.";
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --profile staging --json",
  ];

  async run(): Promise<{
    profile: string;
    email: string | undefined;
    groups: readonly string[];
    expiresAt: string;
    deployment: Deployment;
  }> {
    const { flags } = await this.parse(Whoami);
    const client = await this.signedIn(flags.profile);
    const { email, groups, expiresAt } = await client.identity();
    if (!this.jsonEnabled()) {
      const minutes = Math.round((expiresAt.getTime() - Date.now()) / 60_000);
      const left = minutes < 90 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
      ux.stdout(
        facts([
          ["email", email ?? "(not in the token)"],
          ["groups", groups.join(", ") || "(none)"],
          ["profile", flags.profile],
          ["expires", `${shortTime(expiresAt)} (in ${left}; renews itself)`],
          ["control API", client.deployment.urls.controlApi],
        ]),
      );
    }
    return { profile: flags.profile, email, groups, expiresAt: expiresAt.toISOString(), deployment: client.deployment };
  }
}

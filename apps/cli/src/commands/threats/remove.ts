import { Args, Flags } from "@oclif/core";
import { checkedReason, OfficialCommand } from "../../lib/official-command";

export default class ThreatsRemove extends OfficialCommand {
  static override summary = "Remove an imported network list: casts from its networks no longer raise its signal.";
  static override description =
    "Vote-API tasks stop using it within LANDSLIDE_NETWORK_LISTS_REFRESH_SECONDS. Needs the operators role; recorded in the audit trail. Exits 3 when there is no list of that name.";
  static override examples = ["<%= config.bin %> <%= command.id %> tor-exits --reason 'replaced by the provider feed'"];
  static override args = {
    name: Args.string({ description: "the list's name (see election threats list)", required: true }),
  };
  static override flags = {
    reason: Flags.string({ description: "why, kept in the audit trail beside who and when", required: true }),
  };

  async run() {
    const { args, flags } = await this.parse(ThreatsRemove);
    const reason = checkedReason(flags.reason);
    const client = await this.signedIn(flags.profile);
    const removed = await client.control(`Removing ${args.name}`, (api) =>
      api.operator.networkLists.remove.mutate({ name: args.name, reason }),
    );
    if (!this.jsonEnabled()) this.log(`${args.name} is removed; vote-API tasks stop using it within a minute.`);
    return removed;
  }
}

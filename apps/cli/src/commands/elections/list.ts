import { ux } from "@oclif/core";
import type { OfficialElection } from "../../lib/elections";
import { OfficialCommand } from "../../lib/official-command";
import { shortTime, table } from "../../lib/format";

export default class ElectionsList extends OfficialCommand {
  static override summary = "List every election, drafts included, with its status now and its turnout.";
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --profile staging --json",
  ];

  async run(): Promise<{ elections: OfficialElection[] }> {
    const { flags } = await this.parse(ElectionsList);
    const client = await this.signedIn(flags.profile);
    const elections = await client.control("Reading the elections", (api) => api.official.elections.list.query());
    if (!this.jsonEnabled()) {
      if (elections.length === 0)
        this.log("No elections yet. Create one with: election elections create --file ballot.json --reason '…'");
      else
        ux.stdout(
          table(elections, [
            { header: "ID", value: (e) => e.id },
            { header: "STATUS", value: (e) => e.status },
            { header: "TURNOUT", value: (e) => e.turnout, align: "right" },
            { header: "OPENS", value: (e) => shortTime(e.opensAt) },
            { header: "CLOSES", value: (e) => shortTime(e.closesAt) },
            { header: "TITLE", value: (e) => e.title },
          ]),
        );
    }
    return { elections };
  }
}

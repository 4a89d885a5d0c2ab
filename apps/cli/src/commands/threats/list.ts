import { ux } from "@oclif/core";
import { count, shortTime, table } from "../../lib/format";
import { OfficialCommand } from "../../lib/official-command";

export default class ThreatsList extends OfficialCommand {
  static override summary = "List the imported network lists (threat feeds) the vote API weighs.";
  static override description =
    "Each list with its category, how many ranges it holds, where it came from, and who imported it when. Needs the operators role.";
  static override examples = ["<%= config.bin %> <%= command.id %>", "<%= config.bin %> <%= command.id %> --json"];

  async run() {
    const { flags } = await this.parse(ThreatsList);
    const client = await this.signedIn(flags.profile);
    const lists = await client.control("Reading the network lists", (api) => api.operator.networkLists.list.query());
    if (!this.jsonEnabled()) {
      if (lists.length === 0)
        this.log(
          "No network list is imported. Add one with: election threats import FILE --category hosting|anonymizer|abuse --reason '…'",
        );
      else {
        ux.stdout(
          table(lists, [
            { header: "NAME", value: (l) => l.name },
            { header: "CATEGORY", value: (l) => l.category },
            { header: "RANGES", value: (l) => l.ranges, align: "right" },
            { header: "SOURCE", value: (l) => l.source },
            { header: "IMPORTED", value: (l) => `${shortTime(new Date(l.importedAt))} by ${l.importedBy}` },
          ]),
        );
        this.log(`\n${count(lists.length, "list")}.`);
      }
    }
    return { lists };
  }
}

import { ux } from "@oclif/core";
import { countersOf, type RouterOutputs } from "@landslide/api/client";
import { electionById } from "../../lib/elections";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";
import { EXIT } from "../../lib/public-client";
import { count, table } from "../../lib/format";

export default class ElectionsRecount extends OfficialCommand {
  static override summary = "Count every stored vote again and compare the result with the live tally.";
  static override description =
    "Lists each counter of the tally (the names the audit bundle and the exports use). Exits 1 when the recount differs from the live tally, and lists the differences.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --json",
  ];
  /** `election recount ID`, as operators reach for it first. */
  static override aliases = ["recount"];
  static override args = { id: electionIdArg };

  async run(): Promise<
    RouterOutputs["official"]["elections"]["recount"] & { electionId: string; equalsLiveTally: boolean }
  > {
    const { args, flags } = await this.parse(ElectionsRecount);
    const client = await this.signedIn(flags.profile);
    const election = await electionById(client, args.id);
    const recount = await client.control(`Recounting ${election.title}`, (api) =>
      api.official.elections.recount.mutate({ electionId: args.id }),
    );
    const equalsLiveTally = recount.differences.length === 0;
    if (!this.jsonEnabled()) {
      this.log(
        `Recounted ${count(recount.votesRead, "stored vote")} of ${election.title}: ${equalsLiveTally ? "equal to the live tally" : `${count(recount.differences.length, "counter")} differ from the live tally`}.`,
      );
      if (recount.rejected > 0) {
        this.warn(
          `${count(recount.rejected, "stored row")} not signed by the vote API ${recount.rejected === 1 ? "was" : "were"} left out: someone wrote to the votes table around it. See docs/security.md.`,
        );
      }
      ux.stdout(
        table(countersOf(election), [
          { header: "COUNTER", value: (c) => c.counter },
          { header: "VOTES", value: (c) => recount.counters[c.counter] ?? 0, align: "right" },
          { header: "WHAT", value: (c) => c.label },
        ]),
      );
      if (!equalsLiveTally) {
        this.log("\nDifferences:");
        ux.stdout(
          table(
            recount.differences,
            [
              { header: "COUNTER", value: (d) => d.counter },
              { header: "LIVE", value: (d) => d.live, align: "right" },
              { header: "RECOUNT", value: (d) => d.recount, align: "right" },
            ],
            "  ",
          ),
        );
      }
    }
    if (!equalsLiveTally) process.exitCode = EXIT.failed;
    return { electionId: args.id, equalsLiveTally, ...recount };
  }
}

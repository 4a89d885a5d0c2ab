import { writeFile } from "node:fs/promises";
import { Errors, Flags } from "@oclif/core";
import { resultsCsv, resultsJson } from "@landslide/api/client";
import { electionById } from "../../lib/elections";
import { count } from "../../lib/format";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";
import { EXIT } from "../../lib/public-client";
import { terminalLines } from "../../lib/terminal-text";

export default class ElectionsExport extends OfficialCommand {
  static override summary = "Export an election's results from a fresh recount, as CSV or JSON.";
  static override description = [
    "The same files the console exports. CSV: one row per tally counter, columns counter,question_id,question,option_id,option,votes (turnout and held-for-review first, then each question's options and abstentions; CRLF line ends). JSON: the figures by question with every instant-runoff round, and whether the recount equals the live tally.",
    "Without --output the file goes to stdout. With --json (which needs --output) stdout has a description of the file written.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --output results.csv",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --format json > results.json",
  ];
  /** `election export ID`, as operators reach for it first. */
  static override aliases = ["export"];
  static override args = { id: electionIdArg };
  static override flags = {
    format: Flags.option({ options: ["csv", "json"] as const, default: "csv", description: "the file format" })(),
    output: Flags.string({ char: "o", description: "write the file here instead of to stdout" }),
  };

  async run(): Promise<
    | { electionId: string; format: "csv" | "json"; output: string; votesRead: number; equalsLiveTally: boolean }
    | undefined
  > {
    const { args, flags } = await this.parse(ElectionsExport);
    if (this.jsonEnabled() && !flags.output)
      throw new Errors.CLIError(
        "--json describes the file written: give --output FILE too (or leave --json out to get the file on stdout).",
        { exit: EXIT.usage },
      );
    const client = await this.signedIn(flags.profile);
    const election = await electionById(client, args.id);
    const recount = await client.control(`Recounting ${election.title}`, (api) =>
      api.official.elections.recount.mutate({ electionId: args.id }),
    );
    const content = flags.format === "csv" ? resultsCsv(election, recount) : resultsJson(election, recount, new Date());
    const equalsLiveTally = recount.differences.length === 0;
    if (!equalsLiveTally)
      this.logToStderr(
        `NOTE  The recount differs from the live tally in ${count(recount.differences.length, "counter")}; the export has the recount's figures ('election elections recount' lists the differences).`,
      );
    if (!flags.output) {
      // Piped, the file's bytes go out as they are; on a terminal someone reads them, so controls are shown, not obeyed.
      process.stdout.write(process.stdout.isTTY ? terminalLines(content.replaceAll("\r\n", "\n")) : content);
      return undefined;
    }
    await writeFile(flags.output, content);
    this.log(
      `Wrote the results of ${election.title} (${count(recount.votesRead, "vote")} recounted) to ${flags.output}.`,
    );
    return {
      electionId: args.id,
      format: flags.format,
      output: flags.output,
      votesRead: recount.votesRead,
      equalsLiveTally,
    };
  }
}

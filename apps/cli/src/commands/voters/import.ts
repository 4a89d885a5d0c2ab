import { readFile } from "node:fs/promises";
import { Errors, Flags, ux } from "@oclif/core";
import { importRoll, readRoll } from "@landslide/api/client";
import { electionById } from "../../lib/elections";
import { count, table } from "../../lib/format";
import { checkedReason, electionIdArg, OfficialCommand } from "../../lib/official-command";
import { progressBar } from "../../lib/progress-bar";
import { EXIT } from "../../lib/public-client";

export default class VotersImport extends OfficialCommand {
  static override summary = "Import an election's voter roll from a CSV file.";
  static override description = [
    "The file has a header row naming an email column, an externalId column or both (any case; other columns are left out), then one voter per row; commas or, as many European spreadsheets write them, semicolons. An optional language column (en, es, fr, de or ar; English when empty) sets the language of that voter's e-mails: their invitation, reminders and result (see election notify). An optional weight column (a whole number from 1 to 1,000,000; 1 when empty) makes that voter's ballot count as that many votes, for delegates weighted by the members they represent: the receipt says so and every count adds weights. Rows go to the API in batches of 500 with a progress bar; each row the API refuses is listed with its row number as a spreadsheet shows it (the header is row 1).",
    "Safe to run again: a voter already on the roll stays there once, so an interrupted import is finished by running the same command. Exits 1 when any row was refused (the rest are imported).",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --file roll.csv",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --file roll.csv --reason 'register of 1 March' --json",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    file: Flags.file({
      char: "f",
      description: "the voter roll (CSV with a header row)",
      required: true,
      exists: true,
    }),
    reason: Flags.string({
      description: "why, kept in the audit trail beside who and when",
      default: "voter roll import",
    }),
  };

  async run() {
    const { args, flags } = await this.parse(VotersImport);
    const reason = checkedReason(flags.reason);
    const roll = readRoll(await readFile(flags.file, "utf8"));
    if (!roll.ok) throw new Errors.CLIError(`${flags.file}: ${roll.message}`, { exit: EXIT.usage });
    if (roll.rows.length === 0)
      throw new Errors.CLIError(`${flags.file} has a header but no voters.`, { exit: EXIT.usage });

    const client = await this.signedIn(flags.profile);
    const election = await electionById(client, args.id);
    const bar = this.jsonEnabled() ? undefined : progressBar("rows", roll.rows.length);
    const report = await importRoll(
      roll.rows,
      (batch) =>
        client.controlQuietly((api) => api.official.voterRoll.import.mutate({ electionId: args.id, ...batch, reason })),
      (done) => bar?.update(done),
    );
    bar?.stop();

    const summary = {
      electionId: args.id,
      file: flags.file,
      rows: report.total,
      imported: report.imported,
      errors: report.errors,
      ignoredColumns: roll.ignoredColumns,
      blankRows: roll.blankRows,
    };
    if (report.stoppedBy !== undefined) {
      // Everything sent so far is stored; the same command sends it again harmlessly and finishes the rest.
      this.logToStderr(
        `Stopped after ${report.done} of ${count(report.total, "row")} (${report.imported} imported); run the same command again to finish.`,
      );
      const { stoppedBy } = report;
      throw stoppedBy instanceof Error ? stoppedBy : new Error("The import stopped.", { cause: stoppedBy });
    }
    if (!this.jsonEnabled()) {
      this.log(
        `Imported ${report.imported} of ${count(report.total, "row")} of ${flags.file} into the roll of ${election.title}.`,
      );
      if (roll.ignoredColumns.length > 0) this.log(`Columns left out: ${roll.ignoredColumns.join(", ")}.`);
      if (report.errors.length > 0) {
        this.log(`\n${count(report.errors.length, "row")} refused (fix them and run the same command again):`);
        ux.stdout(
          table(
            report.errors,
            [
              { header: "ROW", value: (e) => e.row, align: "right" },
              { header: "PROBLEM", value: (e) => e.message },
            ],
            "  ",
          ),
        );
      }
    }
    if (report.errors.length > 0) process.exitCode = EXIT.failed;
    return summary;
  }
}

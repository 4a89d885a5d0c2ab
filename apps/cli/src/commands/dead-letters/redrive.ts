import { BaseCommand } from "../../lib/base-command";
import { countByReason, reachingStores, redriveQueue } from "../../lib/dead-letters";
import { withSpinner } from "../../lib/spinner";

export default class DeadLettersRedrive extends BaseCommand {
  static override summary =
    "Try the aggregator's dead letters again with its own checks: count those that pass now, keep the rest.";
  static override description = [
    "For after a fix (a receipt key deployed late, a deadline corrected, a bug mended). Each letter in the dead-letter queue is checked again exactly as the aggregator checks a change: signed with the receipt key of the keys file (LANDSLIDE_KEYS_FILE), cast before its election's voting deadline as the control plane records it. One that passes is counted into the live tally (its fraud case and audit-log entry written first, as the aggregator would) and deleted from the queue; one counted already (a second copy of a letter, or a record the aggregator counted after all) is deleted without counting; one that still fails stays, with its reason. A forged row never passes.",
    "Counting is exactly once however often it runs, even beside the aggregator or another re-drive: the count and the letter's pending mark in the tallies table change in one transaction. Needs what the aggregator needs (the queue, DynamoDB, the control-plane database, the keys file), from the loaded configuration.",
  ].join("\n\n");
  static override examples = ["<%= config.bin %> <%= command.id %>", "<%= config.bin %> <%= command.id %> --json"];

  async run(): Promise<{
    redriven: number;
    duplicates: number;
    stillFailing: number;
    byReason: Record<string, number>;
    failing: { sequenceNumber: string; code: string; reason: string; electionId: string | null }[];
  }> {
    await this.parse(DeadLettersRedrive);
    const report = await withSpinner("Re-driving the dead letters", () =>
      reachingStores("the dead-letter queue, DynamoDB or the control-plane database", () => redriveQueue()),
    );
    const byReason = countByReason(report.stillFailing);
    const reasons = Object.entries(byReason)
      .map(([code, n]) => `${code} ${n}`)
      .join(", ");
    this.log(
      `redriven ${report.redriven}, still failing ${report.stillFailing.length}${reasons ? ` (${reasons})` : ""}` +
        (report.duplicates > 0 ? `; ${report.duplicates} already counted, removed` : ""),
    );
    return {
      redriven: report.redriven,
      duplicates: report.duplicates,
      stillFailing: report.stillFailing.length,
      byReason,
      failing: report.stillFailing.map((l) => ({
        sequenceNumber: l.sequenceNumber,
        code: l.code,
        reason: l.reason,
        electionId: l.electionId ?? null,
      })),
    };
  }
}

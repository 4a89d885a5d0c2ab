import { ux } from "@oclif/core";
import { BaseCommand } from "../../lib/base-command";
import {
  countByReason,
  type ListedLetter,
  listDeadLetters,
  openDeadLetterQueue,
  reachingStores,
} from "../../lib/dead-letters";
import { count, table } from "../../lib/format";
import { withSpinner } from "../../lib/spinner";

export default class DeadLettersList extends BaseCommand {
  static override summary = "List the change records the aggregator set aside instead of counting, and why.";
  static override description = [
    "The aggregator counts a change of the votes table only if the vote API signed it and it was cast before its election's voting deadline; any other (a row written straight into the table, a late cast, a row that is no vote) goes to the aggregator's dead-letter queue (SQS) with its reason, and is not counted. This lists them: the record's stream sequence number, the reason code and what it means, and the election.",
    "Reads the queue of the loaded configuration (the local stack by default; on AWS, LANDSLIDE_STACK=aws and LANDSLIDE_AGGREGATOR_DLQ_URL). Listing changes nothing: every letter stays in the queue. A letter carried by two messages (the aggregator crashed between sending and committing) is listed once, with its copies.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --json | jq '.byReason'",
  ];

  async run(): Promise<{ queueUrl: string; letters: ListedLetter[]; byReason: Record<string, number> }> {
    await this.parse(DeadLettersList);
    const { url, queue, close } = openDeadLetterQueue();
    try {
      const letters = await withSpinner("Reading the dead-letter queue", () =>
        reachingStores(`the dead-letter queue at ${url}`, () => listDeadLetters(queue)),
      );
      const byReason = countByReason(letters);
      if (!this.jsonEnabled()) this.describe(letters, byReason);
      return { queueUrl: url, letters, byReason };
    } finally {
      close();
    }
  }

  private describe(letters: ListedLetter[], byReason: Record<string, number>): void {
    if (letters.length === 0) return this.log("No dead letters: every change record was counted.");
    const reasons = Object.entries(byReason)
      .map(([code, n]) => `${code} ${n}`)
      .join(", ");
    this.log(`${count(letters.length, "dead letter")} (${reasons}), not counted:`);
    ux.stdout(
      table(letters, [
        { header: "SEQUENCE", value: (l) => l.sequenceNumber || "—" },
        { header: "REASON", value: (l) => (l.copies > 1 ? `${l.code} (×${l.copies})` : l.code) },
        { header: "WHAT IT MEANS", value: (l) => l.meaning },
        { header: "ELECTION", value: (l) => l.electionId ?? "—" },
      ]),
    );
    this.log("\nAfter a fix, 'election dead-letters redrive' counts those that pass the checks now.");
  }
}

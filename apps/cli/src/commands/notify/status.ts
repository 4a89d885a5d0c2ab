import { ux } from "@oclif/core";
import { electionById } from "../../lib/elections";
import { count, facts } from "../../lib/format";
import { campaignLine, countsTable, type MailSummary, remindersTable, totalMessages } from "../../lib/notifications";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";

export default class NotifyStatus extends OfficialCommand {
  static override summary =
    "Show how far an election's mail has got: each kind of message by status, and the reminders.";
  static override description = [
    "A roll-based election mails every address on its voter roll an invitation when voting opens and the result once it is certified; officials schedule reminders (election notify remind), which go only to those who have not voted by then; voters may ask for their receipt. Each message is queued, sending, sent, delivered, bounced, complained (marked as spam), failed (after 5 tries: see election notify retry) or suppressed (the address unsubscribed or bounced before).",
    "Reminders are counted, never listed per person: which addresses got one would say who had not voted. A reminder's messages end as settled whether they went out or the voter had voted.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --json | jq '.kinds.invitation'",
  ];
  static override args = { id: electionIdArg };

  async run(): Promise<MailSummary & { title: string }> {
    const { args, flags } = await this.parse(NotifyStatus);
    const client = await this.signedIn(flags.profile);
    const [{ title }, summary] = await Promise.all([
      electionById(client, args.id),
      client.control("Reading the mail", (api) => api.official.notifications.summary.query({ electionId: args.id })),
    ]);
    if (!this.jsonEnabled()) this.describe(title, summary);
    return { ...summary, title };
  }

  private describe(title: string, summary: MailSummary): void {
    this.log(`Mail of ${title}`);
    if (!summary.rollBased)
      this.log(
        "  Open to any signed-in voter: invitations, reminders and results go to voter rolls only. Voters may still ask for their receipt.",
      );
    else
      ux.stdout(
        facts(
          [
            ["invitations", campaignLine(summary, "invitation")],
            ["results", campaignLine(summary, "results")],
          ],
          "  ",
        ),
      );
    const messages = totalMessages(summary);
    this.log("");
    if (messages === 0) this.log("No messages yet.");
    else {
      this.log(`${count(messages, "message")}:`);
      ux.stdout(countsTable(summary));
    }
    if (!summary.rollBased) return;
    this.log("");
    if (summary.reminders.length === 0)
      this.log(`No reminders. Schedule one with: election notify remind ${summary.electionId} --at <time>`);
    else {
      this.log(`${count(summary.reminders.length, "reminder")} (counted, never listed per person):`);
      ux.stdout(remindersTable(summary.reminders));
    }
  }
}

import { Flags, ux } from "@oclif/core";
import { count } from "../../lib/format";
import { LISTED_KINDS, LISTED_STATUSES, MAX_PAGE, type MailMessage, messagesTable } from "../../lib/notifications";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";

export default class NotifyList extends OfficialCommand {
  static override summary = "List an election's messages, newest first: invitations, receipts and results.";
  static override description =
    "Follows the API's pages until --limit messages are read. Reminders are never listed one by one (who got one would say who had not voted): 'election notify status' counts them.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --status failed --limit 500 --json | jq -r '.messages[].recipient'",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    kind: Flags.option({ options: LISTED_KINDS, description: "only messages of this kind" })(),
    status: Flags.option({ options: LISTED_STATUSES, description: "only messages in this status" })(),
    limit: Flags.integer({ description: "at most this many messages", default: 50, min: 1, max: 100_000 }),
  };

  async run(): Promise<{ electionId: string; messages: MailMessage[]; more: boolean }> {
    const { args, flags } = await this.parse(NotifyList);
    const client = await this.signedIn(flags.profile);
    const messages: MailMessage[] = [];
    let cursor: string | undefined;
    let more = false;
    await client.control("Reading the messages", async (api) => {
      do {
        const page = await api.official.notifications.list.query({
          electionId: args.id,
          ...(flags.kind ? { kind: flags.kind } : {}),
          ...(flags.status ? { status: flags.status } : {}),
          ...(cursor ? { cursor } : {}),
          limit: Math.min(MAX_PAGE, flags.limit - messages.length),
        });
        messages.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        more = cursor !== undefined;
      } while (cursor !== undefined && messages.length < flags.limit);
    });
    if (!this.jsonEnabled()) {
      if (messages.length === 0) this.log("No messages match.");
      else {
        ux.stdout(messagesTable(messages));
        this.log(
          more
            ? `\nThe newest ${count(messages.length, "message")}; older ones follow (raise --limit to see them).`
            : `\n${count(messages.length, "message")}.`,
        );
      }
    }
    return { electionId: args.id, messages, more };
  }
}

import { Flags } from "@oclif/core";
import { count } from "../../lib/format";
import { checkedReason, electionIdArg, OfficialCommand } from "../../lib/official-command";

export default class NotifyRetry extends OfficialCommand {
  static override summary = "Send an election's failed messages again, from the first try.";
  static override description =
    "A message fails after 5 tries, or at once when the mail service refuses it for good; 'election notify list --status failed' shows each one's last error. Mend the cause first (a sender not verified, a paused account), then send them again.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'sender domain verified'",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --json",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    reason: Flags.string({
      description: "why, kept in the audit trail beside who and when",
      default: "failed mail sent again",
    }),
  };

  async run(): Promise<{ electionId: string; requeued: number }> {
    const { args, flags } = await this.parse(NotifyRetry);
    const reason = checkedReason(flags.reason);
    const client = await this.signedIn(flags.profile);
    const { requeued } = await client.control("Queuing the failed messages again", (api) =>
      api.official.notifications.retryFailed.mutate({ electionId: args.id, reason }),
    );
    this.log(
      requeued === 0
        ? "No failed messages: nothing to send again."
        : `${count(requeued, "message")} back in the queue: they go out again shortly.`,
    );
    return { electionId: args.id, requeued };
  }
}

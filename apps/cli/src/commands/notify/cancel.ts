import { Flags } from "@oclif/core";
import { reminderIdArg } from "../../lib/notifications";
import { checkedReason, electionIdArg, OfficialCommand } from "../../lib/official-command";

export default class NotifyCancel extends OfficialCommand {
  static override summary = "Cancel a reminder that has not gone out yet.";
  static override description =
    "Its id is in 'election notify status'. A reminder already on its way cannot be cancelled (exit 3).";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 0b6c3c56-2f1e-4d8a-9a3e-5f1d2c3b4a59 --reason 'sent by mistake'",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 0b6c3c56-2f1e-4d8a-9a3e-5f1d2c3b4a59 --json",
  ];
  static override args = { id: electionIdArg, reminderId: reminderIdArg };
  static override flags = {
    reason: Flags.string({
      description: "why, kept in the audit trail beside who and when",
      default: "reminder cancelled",
    }),
  };

  async run(): Promise<{ electionId: string; reminderId: string; cancelled: true }> {
    const { args, flags } = await this.parse(NotifyCancel);
    const reason = checkedReason(flags.reason);
    const client = await this.signedIn(flags.profile);
    const { cancelled } = await client.control("Cancelling the reminder", (api) =>
      api.official.notifications.cancelReminder.mutate({ electionId: args.id, reminderId: args.reminderId, reason }),
    );
    this.log(`Reminder ${args.reminderId} cancelled: it will not go out.`);
    return { electionId: args.id, reminderId: args.reminderId, cancelled };
  }
}

import { Errors, Flags } from "@oclif/core";
import { z } from "zod";
import { exactTime } from "../../lib/format";
import { checkedReason, electionIdArg, OfficialCommand } from "../../lib/official-command";
import { EXIT } from "../../lib/public-client";

const isoTime = z.iso.datetime({ offset: true });

export default class NotifyRemind extends OfficialCommand {
  static override summary =
    "Schedule a reminder to everyone on an election's roll who has not voted by then (now, unless --at).";
  static override description =
    "Each address on the roll is checked when the reminder goes out: those who have voted get nothing. Nobody, officials included, can see who was reminded: only the counts are kept ('election notify status'). Voting must not have ended, and --at must be before it closes; a scheduled reminder can be cancelled with 'election notify cancel'.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'turnout low at noon'",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --at 2026-05-01T16:00:00+02:00 --reason 'last call' --json",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    at: Flags.string({ description: "when to send it (ISO 8601 with an offset); now when left out" }),
    reason: Flags.string({ description: "why, kept in the audit trail beside who and when", default: "reminder" }),
  };

  async run(): Promise<{ electionId: string; id: string; sendAt: string; status: string }> {
    const { args, flags } = await this.parse(NotifyRemind);
    const reason = checkedReason(flags.reason);
    if (flags.at !== undefined && !isoTime.safeParse(flags.at).success)
      throw new Errors.CLIError(
        `--at ${flags.at} is not a time the API takes: write ISO 8601 with an offset, e.g. 2026-05-01T16:00:00+02:00 or 2026-05-01T14:00:00Z.`,
        { exit: EXIT.usage },
      );
    const sendAt = flags.at ?? new Date().toISOString();
    const client = await this.signedIn(flags.profile);
    const reminder = await client.control("Scheduling the reminder", (api) =>
      api.official.notifications.scheduleReminder.mutate({ electionId: args.id, sendAt, reason }),
    );
    this.log(
      flags.at === undefined
        ? `Reminder ${reminder.id} is going out now to those on the roll who have not voted.`
        : `Reminder ${reminder.id} scheduled for ${exactTime(reminder.sendAt)}: it goes to those on the roll who have not voted by then.`,
    );
    this.log("Nobody can see who that was; 'election notify status' counts them.");
    return { electionId: args.id, ...reminder };
  }
}

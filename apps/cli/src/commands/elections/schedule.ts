import { Errors, Flags } from "@oclif/core";
import { z } from "zod";
import type { RouterOutputs } from "@landslide/api/client";
import { checkedReason, electionIdArg, OfficialCommand, reasonFlag } from "../../lib/official-command";
import { EXIT } from "../../lib/public-client";
import { shortTime } from "../../lib/format";

const isoTime = z.iso.datetime({ offset: true });

/** A moment as the API takes it (ISO 8601 with its offset), or a usage error that shows the form. */
function checkedMoment(flag: string, input: string): string {
  if (isoTime.safeParse(input).success) return input;
  throw new Errors.CLIError(
    `--${flag} ${input} is not a time the API takes: write ISO 8601 with an offset, e.g. 2026-05-01T08:00:00+02:00 or 2026-05-01T06:00:00Z.`,
    { exit: EXIT.usage },
  );
}

export default class ElectionsSchedule extends OfficialCommand {
  static override summary =
    "Set when a draft or scheduled election opens and closes; it then opens and closes by itself.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --opens 2026-05-01T08:00:00+02:00 --closes 2026-05-01T20:00:00+02:00 --reason 'polls set by resolution 12/2026'",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    opens: Flags.string({ description: "when voting opens (ISO 8601 with an offset)", required: true }),
    closes: Flags.string({ description: "when voting closes (ISO 8601 with an offset)", required: true }),
    reason: reasonFlag,
  };

  async run(): Promise<RouterOutputs["official"]["elections"]["schedule"]> {
    const { args, flags } = await this.parse(ElectionsSchedule);
    const schedule = {
      opensAt: checkedMoment("opens", flags.opens),
      closesAt: checkedMoment("closes", flags.closes),
      reason: checkedReason(flags.reason),
    };
    const client = await this.signedIn(flags.profile);
    const election = await client.control("Scheduling the election", (api) =>
      api.official.elections.schedule.mutate({ electionId: args.id, ...schedule }),
    );
    this.log(
      `Scheduled ${election.title}: opens ${shortTime(election.opensAt)}, closes ${shortTime(election.closesAt)}.`,
    );
    return election;
  }
}

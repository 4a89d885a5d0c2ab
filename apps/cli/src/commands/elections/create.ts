import { Flags } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
import { BALLOT_FILE_FORMAT, readBallotFile } from "../../lib/ballot-file";
import { count } from "../../lib/format";
import { checkedReason, OfficialCommand, reasonFlag } from "../../lib/official-command";

export default class ElectionsCreate extends OfficialCommand {
  static override summary = "Create a draft election from a ballot file.";
  static override description = `The file is checked before anything is sent: a mistake is named by file, line, column and field (exit 2).\n\n${BALLOT_FILE_FORMAT}`;
  static override examples = [
    "<%= config.bin %> <%= command.id %> --file ballot.json --reason 'council resolution 12/2026'",
    "<%= config.bin %> <%= command.id %> -f ballot.json --reason 'council resolution 12/2026' --json",
  ];
  static override flags = {
    file: Flags.file({ char: "f", description: "the ballot file (JSON)", required: true }),
    reason: reasonFlag,
  };

  async run(): Promise<RouterOutputs["official"]["elections"]["create"]> {
    const { flags } = await this.parse(ElectionsCreate);
    const reason = checkedReason(flags.reason);
    const ballot = await readBallotFile(flags.file);
    const client = await this.signedIn(flags.profile);
    const election = await client.control(`Creating ${ballot.title}`, (api) =>
      api.official.elections.create.mutate({ election: ballot, reason }),
    );
    this.log(
      `Created draft election ${election.id}: ${election.title} (${count(election.questions.length, "question")}).`,
    );
    this.log(
      `Next: election elections schedule ${election.id} --opens … --closes … --reason '…', or election elections open ${election.id} --reason '…'`,
    );
    return election;
  }
}

import { Errors, Flags } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
import { readBallotFile } from "../../lib/ballot-file";
import { count } from "../../lib/format";
import { checkedReason, electionIdArg, OfficialCommand, reasonFlag } from "../../lib/official-command";
import { EXIT } from "../../lib/public-client";

export default class ElectionsEdit extends OfficialCommand {
  static override summary = "Replace a draft or scheduled election's definition with a ballot file.";
  static override description =
    "The file is written as for 'election elections create'. Its schedule (opensAt, closesAt), when it has one, replaces the election's; left out, the election keeps its own. The same goes for its language and translations: left out, the election keeps its own (a file written before them does not erase them; give \"translations\": {} to remove them all), less the translations of questions and options the file removes. Everything else is replaced: a rule the file leaves out (eligibility, allowAbstain, passkeyPolicy) goes back to its default. Once voting can have started the questions are frozen: the API refuses (QUESTIONS_LOCKED, exit 3).";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --file ballot.json --reason 'typo in question 2'",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    file: Flags.file({ char: "f", description: "the ballot file (JSON)", required: true }),
    reason: reasonFlag,
  };

  async run(): Promise<RouterOutputs["official"]["elections"]["update"]> {
    const { args, flags } = await this.parse(ElectionsEdit);
    const reason = checkedReason(flags.reason);
    const { id, ...definition } = await readBallotFile(flags.file);
    if (id !== undefined && id !== args.id)
      throw new Errors.CLIError(`${flags.file} defines election ${id}, not ${args.id}.`, { exit: EXIT.usage });
    const client = await this.signedIn(flags.profile);
    const election = await client.control(`Editing ${definition.title}`, (api) =>
      api.official.elections.update.mutate({ electionId: args.id, election: definition, reason }),
    );
    this.log(
      `Edited election ${election.id}: ${election.title} (${count(election.questions.length, "question")}, ${election.status}).`,
    );
    return election;
  }
}

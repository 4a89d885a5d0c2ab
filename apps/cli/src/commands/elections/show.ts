import { ux } from "@oclif/core";
import { contentLanguages, type PasskeyPolicy } from "@landslide/vote-engine";
import { choiceRule, electionById, type OfficialElection, optionOrderWords } from "../../lib/elections";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";
import { count, facts, shortTime, table } from "../../lib/format";

/** Which devices may vote, with the word a ballot file uses for it. */
const passkeyPolicyWords: Record<PasskeyPolicy, string> = {
  optional: "optional: any signed-in device may vote",
  "review-without": "review-without: ballots from devices without a passkey are held for review",
  required: "required: only devices with a passkey may vote",
};

/** "en (as written), ar, es": the election's own language first, then its translations'. */
function languagesIn(election: OfficialElection): string {
  const [own, ...translated] = contentLanguages(election);
  return [`${own} (as written)`, ...translated.sort()].join(", ");
}

export default class ElectionsShow extends OfficialCommand {
  static override summary = "Show an election: its status, schedule, rules, languages, turnout and questions.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --json",
  ];
  static override args = { id: electionIdArg };

  async run(): Promise<OfficialElection> {
    const { args, flags } = await this.parse(ElectionsShow);
    const election = await electionById(await this.signedIn(flags.profile), args.id);
    if (!this.jsonEnabled()) this.describe(election);
    return election;
  }

  private describe(election: OfficialElection): void {
    const status =
      election.status === election.storedStatus
        ? election.status
        : `${election.status} (by its schedule; set ${election.storedStatus})`;
    const order = optionOrderWords(election.optionOrder);
    this.log(election.title);
    ux.stdout(
      facts(
        [
          ["id", election.id],
          ["status", status],
          ["opens", shortTime(election.opensAt)],
          ["closes", shortTime(election.closesAt)],
          ["eligibility", election.eligibility],
          ["abstaining", election.allowAbstain ? "allowed" : "not allowed"],
          // A policy newer than this CLI shows as its word.
          ["passkeys", passkeyPolicyWords[election.passkeyPolicy] ?? election.passkeyPolicy],
          // Said only when drawn for each voter: as listed, the questions below are in every ballot's order.
          ...(order ? [["option order", order] as const] : []),
          ["languages", languagesIn(election)],
          ["turnout", `${count(election.turnout, "ballot")} counted, ${election.quarantined} held for review`],
          ...(election.description ? [["description", election.description] as const] : []),
        ],
        "  ",
      ),
    );
    for (const [i, question] of election.questions.entries()) {
      this.log(`\n${i + 1}. ${question.prompt}  [${question.id}: ${question.kind}, ${choiceRule(question)}]`);
      ux.stdout(
        table(
          question.options,
          [
            { header: "OPTION", value: (o) => o.id },
            { header: "LABEL", value: (o) => o.label },
          ],
          "   ",
        ),
      );
    }
  }
}

import { ux } from "@oclif/core";
import { riskSignalWords } from "@landslide/api/client";
import { electionById } from "../../lib/elections";
import { count, exactTime, facts } from "../../lib/format";
import { type FraudCase, type HeldGroup, sharedBy, voterKeyArg } from "../../lib/fraud-review";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";

const meaning: Record<FraudCase["state"], string> = {
  quarantined: "held: not counted until an official releases or voids it",
  released: "released: counted",
  voided: "voided: never counted",
};

export default class FraudShow extends OfficialCommand {
  static override summary =
    "Show the evidence against one held ballot: its risk signals and score, its device and network, when it was cast and decided.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 t7CHdCBKCvSfvza3kQEafDGEyCy1vp9ZGA42f-XYP3E",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 t7CHdCBKCvSfvza3kQEafDGEyCy1vp9ZGA42f-XYP3E --json",
  ];
  static "--" = false; // a voter key may start with "-": see parseVoterKey
  static override args = { id: electionIdArg, voter_key: voterKeyArg };

  async run(): Promise<FraudCase & { title: string; groups: HeldGroup[] }> {
    const { args, flags } = await this.parse(FraudShow);
    const voterKey = args.voter_key;
    const client = await this.signedIn(flags.profile);
    const { title } = await electionById(client, args.id);
    // An unknown key is refused by `get` (VOTE_NOT_FOUND, exit 3).
    const [found, grouped] = await client.control("Reading the held ballot", (api) =>
      Promise.all([
        api.official.fraud.get.query({ electionId: args.id, voterKey }),
        api.official.fraud.groups.query({ electionId: args.id }),
      ]),
    );
    const groups = grouped.groups.filter((g) => g.voterKeys.includes(voterKey));
    if (!this.jsonEnabled()) {
      this.log(`Held ballot ${found.voterKey} in ${title}`);
      ux.stdout(
        facts(
          [
            ["state", meaning[found.state]],
            ["risk score", found.score === null ? "—" : String(found.score)],
            ["signals", found.reasons.map(riskSignalWords).join("; ") || "—"],
            ["device", found.deviceId ?? "—"],
            ["network", found.networkBlock ?? "—"],
            ["receipt", found.receiptId ?? "—"],
            ["cast", exactTime(found.castAt)],
            ["held", exactTime(found.openedAt)],
            // The case's last update: for a decided ballot, when it was decided.
            ...(found.state === "quarantined" ? [] : [["decided", exactTime(found.updatedAt)] as const]),
            [
              "groups",
              groups.map((g) => `${g.kind} (${count(g.voterKeys.length, "ballot")}, ${sharedBy(g)})`).join("; ") ||
                "none among the open ballots",
            ],
          ],
          "  ",
        ),
      );
    }
    return { ...found, title, groups };
  }
}

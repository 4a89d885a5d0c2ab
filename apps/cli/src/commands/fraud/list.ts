import { Flags, ux } from "@oclif/core";
import { electionById } from "../../lib/elections";
import { count, shortTime, table } from "../../lib/format";
import { type FraudCase, type HeldGroup, sharedBy } from "../../lib/fraud-review";
import { electionIdArg, OfficialCommand } from "../../lib/official-command";

const STATES = ["quarantined", "released", "voided"] as const;
type State = (typeof STATES)[number];

/** What an empty list means, by the --state asked for. */
const nothing: Record<State | "any", (title: string, id: string) => string> = {
  any: (title) => `No ballot has been held for review in ${title} so far.`,
  quarantined: (title, id) =>
    `No ballots are held for review in ${title}. Decided ones: election fraud list ${id} --state released (or voided).`,
  released: (title) => `No held ballot has been released in ${title}.`,
  voided: (title) => `No held ballot has been voided in ${title}.`,
};

export default class FraudList extends OfficialCommand {
  static override summary = "List the ballots held for review in an election, and the groups the open ones form.";
  static override description =
    "A ballot the risk checks doubt is held (quarantined): it does not count until an official releases it, and never counts once voided. Open ballots that share a device or an address block, or came in a burst, are grouped (numbered in the GROUPS column), so a bot operation can be decided at once with 'election fraud void'.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --state quarantined --json | jq -r '.groups[0].voterKeys[]'",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    state: Flags.option({ options: STATES, description: "only the ballots in this state (quarantined: still open)" })(),
  };

  async run(): Promise<{
    electionId: string;
    title: string;
    state: State | null;
    cases: FraudCase[];
    groups: HeldGroup[];
  }> {
    const { args, flags } = await this.parse(FraudList);
    const client = await this.signedIn(flags.profile);
    // The fraud procedures answer an empty list for an unknown election: this refuses it (exit 3) and names it.
    const { title } = await electionById(client, args.id);
    // Groups are of open ballots only: decided ones have nothing left to decide together.
    const withGroups = flags.state === undefined || flags.state === "quarantined";
    const [cases, groups] = await client.control("Reading the held ballots", (api) =>
      Promise.all([
        api.official.fraud.list.query({ electionId: args.id, state: flags.state }),
        withGroups
          ? api.official.fraud.groups.query({ electionId: args.id }).then((g) => g.groups)
          : Promise.resolve([]),
      ]),
    );
    if (!this.jsonEnabled()) this.describe({ id: args.id, title }, flags.state, cases, groups);
    return { electionId: args.id, title, state: flags.state ?? null, cases, groups };
  }

  private describe(
    { id, title }: { id: string; title: string },
    state: State | undefined,
    cases: FraudCase[],
    groups: HeldGroup[],
  ): void {
    if (cases.length === 0) return this.log(nothing[state ?? "any"](title, id));
    const byState = STATES.map((s) => [s, cases.filter((c) => c.state === s).length] as const).filter(([, n]) => n > 0);
    this.log(
      `${title}: ${count(cases.length, "held ballot")} (${byState.map(([s, n]) => `${n} ${s === "quarantined" ? "open" : s}`).join(", ")})`,
    );
    const groupsOf = (voterKey: string) =>
      groups.flatMap((g, i) => (g.voterKeys.includes(voterKey) ? [`#${i + 1}`] : [])).join(",") || "—";
    ux.stdout(
      table(cases, [
        { header: "VOTER KEY", value: (c) => c.voterKey },
        { header: "STATE", value: (c) => c.state },
        { header: "SCORE", value: (c) => c.score ?? "—", align: "right" },
        // The first characters tell devices apart; 'election fraud show' has the whole id.
        { header: "DEVICE", value: (c) => (c.deviceId ? `${c.deviceId.slice(0, 10)}…` : "—") },
        { header: "NETWORK", value: (c) => c.networkBlock ?? "—" },
        { header: "HELD AT", value: (c) => shortTime(c.castAt ?? c.openedAt) },
        { header: "GROUPS", value: (c) => groupsOf(c.voterKey) },
      ]),
    );
    if (groups.length === 0) return;
    this.log("\nGroups of open ballots, to decide together:");
    ux.stdout(
      table(
        groups,
        [
          { header: "GROUP", value: (g) => `#${groups.indexOf(g) + 1}` },
          { header: "KIND", value: (g) => g.kind },
          { header: "BALLOTS", value: (g) => g.voterKeys.length, align: "right" },
          { header: "SHARED", value: sharedBy },
        ],
        "  ",
      ),
    );
  }
}

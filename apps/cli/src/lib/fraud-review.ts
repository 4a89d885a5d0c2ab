import { Args, Errors, Flags, ux } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
import { electionById } from "./elections";
import { count, exactTime, table } from "./format";
import { checkedReason, electionIdArg, OfficialCommand, reasonFlag } from "./official-command";
import { EXIT } from "./public-client";

/** A ballot held for review, with its evidence, as `official.fraud.list` returns it. */
export type FraudCase = RouterOutputs["official"]["fraud"]["list"][number];
/** Held ballots that belong together (same device, same address block, a burst in time). */
export type HeldGroup = RouterOutputs["official"]["fraud"]["groups"]["groups"][number];
type Outcome = RouterOutputs["official"]["fraud"]["release"]["outcomes"][number];

/** As the API checks it: a usage error here rather than a refusal after signing in. */
const VOTER_KEY = /^[A-Za-z0-9_-]{16,128}$/;
/** The API decides at most this many ballots a call, and lists at most this many cases. */
const API_BATCH = 500;

/**
 * Voter keys are base64url, so one in 64 starts with "-", which oclif would refuse as an unknown
 * flag: the commands that take keys set `static "--" = false`, which makes oclif pass such a
 * token on as an argument, to be checked here (a mistyped flag then reads "--reasn is not a voter key").
 */
async function parseVoterKey(input: string): Promise<string> {
  if (!VOTER_KEY.test(input))
    throw new Errors.CLIError(
      `${input} is not a voter key: keys are 16 to 128 letters, digits, - and _ (see 'election fraud list').`,
      { exit: EXIT.usage },
    );
  return input;
}

export const voterKeyArg = Args.string({
  description: "the held ballot's voter key (see election fraud list)",
  required: true,
  parse: parseVoterKey,
});

/** What the members of a group share: "device YjIW…", "network 198.51.100.0/24", or when their burst was. */
export function sharedBy(group: HeldGroup): string {
  if (group.kind === "same-device") return `device ${group.key}`;
  if (group.kind === "same-network") return `network ${group.key}`;
  return `a burst from ${exactTime(group.from)} to ${exactTime(group.to)}`;
}

/**
 * `fraud release` and `fraud void` differ only in the decision: both take voter keys (or
 * --all-open), decide them in one call per 500, and print each key's state and whether it changed.
 */
export abstract class FraudDecisionCommand extends OfficialCommand {
  static "--" = false; // a voter key may start with "-": see parseVoterKey
  static override args = {
    id: electionIdArg,
    // Optional so that --all-open can stand alone; run() insists on one or the other.
    voter_keys: Args.string({
      description: "the voter keys of the held ballots (see election fraud list)",
      multiple: true,
      ignoreStdin: true,
      parse: parseVoterKey,
    }),
  };
  static override flags = {
    reason: reasonFlag,
    "all-open": Flags.boolean({
      description: "decide every ballot still held for review in the election, instead of naming them",
    }),
  };

  protected abstract readonly decision: "released" | "voided";
  /** "Releasing": what the spinner says. */
  protected abstract readonly doing: string;
  /** What the decision means for the results, said after it. */
  protected abstract readonly outcome: string;

  async run(): Promise<{
    electionId: string;
    decision: "released" | "voided";
    reason: string;
    changed: number;
    outcomes: Outcome[];
  }> {
    // Parsed with this class's own statics: oclif copies only a command's own, not inherited, args.
    const { args, flags } = await this.parse(FraudDecisionCommand);
    const reason = checkedReason(flags.reason);
    const named = [...new Set(args.voter_keys ?? [])];
    const allOpen = flags["all-open"] === true; // unset, oclif leaves a boolean flag undefined
    if (allOpen === named.length > 0)
      throw new Errors.CLIError("Name the voter keys of the ballots to decide, or give --all-open (not both).", {
        exit: EXIT.usage,
      });

    const client = await this.signedIn(flags.profile);
    // Read first so an unknown election is refused, not written to the audit trail as a decision.
    const election = await electionById(client, args.id);
    const voterKeys = allOpen
      ? (
          await client.control("Reading the held ballots", (api) =>
            api.official.fraud.list.query({ electionId: args.id, state: "quarantined" }),
          )
        ).map((c) => c.voterKey)
      : named;

    let changed = 0;
    const outcomes: Outcome[] = [];
    for (let i = 0; i < voterKeys.length; i += API_BATCH) {
      const batch = { electionId: args.id, voterKeys: voterKeys.slice(i, i + API_BATCH), reason };
      const decided = await client.control(`${this.doing} ${count(batch.voterKeys.length, "ballot")}`, (api) =>
        this.decision === "released" ? api.official.fraud.release.mutate(batch) : api.official.fraud.void.mutate(batch),
      );
      changed += decided.changed;
      outcomes.push(...decided.outcomes);
    }

    const failed = outcomes.filter((o) => "error" in o).length;
    if (!this.jsonEnabled()) {
      if (outcomes.length === 0) this.log(`No ballots are held for review in ${election.title}: nothing to decide.`);
      else {
        ux.stdout(
          table(outcomes, [
            { header: "VOTER KEY", value: (o) => o.voterKey },
            // A refused key's state is only in the API's message ("This vote is voided, …").
            { header: "STATE", value: (o) => ("error" in o ? "—" : o.state) },
            {
              header: "OUTCOME",
              value: (o) =>
                "error" in o
                  ? `refused: ${o.message} (${o.error})`
                  : o.changed
                    ? `${this.decision} now`
                    : `already ${this.decision}`,
            },
          ]),
        );
        const unchanged = outcomes.length - changed - failed;
        const notes = [
          unchanged > 0 ? `${unchanged} already ${this.decision}` : "",
          failed > 0 ? `${failed} refused` : "",
        ].filter(Boolean);
        this.log(
          `\n${count(changed, "ballot")} ${this.decision} in ${election.title}${notes.length ? ` (${notes.join(", ")})` : ""}. ${this.outcome}`,
        );
      }
      // `fraud.list` answers at most one page of cases; the ones after it wait for another run.
      if (allOpen && voterKeys.length === API_BATCH)
        this.warn(`Decided the first ${API_BATCH} held ballots; run the command again for the rest.`);
    }
    // A refused key is worth a non-zero exit to a script, though the others were decided.
    if (failed > 0) process.exitCode = EXIT.refused;
    return { electionId: args.id, decision: this.decision, reason, changed, outcomes };
  }
}

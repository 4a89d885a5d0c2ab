import type { ElectionStatus } from "@landslide/vote-engine";
import { exactTime } from "./format";
import { checkedReason, electionIdArg, OfficialCommand, reasonFlag } from "./official-command";

/**
 * Moving an election along its lifecycle (draft → scheduled → open ⇄ paused → closed →
 * certified): `open`, `pause`, `resume`, `close` and `certify` differ only in where to.
 */
export abstract class TransitionCommand extends OfficialCommand {
  static override args = { id: electionIdArg };
  static override flags = { reason: reasonFlag };

  /** The status the election moves to. */
  protected abstract readonly to: ElectionStatus;
  /** "Opening": what the spinner says. */
  protected abstract readonly doing: string;
  /** What it means for voters, said after the move. */
  protected abstract readonly outcome: string;

  async run(): Promise<{ electionId: string; from: ElectionStatus; to: ElectionStatus; effectiveAt: string }> {
    // Parsed with this class's own statics: oclif copies only a command's own, not inherited, args.
    const { args, flags } = await this.parse(TransitionCommand);
    const reason = checkedReason(flags.reason);
    const client = await this.signedIn(flags.profile);
    const moved = await client.control(`${this.doing} the election`, (api) =>
      api.official.elections.transition.mutate({ electionId: args.id, to: this.to, reason }),
    );
    this.log(`Election ${moved.electionId}: ${moved.from} → ${moved.to}. ${this.outcome}`);
    // A pause or close of an open election takes effect a moment later, at the same instant on every server.
    if (Date.parse(moved.effectiveAt) > Date.now())
      this.log(`Voting stops at ${exactTime(moved.effectiveAt)}: ballots cast before then still count.`);
    return moved;
  }
}

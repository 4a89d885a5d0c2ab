import { TransitionCommand } from "../../lib/transition-command";

export default class ElectionsClose extends TransitionCommand {
  static override summary = "Close an election: no more ballots; the final result is published.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'polls closed'",
  ];
  protected readonly to = "closed";
  protected readonly doing = "Closing";
  protected readonly outcome = "No more ballots are accepted; the final result is public.";
}

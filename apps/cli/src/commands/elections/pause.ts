import { TransitionCommand } from "../../lib/transition-command";

export default class ElectionsPause extends TransitionCommand {
  static override summary = "Pause voting in an open election; ballots cast meanwhile are refused.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'incident 42: investigating'",
  ];
  protected readonly to = "paused";
  protected readonly doing = "Pausing";
  protected readonly outcome = "Ballots are refused until 'election elections resume'.";
}

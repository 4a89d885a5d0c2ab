import { TransitionCommand } from "../../lib/transition-command";

export default class ElectionsResume extends TransitionCommand {
  static override summary = "Resume voting in a paused election.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'incident 42 resolved'",
  ];
  protected readonly to = "open";
  protected readonly doing = "Resuming";
  protected readonly outcome = "Voters can vote again.";
}

import { TransitionCommand } from "../../lib/transition-command";

export default class ElectionsOpen extends TransitionCommand {
  static override summary = "Open an election for voting now (a draft or scheduled one).";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'polls open'",
  ];
  protected readonly to = "open";
  protected readonly doing = "Opening";
  protected readonly outcome = "Voters can vote now (or from its opening time, if that is still to come).";
}

import { TransitionCommand } from "../../lib/transition-command";

export default class ElectionsCertify extends TransitionCommand {
  static override summary =
    "Certify a closed election's result; needs a recount equal to the live tally and no ballot held for review.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --reason 'results certified by the board'",
  ];
  protected readonly to = "certified";
  protected readonly doing = "Certifying";
  protected readonly outcome = "The result is certified; nothing changes it any more.";
}

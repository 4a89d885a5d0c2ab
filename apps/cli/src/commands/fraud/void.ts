import { FraudDecisionCommand } from "../../lib/fraud-review";

export default class FraudVoid extends FraudDecisionCommand {
  static override summary = "Void ballots held for review: they never count.";
  static override description =
    "Name the held ballots by their voter keys (from 'election fraud list'), or give --all-open to void every ballot still held. Voiding a ballot already voided changes nothing; one already released is refused (exit 3), and the others are still decided.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 t7CHdCBKCvSfvza3kQEafDGEyCy1vp9ZGA42f-XYP3E aPD-YVzjNUPe6QIkVQ4qF2BO-wH6WHRHBCUl475lsoc --reason 'one device, many accounts'",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --all-open --reason 'bot farm, see ticket 4411'",
  ];
  protected readonly decision = "voided";
  protected readonly doing = "Voiding";
  protected readonly outcome = "Voided ballots never count.";
}

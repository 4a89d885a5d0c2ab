import { FraudDecisionCommand } from "../../lib/fraud-review";

export default class FraudRelease extends FraudDecisionCommand {
  static override summary = "Release ballots held for review: they count in the results, once each.";
  static override description =
    "Name the held ballots by their voter keys (from 'election fraud list'), or give --all-open to release every ballot still held. Releasing a ballot already released changes nothing; one already voided is refused (exit 3), and the others are still decided.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 t7CHdCBKCvSfvza3kQEafDGEyCy1vp9ZGA42f-XYP3E --reason 'voter confirmed by phone'",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --all-open --reason 'office network, checked' --json",
  ];
  protected readonly decision = "released";
  protected readonly doing = "Releasing";
  protected readonly outcome = "Released ballots count in the results as soon as the tally catches up.";
}

import { OfficialCommand } from "../lib/official-command";
import { type Diagnosis, diagnose } from "../lib/doctor/diagnose";
import { renderDiagnosis } from "../lib/doctor/report";
import { EXIT } from "../lib/public-client";
import { withSpinner } from "../lib/spinner";

export default class Doctor extends OfficialCommand {
  static override summary =
    "Check Java, ports, endpoints, the session and the keys file, and say how to fix each problem.";
  static override description = [
    "Checks Node.js (24+) and Java (17+, for DynamoDB Local); that each port of the local stack is free or held by the local stack itself; that the services are ready and DynamoDB and Cognito answer; that the profile's session still renews; and that the keys file is readable by its owner only.",
    "Each problem comes with the one thing to run or install. A stopped local stack or a missing login is a warning, not a failure: the command exits 1 only when something is broken.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --profile staging",
    "<%= config.bin %> <%= command.id %> --json",
  ];

  async run(): Promise<Diagnosis> {
    const { flags } = await this.parse(Doctor);
    const diagnosis = await withSpinner("Checking Java, ports, endpoints and the session", () =>
      diagnose(this.profiles, flags.profile),
    );
    if (!this.jsonEnabled()) this.log(renderDiagnosis(diagnosis));
    if (!diagnosis.ok) process.exitCode = EXIT.failed;
    return diagnosis;
  }
}

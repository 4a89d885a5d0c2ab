import { Flags, ux } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { provision, provisionTargetFromConfig } from "@landslide/vote-engine/provision";
import { systemClock } from "@landslide/vote-engine";
import { BaseCommand } from "../lib/base-command";
import { stackLayout } from "../lib/local-stack/layout";

export default class Provision extends BaseCommand {
  static override summary = "Create what the platform needs (tables, user pool, schema); safe to run again.";
  static override description =
    "Works against the endpoints in the environment: the running local stack by default, or AWS with LANDSLIDE_STACK=aws. Running it twice changes nothing.";
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "LANDSLIDE_STACK=aws DATABASE_URL=postgres://… <%= config.bin %> <%= command.id %> --no-demo",
  ];
  static override flags = {
    demo: Flags.boolean({ description: "also seed the demo election and demo accounts", default: true, allowNo: true }),
  };

  async run() {
    const { flags } = await this.parse(Provision);
    const config = loadConfig();
    const result = await provision({
      target: provisionTargetFromConfig(config),
      clock: systemClock,
      demo: flags.demo,
      credentialsFile: stackLayout(config.dataDir).credentials,
      // On AWS the keys belong in Secrets Manager, not on an operator's disk.
      keysFile: config.stack === "embedded" ? config.keysFile : null,
      onStep: (step) => {
        if (this.jsonEnabled()) return;
        if (ux.action.running) ux.action.stop("done");
        ux.action.start(step);
      },
    });
    if (ux.action.running) ux.action.stop("done");
    this.log(
      result.changes.length
        ? result.changes.map((c) => `  ${c}`).join("\n")
        : "Everything was already in place; nothing changed.",
    );
    return {
      userPoolId: result.userPoolId,
      clientIds: result.clientIds,
      tables: result.tables,
      demoElectionId: result.demoElectionId,
      changes: result.changes,
    };
  }
}

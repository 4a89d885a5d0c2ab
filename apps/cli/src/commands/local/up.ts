import { Flags, ux } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { launchLocalStack } from "../../lib/local-stack/launcher";
import { exposureWarning } from "../../lib/local-stack/listeners";
import { renderSummary } from "../../lib/local-stack/summary";

export default class LocalUp extends BaseCommand {
  static override summary = "Run the whole platform on this machine, against real local servers, with a demo election.";
  static override description =
    "Starts DynamoDB Local, cognito-local and PGlite, provisions them (idempotent), then the vote API, control API, results fan-out, aggregator and both web apps. Data is kept under .landslide/ (LANDSLIDE_DATA_DIR). Ctrl-C stops everything.";
  static override examples = ["<%= config.bin %> <%= command.id %>", "<%= config.bin %> <%= command.id %> --fresh", "<%= config.bin %> <%= command.id %> --web prod"];
  static override flags = {
    fresh: Flags.boolean({ description: "delete the local data first and start empty", default: false }),
    web: Flags.string({ description: "how to run the web apps: next dev, next start on a build, or not at all", options: ["dev", "prod", "none"], default: "dev" }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(LocalUp);
    const config = loadConfig();
    const stack = await launchLocalStack({
      config,
      fresh: flags.fresh,
      web: flags.web as "dev" | "prod" | "none",
      onStep: (step) => {
        if (this.jsonEnabled()) return;
        if (ux.action.running) ux.action.stop("done");
        ux.action.start(step);
      },
    });
    if (ux.action.running) ux.action.stop("done");
    // The demo passwords are in the owner-only credentials file, never on the terminal.
    const accounts = stack.accounts.map(({ group, email }) => ({ group, email }));
    const summary = {
      status: "running",
      urls: stack.urls,
      accounts,
      dataDir: stack.layout.root,
      logs: stack.layout.logs,
      credentialsFile: stack.layout.credentials,
      exposedListeners: stack.exposed ?? null,
    };
    if (this.jsonEnabled()) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else this.log(renderSummary(stack));
    if (stack.exposed?.length) {
      const { detail, fix } = exposureWarning(stack.exposed, config.host);
      this.warn(`The local stack is ${detail}. To fix: ${fix}.`);
    }

    await new Promise<void>((resolve) => {
      const stop = async () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        if (!this.jsonEnabled()) this.log("\nStopping the local stack…");
        await stack.stop();
        if (!this.jsonEnabled()) this.log("Stopped. Nothing of the stack is listening any more.");
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    // Nothing to return: under --json the one document was printed when the stack was ready.
  }
}

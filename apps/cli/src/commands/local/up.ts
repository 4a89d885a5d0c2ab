import { Flags, ux } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { launchLocalStack } from "../../lib/local-stack/launcher";
import { exposureWarning } from "../../lib/local-stack/listeners";
import { renderSummary } from "../../lib/local-stack/summary";
import type { SupervisorEvent } from "../../lib/local-stack/supervisor";
import { describeSupervisorEvent } from "../../lib/local-stack/supervisor-message";

export default class LocalUp extends BaseCommand {
  static override summary = "Run the whole platform on this machine, against real local servers, with a demo election.";
  static override description =
    "Starts DynamoDB Local, cognito-local, PostgreSQL and a local SES (whose mailbox, in a browser, holds every e-mail sent), provisions them (idempotent), then the vote API, control API, results fan-out, aggregator and both web apps. A service, web app or DynamoDB Local that exits after it started is restarted with back-off (0.5 s doubling to 30 s), as ECS restarts a task, and a line says so (under --json, one JSON line per event after the ready document). Data is kept under .landslide/ (LANDSLIDE_DATA_DIR). Ctrl-C stops everything.";
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --fresh",
    "<%= config.bin %> <%= command.id %> --web prod",
  ];
  static override flags = {
    fresh: Flags.boolean({ description: "delete the local data first and start empty", default: false }),
    web: Flags.string({
      description: "how to run the web apps: next dev, next start on a build, or not at all",
      options: ["dev", "prod", "none"],
      default: "dev",
    }),
    services: Flags.string({
      description:
        "run the services from their TypeScript sources (compiled at start) or from the API's bundle (npm run build -w @landslide/api; npm run dev builds it)",
      options: ["sources", "built"],
      default: "sources",
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(LocalUp);
    const config = loadConfig();
    // Under --json the ready document is the first line; what the supervisor reports before it waits.
    let held: SupervisorEvent[] | undefined = [];
    const report = (event: SupervisorEvent) => {
      if (this.jsonEnabled()) {
        if (held) held.push(event);
        else process.stdout.write(`${JSON.stringify(event)}\n`);
      } else if (ux.action.running) {
        void ux.action.pause(() => this.log(describeSupervisorEvent(event)));
      } else {
        this.log(describeSupervisorEvent(event));
      }
    };
    const stack = await launchLocalStack({
      config,
      fresh: flags.fresh,
      web: flags.web as "dev" | "prod" | "none",
      services: flags.services as "sources" | "built",
      onStep: (step) => {
        if (this.jsonEnabled()) return;
        if (ux.action.running) ux.action.stop("done");
        ux.action.start(step);
      },
      onSupervisorEvent: report,
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
      supervised: stack.supervisor.snapshot(),
    };
    if (this.jsonEnabled()) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else this.log(renderSummary(stack));
    for (const event of held ?? []) process.stdout.write(`${JSON.stringify(event)}\n`);
    held = undefined;
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
    // Nothing to return: under --json the ready document was printed when the stack was ready,
    // and the supervisor's events after it, one JSON line each.
  }
}

import { ux } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { stackLayout } from "../../lib/local-stack/layout";
import { readRunFile } from "../../lib/local-stack/run-file";
import { probeServices, type ServiceProbe } from "../../lib/local-stack/probe";

export default class LocalStatus extends BaseCommand {
  static override summary = "Show whether the local stack runs and whether each service is ready.";
  static override examples = ["<%= config.bin %> <%= command.id %>", "<%= config.bin %> <%= command.id %> --json"];

  async run(): Promise<{ running: boolean; pid?: number; services: ServiceProbe[] }> {
    const config = loadConfig();
    const running = readRunFile(stackLayout(config.dataDir).runFile);
    const services = await probeServices(config);
    if (!this.jsonEnabled()) {
      this.log(running ? `The local stack runs (pid ${running.pid}, since ${running.startedAt}).` : "No local stack is running from this data folder. Start one with 'npm run dev'.");
      ux.stdout(
        services
          .map((s) => `  ${s.service.padEnd(12)} ${s.status.padEnd(11)} ${s.url}${s.failing.length ? `  (failing: ${s.failing.join(", ")})` : ""}`)
          .join("\n"),
      );
    }
    return { running: running !== undefined, ...(running ? { pid: running.pid } : {}), services };
  }
}

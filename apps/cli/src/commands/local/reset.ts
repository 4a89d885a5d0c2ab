import { rmSync } from "node:fs";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { stackLayout } from "../../lib/local-stack/layout";
import { readRunFile } from "../../lib/local-stack/run-file";

export default class LocalReset extends BaseCommand {
  static override summary = "Delete the local data (elections, votes, accounts, logs) so the next start is empty.";
  static override examples = ["<%= config.bin %> <%= command.id %>"];

  async run(): Promise<{ removed: string }> {
    const layout = stackLayout(loadConfig().dataDir);
    const running = readRunFile(layout.runFile);
    if (running)
      this.error(`A local stack is running (pid ${running.pid}): stop it first with 'election local down'.`, {
        exit: 1,
      });
    rmSync(layout.root, { recursive: true, force: true });
    this.log(`Removed ${layout.root}.`);
    return { removed: layout.root };
  }
}

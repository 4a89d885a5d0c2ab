import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { stackLayout } from "../../lib/local-stack/layout";
import { readRunFile } from "../../lib/local-stack/run-file";

export default class LocalDown extends BaseCommand {
  static override summary = "Stop a local stack started by 'npm run dev' or 'election local up' in another terminal.";
  static override examples = ["<%= config.bin %> <%= command.id %>"];

  async run(): Promise<{ stopped: boolean; pid?: number }> {
    const layout = stackLayout(loadConfig().dataDir);
    const running = readRunFile(layout.runFile);
    if (!running) {
      this.log("No local stack is running from this data folder.");
      return { stopped: false };
    }
    process.kill(running.pid, "SIGTERM");
    // The launcher removes its run file once every child has stopped.
    const deadline = Date.now() + 30_000;
    while (readRunFile(layout.runFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const stopped = !readRunFile(layout.runFile);
    if (!stopped) this.error(`The stack (pid ${running.pid}) did not stop within 30 s.`, { exit: 1 });
    this.log(`Stopped the local stack (pid ${running.pid}).`);
    return { stopped, pid: running.pid };
  }
}

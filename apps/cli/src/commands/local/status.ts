import { ux } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { stackLayout } from "../../lib/local-stack/layout";
import { type RunFile, readRunFile } from "../../lib/local-stack/run-file";
import { probeServices, type ServiceProbe } from "../../lib/local-stack/probe";
import { howItEnded } from "../../lib/local-stack/supervisor-message";

type Supervised = NonNullable<RunFile["supervised"]>;

export default class LocalStatus extends BaseCommand {
  static override summary =
    "Show whether the local stack runs, whether each service is ready, and how often each was restarted.";
  static override examples = ["<%= config.bin %> <%= command.id %>", "<%= config.bin %> <%= command.id %> --json"];

  async run(): Promise<{ running: boolean; pid?: number; services: ServiceProbe[]; supervised?: Supervised }> {
    const config = loadConfig();
    const running = readRunFile(stackLayout(config.dataDir).runFile);
    const services = await probeServices(config);
    // Written by the `local up` process, which supervises: absent when no stack runs (or an older one does).
    const supervised = running?.supervised;
    if (!this.jsonEnabled()) {
      this.log(
        running
          ? `The local stack runs (pid ${running.pid}, since ${running.startedAt}).`
          : "No local stack is running from this data folder. Start one with 'npm run dev'.",
      );
      const probed = new Set(services.map((s) => s.service));
      ux.stdout(
        [
          ...services.map(
            (s) =>
              `  ${s.service.padEnd(12)} ${s.status.padEnd(11)} ${s.url}${s.failing.length ? `  (failing: ${s.failing.join(", ")})` : ""}${restarts(supervised?.[s.service])}`,
          ),
          // The web apps have no /readyz: what the supervisor knows of them.
          ...Object.entries(supervised ?? {})
            .filter(([name]) => !probed.has(name))
            .map(
              ([name, s]) => `  ${name.padEnd(12)} ${s.state.padEnd(11)} ${running?.urls[name] ?? ""}${restarts(s)}`,
            ),
        ].join("\n"),
      );
    }
    return {
      running: running !== undefined,
      ...(running ? { pid: running.pid } : {}),
      services,
      ...(supervised ? { supervised } : {}),
    };
  }
}

/** "  restarts: 2 (last: signal SIGKILL at …)", or nothing for a process never restarted. */
function restarts(state: Supervised[string] | undefined): string {
  if (!state?.restarts) return "";
  const last = state.lastExit
    ? ` (last: ${howItEnded(state.lastExit.code, state.lastExit.signal)} at ${state.lastExit.at})`
    : "";
  return `  restarts: ${state.restarts}${last}${state.state === "running" ? "" : `, ${state.state}`}`;
}

import { ux } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../../lib/base-command";
import { stackLayout } from "../../lib/local-stack/layout";
import { answers } from "../../lib/doctor/answers";
import { type RunFile, readRunFile } from "../../lib/local-stack/run-file";
import { probeServices, type ServiceProbe } from "../../lib/local-stack/probe";
import { howItEnded } from "../../lib/local-stack/supervisor-message";

type Supervised = NonNullable<RunFile["supervised"]>;

/** A stand-in for AWS the running stack started, and whether it answers at its address now. */
interface StandIn {
  readonly name: string;
  readonly url: string;
  readonly answers: boolean;
}

/** What each stand-in's address is for, when that is not obvious from its name. */
const standInNotes: Record<string, string> = {
  "ses-local": "the mailbox: every e-mail the services sent, in a browser",
  "s3-local": "the audit archive: sealed epochs and published bundles, under Object Lock",
  "sqs-local": "the aggregator's dead-letter queue (election dead-letters list)",
};

export default class LocalStatus extends BaseCommand {
  static override summary =
    "Show whether the local stack runs, whether each service is ready, and how often each was restarted.";
  static override examples = ["<%= config.bin %> <%= command.id %>", "<%= config.bin %> <%= command.id %> --json"];

  async run(): Promise<{
    running: boolean;
    pid?: number;
    services: ServiceProbe[];
    supervised?: Supervised;
    standIns?: StandIn[];
  }> {
    const config = loadConfig();
    const running = readRunFile(stackLayout(config.dataDir).runFile);
    // Written by the `local up` process, which supervises: absent when no stack runs (or an older one does).
    const supervised = running?.supervised;
    const [services, standIns] = await Promise.all([
      probeServices(config),
      running ? probeStandIns(running) : undefined,
    ]);
    if (!this.jsonEnabled()) {
      this.log(
        running
          ? `The local stack runs (pid ${running.pid}, since ${running.startedAt}).`
          : "No local stack is running from this data folder. Start one with 'npm run dev'.",
      );
      const probed = new Set(services.map((s) => s.service));
      // [name, state, where and what else]: one line each, the names padded to the longest.
      const rows: Array<readonly [string, string, string]> = [
        ...services.map(
          (s) =>
            [
              s.service,
              s.status,
              `${s.url}${s.failing.length ? `  (failing: ${s.failing.join(", ")})` : ""}${restarts(supervised?.[s.service])}`,
            ] as const,
        ),
        // The web apps have no /readyz: what the supervisor knows of them.
        ...Object.entries(supervised ?? {})
          .filter(([name]) => !probed.has(name) && !(standInNames as readonly string[]).includes(name))
          .map(([name, s]) => [name, s.state, `${running?.urls[name] ?? ""}${restarts(s)}`] as const),
        ...(standIns ?? []).map(
          (s) =>
            [
              s.name,
              s.answers ? "answers" : "unreachable",
              `${s.url}${standInNotes[s.name] ? `  (${standInNotes[s.name]})` : ""}${restarts(supervised?.[s.name])}`,
            ] as const,
        ),
      ];
      const width = Math.max(12, ...rows.map(([name]) => name.length));
      ux.stdout(rows.map(([name, state, rest]) => `  ${name.padEnd(width)} ${state.padEnd(11)} ${rest}`).join("\n"));
    }
    return {
      running: running !== undefined,
      ...(running ? { pid: running.pid } : {}),
      services,
      ...(supervised ? { supervised } : {}),
      ...(standIns ? { standIns } : {}),
    };
  }
}

/** The stand-ins for AWS, under the names the launcher gives them in the run file. */
const standInNames = ["dynamodb-local", "cognito-local", "postgres", "ses-local", "s3-local", "sqs-local"] as const;

/** Whether each stand-in the run file lists answers at its address (an older stack lists fewer). */
async function probeStandIns(running: RunFile): Promise<StandIn[]> {
  const listed = standInNames.flatMap((name) => {
    const url = running.urls[name];
    return url ? [{ name, url }] : [];
  });
  return Promise.all(listed.map(async ({ name, url }) => ({ name, url, answers: await answers(url) })));
}

/** "  restarts: 2 (last: signal SIGKILL at …)", or nothing for a process never restarted. */
function restarts(state: Supervised[string] | undefined): string {
  if (!state?.restarts) return "";
  const last = state.lastExit
    ? ` (last: ${howItEnded(state.lastExit.code, state.lastExit.signal)} at ${state.lastExit.at})`
    : "";
  return `  restarts: ${state.restarts}${last}${state.state === "running" ? "" : `, ${state.state}`}`;
}

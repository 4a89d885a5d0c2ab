import { Errors, Flags } from "@oclif/core";
import { BaseCommand } from "../lib/base-command";
import { parseDuration } from "../lib/loadtest/duration";
import { type ChaosReport, renderReport } from "../lib/chaos/report";
import { runChaosDrill } from "../lib/chaos/run-drill";
import { progressBar } from "../lib/progress-bar";
import { EXIT } from "../lib/public-client";
import { withSpinner } from "../lib/spinner";

export default class Chaos extends BaseCommand {
  static override summary =
    "Cast votes while killing services, restarting DynamoDB Local and cutting streams; then prove no acknowledged vote was lost or counted twice.";
  static override description = [
    "A drill to run before an election. It starts a local stack of its own ('election local up --web none' on a new folder and free ports: your 'npm run dev' stack and its data are never touched), creates and opens an election there, and casts --votes ballots through the SDK as 'election loadtest' does, one per simulated voter, keeping every receipt the API acknowledged. The voters are imported into the drill's user pool in one write, as Cognito's user import does (cognito-local is restarted to read them), and each signs in with a refresh token of its own: real tokens, from cognito-local.",
    "While the votes are cast it injects faults on a schedule spread over the run, each after the previous one recovered: kill -9 of the vote API, the aggregator and the results service, each --kills-per-service times (the supervisor restarts them); DynamoDB Local stopped and started again on the same files and port; the sockets of a few live-results watchers (SSE) dropped mid-stream; the aggregator frozen (SIGSTOP) for --pause, then let go. The load lasts as long as the faults need (about two minutes for two kills each), or longer at most --rate casts a second. A cast caught by an outage is sent again by the SDK with the same idempotency key; one that still fails gets no receipt, which is allowed.",
    "Then it proves: every acknowledged receipt's vote is stored; the live tally, the recount and the stored votes agree on every counter; no voter is counted twice; the audit chain verifies as 'election audit verify' verifies it (the election is closed for that); and the live results show the full count within --converge-within of the last fault. It prints each fault with its time and recovery time, and each invariant with PASS or FAIL and its figures (--json: the same as one document), and exits 1 if a fault did not recover or an invariant failed. The drill's folder is removed afterwards, or kept (with the services' logs) when something failed or --data-dir named it.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> --votes 2000",
    "<%= config.bin %> <%= command.id %> --votes 300 --kills-per-service 2 --json",
    "<%= config.bin %> <%= command.id %> --votes 20000 --rate 200 --data-dir /tmp/chaos-drill",
  ];
  static override flags = {
    votes: Flags.integer({
      char: "n",
      description: "ballots to cast, one per simulated voter",
      default: 1000,
      min: 1,
      max: 100_000,
    }),
    "kills-per-service": Flags.integer({
      char: "k",
      description: "how often each of the vote API, the aggregator and the results service is killed",
      default: 2,
      min: 1,
      max: 10,
    }),
    rate: Flags.integer({ char: "r", description: "casts per second at most", default: 100, min: 1, max: 10_000 }),
    watchers: Flags.integer({ description: "live-results watchers (SSE) kept open", default: 3, min: 1, max: 50 }),
    pause: Flags.string({ description: "how long the aggregator is frozen: 5s, 1500ms", default: "5s" }),
    "converge-within": Flags.string({
      description:
        "the bound on the time the live results take to show the full count after the last fault and the last cast",
      default: "30s",
    }),
    services: Flags.string({
      description:
        "run the services from the API's bundle (as npm run dev does; build it first: npm run build -w @landslide/api) or from their TypeScript sources (each restart then compiles them again)",
      options: ["built", "sources"],
      default: "built",
    }),
    "data-dir": Flags.directory({
      description: "the folder of the drill's stack (kept afterwards); default: a new temporary folder",
    }),
    "keep-data": Flags.boolean({
      description: "keep the drill's folder (its data and logs) even when everything held",
      default: false,
    }),
    "prepare-concurrency": Flags.integer({
      description: "voters prepared at once before the clock starts",
      default: 16,
      min: 1,
      max: 256,
    }),
  };

  async run(): Promise<ChaosReport> {
    const { flags } = await this.parse(Chaos);
    const pauseMs = duration("--pause", flags.pause);
    const convergeWithinMs = duration("--converge-within", flags["converge-within"]);
    const quiet = this.jsonEnabled();
    const report = await runChaosDrill(
      {
        votes: flags.votes,
        killsPerService: flags["kills-per-service"],
        maxRate: flags.rate,
        watchers: flags.watchers,
        pauseMs,
        convergeWithinMs,
        dataDir: flags["data-dir"],
        keepData: flags["keep-data"],
        services: flags.services as "built" | "sources",
        prepareConcurrency: flags["prepare-concurrency"],
        maxInFlight: 256,
        inherit: process.env,
      },
      {
        step: (doing, work) => (quiet ? work() : withSpinner(doing, work)),
        progress: (what, total) => (quiet ? undefined : progressBar(what, total)),
      },
    );
    if (!quiet) this.log(renderReport(report));
    if (!report.ok) process.exitCode = EXIT.failed;
    return report;
  }
}

function duration(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new Errors.CLIError(`${flag} ${text} is not a duration: write 30s, 1m or 1500ms.`, { exit: EXIT.usage });
  return ms;
}

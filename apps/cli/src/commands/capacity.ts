import { readFile } from "node:fs/promises";
import { Errors, Flags } from "@oclif/core";
import { BaseCommand } from "../lib/base-command";
import { CEILING_IDS } from "../lib/capacity/ceilings";
import { FIGURES, type FigureName } from "../lib/capacity/figures";
import { parseCapacityInputs, SETTABLE } from "../lib/capacity/inputs";
import { loadtestFigure } from "../lib/capacity/loadtest-report";
import { PRICE_IDS, PRICE_LIST } from "../lib/capacity/prices";
import { renderCapacity } from "../lib/capacity/render";
import { type CapacityReport, capacityReport, type PerTaskSource, perTaskFromFlags } from "../lib/capacity/report";
import { EXIT } from "../lib/public-client";

/** A figure's flag: its default and where that comes from, in the help. */
const figureFlag = (name: FigureName, what: string) =>
  Flags.string({
    description: `${what} [default: ${FIGURES[name].value.toLocaleString("en-US")}: ${FIGURES[name].source}]`,
  });

export default class Capacity extends BaseCommand {
  static override summary =
    "Model the capacity the peak needs from the measured per-task cost: tasks, DynamoDB units, live-results fan-out, cost, and what breaks first.";
  static override description = [
    "Offline arithmetic, no AWS account needed. From the target (--voters, --peak-rps), the turnout and shape of the polling day, and the measured cost of a cast per vote-API task (the project's benchmark by default, or a load-test report with --from), it works out: vote-API tasks and vCPU at peak with a zone lost and a ceiling margin; results tasks for the live-results watchers; the aggregator's records per second; DynamoDB write and read units, partitions, warm throughput and replicated writes for the votes, tallies and election-copy tables; the SSE frames and bytes going out; the cost of an election day and a month of idle baseline at list prices; and every ceiling (AWS quotas, our own settings, DynamoDB partitions, the design) ranked by the load at which it breaks.",
    "Every default figure comes from a measurement, a setting in the code or infra/, a published quota, or a stated assumption; docs/capacity.md lists each with its source and gives the formulas. Numbers may be written 300000000, 300_000_000 or 3e8.",
    `Any figure can be set with --set <figure>=<value> (the figures: ${SETTABLE.join(", ")}); a ceiling with --limit <id>=<value>, e.g. after a quota increase (the ceilings: ${CEILING_IDS.join(", ")}); a unit price in USD with --price <id>=<usd> (the prices, ${PRICE_LIST.region} list prices taken ${PRICE_LIST.takenOn}: ${PRICE_IDS.join(", ")}).`,
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --voters 50_000_000 --peak-rps 60_000 --regions 2",
    "<%= config.bin %> <%= command.id %> --from loadtest-staging.json --loadtest-tasks 4 --json",
    "<%= config.bin %> <%= command.id %> --limit fargate-vcpu=4000 --limit table-write-units=200000 --price fargate-vcpu=0.0404",
  ];
  static override flags = {
    from: Flags.string({
      description:
        "a report 'election loadtest --json' wrote: its casts answered per second, over --loadtest-tasks, is the per-task cost",
      exclusive: ["casts-per-task-second"],
    }),
    "loadtest-tasks": Flags.string({
      description: "how many vote-API tasks served the load test of --from [default: 1, the local stack's]",
      dependsOn: ["from"],
    }),
    "casts-per-task-second": figureFlag("castsPerTaskSecond", "casts per second one vote-API task answers at full CPU"),
    voters: figureFlag("voters", "registered voters"),
    "peak-rps": figureFlag("peakRps", "vote-API requests per second at the peak"),
    "requests-per-cast": figureFlag("requestsPerCast", "vote-API requests per cast"),
    turnout: figureFlag("turnout", "the share of voters who cast, from 0 to 1"),
    "peak-to-mean": figureFlag("peakToMean", "the busiest second's cast rate over the polling day's mean"),
    watchers: Flags.string({
      description: `concurrent live-results (SSE) watchers at the busiest moment [default: ${FIGURES.watcherShare.value * 100} % of --voters: ${FIGURES.watcherShare.source}]`,
    }),
    "watchers-per-task": figureFlag("watchersPerTask", "SSE watchers one results process holds"),
    regions: figureFlag("regions", "Regions holding a replica of the votes table"),
    "vote-item-bytes": figureFlag("voteItemBytes", "the size of a vote item as DynamoDB counts it"),
    "tally-shards": figureFlag("tallyShards", "tally counter shards per election (LANDSLIDE_TALLY_SHARDS)"),
    set: Flags.string({ description: "any other figure: <figure>=<value>, e.g. polling-hours=14", multiple: true }),
    limit: Flags.string({ description: "a ceiling: <id>=<value>, e.g. fargate-vcpu=4000", multiple: true }),
    price: Flags.string({ description: "a unit price in USD: <id>=<usd>, e.g. transfer-out=0.02", multiple: true }),
  };

  async run(): Promise<CapacityReport> {
    const { flags } = await this.parse(Capacity);
    const { perTask, castsPerTaskSecond } = flags.from
      ? await this.fromLoadtest(flags.from, flags["loadtest-tasks"])
      : {
          perTask: perTaskFromFlags(
            flags["casts-per-task-second"] !== undefined ||
              (flags.set ?? []).some((s) => s.trim().startsWith("casts-per-task-second=")),
          ),
          castsPerTaskSecond: flags["casts-per-task-second"],
        };
    const parsed = parseCapacityInputs({
      figures: {
        castsPerTaskSecond,
        voters: flags.voters,
        peakRps: flags["peak-rps"],
        requestsPerCast: flags["requests-per-cast"],
        turnout: flags.turnout,
        peakToMean: flags["peak-to-mean"],
        watchers: flags.watchers,
        watchersPerTask: flags["watchers-per-task"],
        regions: flags.regions,
        voteItemBytes: flags["vote-item-bytes"],
        tallyShards: flags["tally-shards"],
      },
      sets: flags.set,
      limits: flags.limit,
      prices: flags.price,
    });
    if (!parsed.ok) throw usage(parsed.problems);
    const report = capacityReport(parsed.value, perTask);
    if (!this.jsonEnabled()) this.log(renderCapacity(report));
    return report;
  }

  private async fromLoadtest(
    file: string,
    tasks: string | undefined,
  ): Promise<{ perTask: PerTaskSource; castsPerTaskSecond: number }> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      throw usage([
        `Cannot read the load-test report ${file}: ${missing ? "there is no such file" : (error as Error).message}.`,
      ]);
    }
    const figure = loadtestFigure(text, file, tasks ?? 1);
    if (!figure.ok) throw usage(figure.problems);
    return {
      perTask: { kind: "loadtest", note: figure.value.note, loadtest: figure.value },
      castsPerTaskSecond: figure.value.castsPerTaskSecond,
    };
  }
}

const usage = (problems: readonly string[]) =>
  new Errors.CLIError(problems.length === 1 ? problems[0]! : problems.map((p) => `- ${p}`).join("\n"), {
    exit: EXIT.usage,
  });

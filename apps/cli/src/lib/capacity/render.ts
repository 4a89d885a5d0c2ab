import { facts, table } from "../format";
import type { RankedLimit } from "./limits";
import type { CapacityReport } from "./report";

/** `election capacity` for people: the peak, the fleet, DynamoDB, the fan-out, the cost, then what breaks first. */

const number = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const whole = (n: number) => number(Math.ceil(n));
/** 3, 0.65, 3.33: as many decimals as it has, up to two. */
const decimal = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
const usd = (n: number) => `$${number(n, n < 100 ? 2 : 0)}`;
const bytes = (n: number) =>
  n >= 1024 ** 3
    ? `${number(n / 1024 ** 3, 1)} GB`
    : n >= 1024 ** 2
      ? `${number(n / 1024 ** 2, 1)} MB`
      : `${number(n)} B`;
const load = (limit: RankedLimit) => {
  if (!limit.hitsAt) return "never (up to 10⁶×)";
  if (limit.hitsAt.load === 0) return "already with no load";
  return `${number(limit.hitsAt.requestsPerSecond)} req/s (${decimal(limit.hitsAt.load)}×)`;
};

export function renderCapacity(report: CapacityReport): string {
  const { model: m, inputs, cost, limits } = report;
  const sections: string[] = [];
  /** A heading and its lines, indented under it; sections are a blank line apart. */
  const section = (heading: string, ...lines: string[]) => sections.push([heading, ...lines].join("\n"));

  section(
    `Capacity for ${number(inputs.voters)} voters at ${number(inputs.peakRps)} vote-API requests/s, ${number(m.fanOut.watchers)} live-results watchers`,
    facts(
      [
        [
          "per-task cost",
          `${number(report.perTask.castsPerTaskSecond, report.perTask.castsPerTaskSecond < 100 ? 1 : 0)} casts/s per vote-API task at full CPU (${report.perTask.note})`,
        ],
        [
          "peak",
          `${whole(m.peak.castsPerSecond)} casts/s = ${whole(m.peak.requestsPerSecond)} requests/s, set by ${m.peak.setBy === "peak-rps" ? `--peak-rps ÷ ${decimal(inputs.requestsPerCast)} requests per cast` : "the turnout shape"}`,
        ],
        [
          "turnout shape",
          `${number(m.peak.totalCasts)} casts (${decimal(inputs.turnout * 100)} % turnout) over ${decimal(inputs.pollingHours)} h: mean ${whole(m.peak.meanCastsPerSecond)} casts/s, × ${decimal(inputs.peakToMean)} at the busiest = ${whole(m.peak.castsPerSecondFromTurnout)} casts/s`,
        ],
      ],
      "  ",
    ),
  );

  section(
    "Tasks at peak",
    table(
      [
        {
          service: "vote API",
          tasks: `${number(m.voteApi.tasksAtPeak)} / ${number(m.voteApi.tasksWithZoneLost)} / ${number(m.voteApi.maxTasks)}`,
          vcpu: m.voteApi.vcpu,
          memory: m.voteApi.memoryGb,
          sizing: `${whole(m.voteApi.requestsPerTaskAtTarget)} req/s per task at ${number(inputs.targetCpu * 100)} % CPU; peak / one zone of ${inputs.zones} lost / +${number(inputs.ceilingMargin * 100)} % ceiling`,
        },
        {
          service: "results",
          tasks: number(m.results.tasks),
          vcpu: m.results.vcpu,
          memory: m.results.memoryGb,
          sizing: `${number(inputs.watchersPerTask)} watchers per task (${number(m.results.watcherMemoryPerTaskMb)} MB at ${number(inputs.watcherKb)} KB each), one zone lost`,
        },
        {
          service: "others",
          tasks: "maxTasks",
          vcpu: inputs.otherServicesVcpu,
          memory: inputs.otherServicesMemoryGb,
          sizing: "control API, aggregator, voter site, console (infra/lib/parameters.ts)",
        },
      ],
      [
        { header: "SERVICE", value: (r) => r.service },
        { header: "TASKS", value: (r) => r.tasks, align: "right" },
        { header: "VCPU", value: (r) => number(r.vcpu, Number.isInteger(r.vcpu) ? 0 : 1), align: "right" },
        { header: "GB", value: (r) => number(r.memory), align: "right" },
        { header: "SIZED BY", value: (r) => r.sizing },
      ],
      "  ",
    ),
    `  Fargate at peak: ${number(m.fargate.vcpu, Number.isInteger(m.fargate.vcpu) ? 0 : 1)} vCPU.`,
  );

  section(
    `DynamoDB at peak (per Region; the votes table in ${inputs.regions} ${inputs.regions === 1 ? "Region" : "Regions"})`,
    table(
      [
        {
          table: "votes",
          writes: m.votes.writeUnitsPerSecond,
          reads: m.votes.readUnitsPerSecond,
          partitions: number(m.votes.partitions.needed),
          note: `${number(m.votes.itemBytes)} B items: ${m.votes.writeUnitsPerPut} WCU per put, ${m.votes.readUnitsPerRead} RCU per read; +${whole(m.votes.replicatedWriteUnitsPerExtraRegion)} replicated WCU in each other Region; ${number(m.votes.storageGb)} GB`,
        },
        {
          table: "tallies",
          writes: m.tallies.writeUnitsPerSecond,
          reads: m.tallies.readUnitsPerSecond,
          partitions: `${number(m.tallies.shardsNeeded)} of ${number(m.tallies.shards)} shards`,
          note: `per shard ${whole(m.tallies.writeUnitsPerShard)} WCU, ${whole(m.tallies.readUnitsPerShard)} RCU; ${number(m.tallies.counters)} counters, ${number(inputs.aggregatorBatchRecords)} records per transaction`,
        },
        {
          table: "elections",
          writes: 0,
          reads: m.elections.readUnitsPerSecond,
          partitions: "1 item",
          note: `${number(m.elections.itemBytes)} B copy, ${m.elections.readUnitsPerRead} RCU, read by ${number(m.elections.readers)} tasks every ${number(inputs.electionRefreshMs)} ms`,
        },
      ],
      [
        { header: "TABLE", value: (r) => r.table },
        { header: "WCU/S", value: (r) => whole(r.writes), align: "right" },
        { header: "RCU/S", value: (r) => whole(r.reads), align: "right" },
        { header: "PARTITIONS", value: (r) => r.partitions, align: "right" },
        { header: "FROM", value: (r) => r.note },
      ],
      "  ",
    ),
    `  Partitions: 1,000 WCU and 3,000 RCU each; votes need ${number(m.votes.partitions.forWrites)} for writes, ${number(m.votes.partitions.forReads)} for reads, ${number(m.votes.partitions.forStorage)} for storage. Warm throughput ${m.votes.warmThroughputNeeded ? "needed" : "not needed"}.`,
  );

  section(
    "Live results and the aggregator",
    facts(
      [
        [
          "SSE fan-out",
          `${number(m.fanOut.watchers)} watchers × ${number(m.fanOut.framesPerSecondPerWatcher, 2)} frames/s × ${number(m.fanOut.frameBytes)} B = ${whole(m.fanOut.framesPerSecond)} frames/s, ${bytes(m.fanOut.bytesPerSecond)}/s (${number(m.fanOut.gigabitsPerSecond, 1)} Gbit/s) out`,
        ],
        [
          "aggregator",
          `${whole(m.aggregator.recordsPerSecond)} change records/s in ${decimal(m.aggregator.batchesPerSecond)} batches/s to keep up (it manages at most ${number(inputs.ceilings["aggregator-records"])}/s)`,
        ],
      ],
      "  ",
    ),
  );

  const prices = cost.priceList;
  section(
    `Cost: an election day and a month of idle baseline (list prices, ${prices.region}, taken ${prices.takenOn}${prices.overridden.length ? `; ${prices.overridden.join(", ")} from --price` : ""})`,
    table(
      cost.lines,
      [
        { header: "PART", value: (l) => l.part },
        { header: "ITEM", value: (l) => l.item },
        { header: "QUANTITY", value: (l) => number(l.quantity, l.quantity < 10 ? 2 : 0), align: "right" },
        { header: "UNIT", value: (l) => l.unit },
        { header: "PRICE", value: (l) => `$${prices.prices[l.price].usd}`, align: "right" },
        { header: "USD", value: (l) => usd(l.usd), align: "right" },
      ],
      "  ",
    ),
    `  Election day ${usd(cost.electionDayUsd)} + month ${usd(cost.monthUsd)} = ${usd(cost.totalUsd)}.`,
    ...cost.assumptions.map((assumption) => `  - ${assumption}`),
  );

  section(
    "What breaks first as the load grows",
    table(
      limits.ranked.map((limit, i) => ({ limit, rank: i + 1 })),
      [
        { header: "#", value: (r) => r.rank, align: "right" },
        { header: "LIMIT", value: (r) => r.limit.name },
        { header: "KIND", value: (r) => r.limit.kind },
        { header: "CEILING", value: (r) => number(r.limit.ceiling.value), align: "right" },
        { header: "AT TARGET", value: (r) => whole(r.limit.usage), align: "right" },
        { header: "BREAKS AT", value: (r) => load(r.limit) },
      ],
      "  ",
    ),
    `  First: ${sentence(limits.first)}`,
    ...(limits.firstDesign && limits.firstDesign !== limits.first
      ? [`  First that needs a change of the code: ${sentence(limits.firstDesign)}`]
      : []),
  );

  if (report.notes.length > 0) section("Notes", ...report.notes.map((note) => `  - ${note}`));
  return sections.join("\n\n");
}

function sentence(limit: RankedLimit): string {
  const at = limit.hitsAt;
  const where = !at
    ? "never, up to a million times the target"
    : at.load === 0
      ? "with no load at all"
      : `at ${number(at.requestsPerSecond)} requests/s (${number(at.castsPerSecond)} casts/s, ${number(at.watchers)} watchers), ${decimal(at.load)}× the target`;
  return `${limit.name}, ${number(limit.ceiling.value)} ${limit.ceiling.unit}, ${where}. ${limit.fix}`;
}

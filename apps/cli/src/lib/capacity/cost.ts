import { HOURS_PER_MONTH } from "./figures";
import type { CapacityInputs } from "./inputs";
import type { CapacityModel } from "./model";
import type { PriceId } from "./prices";

/**
 * What a month with one election day costs, line by line: the election day's peak hours (the
 * scaled-out fleet, every vote's writes and reads, the live-results egress) and a month of the idle
 * baseline (the fleet's minimum tasks, the votes' storage). Unit prices come from prices.ts or
 * --price. What is left out is listed in COST_ASSUMPTIONS.
 */

export interface CostLine {
  readonly part: "election day" | "month";
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly price: PriceId;
  /** quantity × unit price. */
  readonly usd: number;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly electionDayUsd: number;
  readonly monthUsd: number;
  readonly totalUsd: number;
}

export const COST_ASSUMPTIONS = [
  "On-demand list prices, no Savings Plans or commitments; data transfer at the first 10 TB tier throughout (an upper bound).",
  "Election day: the vote API runs its tasks with one zone lost, and the other services their maxTasks, for --peak-hours; results tasks for --watch-hours; every vote is written once per Region, read once (its receipt), and counted by the aggregator.",
  "The month: the services' minTasks for 730 hours, and the votes' storage in every Region (100 bytes of DynamoDB overhead per item).",
  "Not counted: CloudFront and WAF requests, Bot Control, load balancer LCUs, NAT and VPC endpoints, Cognito's monthly active users, Aurora, CloudWatch, S3 audit archive, point-in-time recovery, stream reads.",
] as const;

export function costEstimate(inputs: CapacityInputs, model: CapacityModel): CostEstimate {
  const p = inputs.prices;
  const line = (part: CostLine["part"], item: string, quantity: number, unit: string, price: PriceId): CostLine => ({
    part,
    item,
    quantity,
    unit,
    price,
    usd: quantity * p[price],
  });
  const { peakHours, watchHours } = inputs;
  const casts = model.peak.totalCasts;
  const electionReadsPerTaskSecond = (1000 / inputs.electionRefreshMs) * model.elections.readUnitsPerRead;
  const writesPerBatch = inputs.tallyCounters * 2 + 2;

  const lines: CostLine[] = [
    line(
      "election day",
      "vote API tasks, vCPU",
      model.voteApi.tasksWithZoneLost * inputs.taskVcpu * peakHours,
      "vCPU-hours",
      "fargate-vcpu",
    ),
    line(
      "election day",
      "vote API tasks, memory",
      model.voteApi.tasksWithZoneLost * inputs.taskMemoryGb * peakHours,
      "GB-hours",
      "fargate-memory",
    ),
    line(
      "election day",
      "results tasks, vCPU",
      model.results.tasks * inputs.resultsTaskVcpu * watchHours,
      "vCPU-hours",
      "fargate-vcpu",
    ),
    line(
      "election day",
      "results tasks, memory",
      model.results.tasks * inputs.resultsTaskMemoryGb * watchHours,
      "GB-hours",
      "fargate-memory",
    ),
    line("election day", "other services, vCPU", inputs.otherServicesVcpu * peakHours, "vCPU-hours", "fargate-vcpu"),
    line(
      "election day",
      "other services, memory",
      inputs.otherServicesMemoryGb * peakHours,
      "GB-hours",
      "fargate-memory",
    ),
    line(
      "election day",
      "votes: conditional puts",
      (casts * model.votes.writeUnitsPerPut) / 1e6,
      "million write units",
      "dynamodb-write",
    ),
    line(
      "election day",
      `votes: replicated to ${inputs.regions - 1} more ${inputs.regions - 1 === 1 ? "Region" : "Regions"}`,
      (casts * model.votes.writeUnitsPerPut * (inputs.regions - 1)) / 1e6,
      "million replicated write units",
      "dynamodb-replicated-write",
    ),
    line(
      "election day",
      "votes: receipt reads",
      (casts * inputs.readsPerCast * model.votes.readUnitsPerRead) / 1e6,
      "million read units",
      "dynamodb-read",
    ),
    line(
      "election day",
      "tallies: aggregator transactions",
      ((casts / inputs.aggregatorBatchRecords) * writesPerBatch) / 1e6,
      "million write units",
      "dynamodb-write",
    ),
    line(
      "election day",
      "tallies: results tasks' reads",
      (model.tallies.readUnitsPerSecond * watchHours * 3600) / 1e6,
      "million read units",
      "dynamodb-read",
    ),
    line(
      "election day",
      "election copy: every task's refresh",
      ((model.voteApi.tasksWithZoneLost * peakHours + model.results.tasks * watchHours) *
        3600 *
        electionReadsPerTaskSecond) /
        1e6,
      "million read units",
      "dynamodb-read",
    ),
    line(
      "election day",
      "live results: SSE frames out",
      (model.fanOut.bytesPerSecond * watchHours * 3600) / 1024 ** 3,
      "GB",
      "transfer-out",
    ),
    line("month", "idle fleet (minTasks), vCPU", inputs.baselineVcpu * HOURS_PER_MONTH, "vCPU-hours", "fargate-vcpu"),
    line(
      "month",
      "idle fleet (minTasks), memory",
      inputs.baselineMemoryGb * HOURS_PER_MONTH,
      "GB-hours",
      "fargate-memory",
    ),
    line(
      "month",
      `votes stored in ${inputs.regions} ${inputs.regions === 1 ? "Region" : "Regions"}`,
      model.votes.storageGb * inputs.regions,
      "GB-months",
      "dynamodb-storage",
    ),
  ];
  const sum = (part: CostLine["part"]) => lines.filter((l) => l.part === part).reduce((usd, l) => usd + l.usd, 0);
  const electionDayUsd = sum("election day");
  const monthUsd = sum("month");
  return { lines, electionDayUsd, monthUsd, totalUsd: electionDayUsd + monthUsd };
}

/**
 * Every default figure the capacity model starts from, with where it comes from: a measurement in
 * this repository, a setting in the code or in infra/, a published AWS quota, or an assumption
 * (said so). `election capacity` takes each one as a flag; docs/capacity.md lists them.
 */

export interface Figure {
  readonly value: number;
  readonly unit: string;
  /** A measurement, a setting or an assumption, and where it is written. */
  readonly source: string;
}

export const FIGURES = {
  // --- The target (the design brief) ------------------------------------------------------------
  voters: {
    value: 300_000_000,
    unit: "registered voters",
    source: "the design target (ARCHITECTURE.md)",
  },
  peakRps: {
    value: 240_000,
    unit: "vote-API requests/s",
    source: "the design target (ARCHITECTURE.md); the vote API's requests at the busiest second",
  },
  requestsPerCast: {
    value: 3,
    unit: "vote-API requests per cast",
    source:
      "the voter site's cast: the receipt look-up when the ballot page opens (voter.myReceipt), the human check's challenge, the cast itself; infra/lib/parameters.ts: 'about a third are casts'",
  },

  // --- The turnout and peak shape (assumptions) ------------------------------------------------
  turnout: {
    value: 0.65,
    unit: "share of registered voters who cast",
    source: "assumption: a high national turnout",
  },
  pollingHours: {
    value: 12,
    unit: "hours polls are open",
    source: "assumption: one polling day",
  },
  peakToMean: {
    value: 4,
    unit: "busiest second ÷ the day's mean cast rate",
    source: "assumption: the opening and closing surges of a polling day",
  },
  peakHours: {
    value: 4,
    unit: "hours at peak size on election day",
    source: "assumption: the fleet stays scaled out for the morning and evening surges (costed)",
  },
  watcherShare: {
    value: 0.01,
    unit: "share of registered voters watching live results at once",
    source: "assumption: 1 % of the roll on the results page at the busiest moment of election night",
  },
  watchHours: {
    value: 4,
    unit: "hours watchers stay connected",
    source: "assumption: election night (costed)",
  },

  // --- The vote API ------------------------------------------------------------------------------
  castsPerTaskSecond: {
    value: 650,
    unit: "casts/s per vote-API task at full CPU",
    source:
      "measured: `npm run bench:ceiling -w packages/api`, 2026-12-02 (docs/performance.md): one vote-API process answers 650–723 casts per CPU-second of its own process; the low end, and one Node process per task keeps about one vCPU busy",
  },
  otherRequestCost: {
    value: 1,
    unit: "CPU of a request that is not a cast ÷ a cast's",
    source: "the runbook's assumption (docs/operations.md §5): every request costs a cast; an upper bound",
  },
  taskVcpu: { value: 2, unit: "vCPU per vote-API task", source: "infra/lib/parameters.ts: voteApi 2vCPU-4GB" },
  taskMemoryGb: { value: 4, unit: "GB per vote-API task", source: "infra/lib/parameters.ts: voteApi 2vCPU-4GB" },
  targetCpu: {
    value: 0.6,
    unit: "CPU the autoscaling holds",
    source: "infra/lib/parameters.ts: targetCpuPercent 60 (a burst lands on headroom, not on a queue)",
  },
  zones: {
    value: 3,
    unit: "availability zones",
    source: "docs/operations.md §5: the tasks must carry the peak with one zone of three lost",
  },
  ceilingMargin: {
    value: 0.2,
    unit: "margin of maxTasks over the tasks needed",
    source: "docs/operations.md §5: 20 % so scaling never hits its ceiling first",
  },

  // --- Live results ------------------------------------------------------------------------------
  watchersPerTask: {
    value: 10_000,
    unit: "SSE watchers per results process",
    source: "measured: `npm run bench:sse` (docs/performance.md): 10,000 watchers held in one process, 11.3 KB each",
  },
  watcherKb: {
    value: 20,
    unit: "KB of memory per watcher",
    source: "docs/performance.md: the aim, ≤ 20 KB per watcher (measured 11.3–12.4 KB)",
  },
  resultsTaskVcpu: { value: 1, unit: "vCPU per results task", source: "infra/lib/parameters.ts: results 1vCPU-2GB" },
  resultsTaskMemoryGb: {
    value: 2,
    unit: "GB per results task",
    source: "infra/lib/parameters.ts: results 1vCPU-2GB",
  },
  snapshotIntervalMs: {
    value: 300,
    unit: "ms between reads of the tallies per results process",
    source: "packages/api/src/results/live-results.ts (intervalMs): at most one new snapshot per interval",
  },
  frameBytes: {
    value: 1_248,
    unit: "bytes per SSE frame",
    source:
      "measured: the demo election's snapshot frame (3 questions, 11 options) with counts in the millions, as sse-frames.ts writes it",
  },

  // --- DynamoDB ----------------------------------------------------------------------------------
  voteItemBytes: {
    value: 1_019,
    unit: "bytes per vote item",
    source:
      "measured: toVoteItem (vote-item.ts) of a cast in the demo election with a request id and review evidence, sized as DynamoDB counts (attribute names + values); 5 bytes under 1 KB",
  },
  readsPerCast: {
    value: 1,
    unit: "strongly consistent vote reads per cast",
    source: "voter.myReceipt (packages/api/src/router/voter.ts), read when the ballot page opens",
  },
  regions: {
    value: 3,
    unit: "Regions holding a replica of the votes table",
    source:
      "multi-Region strong consistency needs three Regions; a witness holds no replica, so count it out (--regions 2)",
  },
  electionItemBytes: {
    value: 4_148,
    unit: "bytes per election copy",
    source: "measured: the demo election's data-plane copy (election-copies.ts): just over 4 KB, so 2 read units",
  },
  electionRefreshMs: {
    value: 300,
    unit: "ms between reads of an election's copy per task",
    source:
      "packages/api/src/app-services.ts: ELECTION_REFRESH_MS, strongly consistent, by every vote-API and results task",
  },
  tallyCounters: {
    value: 17,
    unit: "counters per election",
    source: "the demo election: 11 options, 3 abstentions, turnout, quarantined, version (tally/counter-keys.ts)",
  },
  tallyShards: {
    value: 8,
    unit: "counter shards per election",
    source: "LANDSLIDE_TALLY_SHARDS' default (packages/config/src/schema.ts)",
  },
  aggregatorBatchRecords: {
    value: 500,
    unit: "change records per aggregator batch",
    source:
      "stream-aggregator.ts: GetRecords Limit 500; at peak every read returns a full page, and 17 counters fit one transaction",
  },

  // --- The rest of the fleet (infra/lib/parameters.ts, prod) -------------------------------------
  otherServicesVcpu: {
    value: 136,
    unit: "vCPU of the other services at their maxTasks",
    source: "infra/lib/parameters.ts: control API 10 × 1, aggregator 4 × 1, voter site 120 × 1, console 4 × 0.5",
  },
  otherServicesMemoryGb: {
    value: 272,
    unit: "GB of the other services at their maxTasks",
    source: "infra/lib/parameters.ts: control API 10 × 2, aggregator 4 × 2, voter site 120 × 2, console 4 × 1",
  },
  baselineVcpu: {
    value: 134,
    unit: "vCPU running on an idle day",
    source:
      "infra/lib/parameters.ts minTasks: vote API 60 × 2, control API 2 × 1, results 3 × 1, aggregator 2 × 1, voter site 6 × 1, console 2 × 0.5",
  },
  baselineMemoryGb: {
    value: 268,
    unit: "GB running on an idle day",
    source:
      "infra/lib/parameters.ts minTasks: vote API 60 × 4, control API 2 × 2, results 3 × 2, aggregator 2 × 2, voter site 6 × 2, console 2 × 1",
  },
} as const satisfies Record<string, Figure>;

export type FigureName = keyof typeof FIGURES;

/** The bytes DynamoDB adds to every item for storage (its indexing), per its pricing page. */
export const ITEM_STORAGE_OVERHEAD_BYTES = 100;
/** A tally counter item: pk TALLY#<election>#<shard>, sk <question>#<option>, n. An estimate, for read units. */
export const TALLY_ITEM_BYTES = 80;
/** DynamoDB's units, in its own binary kilobytes. */
export const WRITE_UNIT_BYTES = 1024;
export const READ_UNIT_BYTES = 4096;
/** A partition holds 10 GB. */
export const PARTITION_BYTES = 10 * 1024 ** 3;
/** A new on-demand table serves this much at once; beyond it, warm throughput or twice a previous peak. */
export const NEW_TABLE_WARM = { writeUnitsPerSecond: 4_000, readUnitsPerSecond: 12_000 } as const;
export const HOURS_PER_MONTH = 730;

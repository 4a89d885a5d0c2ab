import {
  ITEM_STORAGE_OVERHEAD_BYTES,
  NEW_TABLE_WARM,
  PARTITION_BYTES,
  READ_UNIT_BYTES,
  TALLY_ITEM_BYTES,
  WRITE_UNIT_BYTES,
} from "./figures";
import type { CapacityInputs } from "./inputs";

/**
 * The capacity model: from the target (voters, peak requests), the measured per-task cost and the
 * shape of the day, what the peak needs — tasks, DynamoDB units and partitions, the live-results
 * fan-out and the aggregator's throughput. Pure arithmetic; each formula is written beside its
 * field and in docs/capacity.md. Costs are in cost.ts, the ceilings' ranking in limits.ts.
 */

export interface CapacityModel {
  readonly peak: {
    /** Casts per second at the busiest second: the larger of the two below. */
    readonly castsPerSecond: number;
    readonly requestsPerSecond: number;
    /** Which target sets the peak. */
    readonly setBy: "peak-rps" | "turnout";
    /** peakRps ÷ requestsPerCast. */
    readonly castsPerSecondFromPeakRps: number;
    /** voters × turnout ÷ (pollingHours × 3600) × peakToMean. */
    readonly castsPerSecondFromTurnout: number;
    /** The polling day's mean: voters × turnout ÷ (pollingHours × 3600). */
    readonly meanCastsPerSecond: number;
    /** voters × turnout. */
    readonly totalCasts: number;
  };
  readonly voteApi: {
    /** What one task serves at full CPU: castsPerTaskSecond ÷ (share of casts + share of others × their cost). */
    readonly requestsPerTaskSecond: number;
    /** … at the CPU the autoscaling holds. */
    readonly requestsPerTaskAtTarget: number;
    /** ⌈requests/s ÷ per task at target⌉. */
    readonly tasksAtPeak: number;
    /** ⌈requests/s ÷ per task at target × zones/(zones − 1)⌉: the peak with one zone lost. */
    readonly tasksWithZoneLost: number;
    /** ⌈… × (1 + ceilingMargin)⌉: what maxTasks should be. */
    readonly maxTasks: number;
    readonly vcpu: number;
    readonly memoryGb: number;
  };
  readonly results: {
    readonly watchers: number;
    /** ⌈watchers ÷ watchersPerTask × zones/(zones − 1)⌉. */
    readonly tasks: number;
    readonly vcpu: number;
    readonly memoryGb: number;
    /** watchersPerTask × watcherKb: what a full task holds for its watchers. */
    readonly watcherMemoryPerTaskMb: number;
  };
  readonly fanOut: {
    readonly watchers: number;
    /** 1000 ÷ snapshotIntervalMs: a new version every read while votes come in. */
    readonly framesPerSecondPerWatcher: number;
    readonly framesPerSecond: number;
    readonly frameBytes: number;
    readonly bytesPerSecond: number;
    readonly gigabitsPerSecond: number;
  };
  readonly aggregator: {
    /** One change record per stored cast (refusals store nothing: an upper bound). */
    readonly recordsPerSecond: number;
    readonly batchesPerSecond: number;
  };
  readonly votes: {
    readonly itemBytes: number;
    /** ⌈itemBytes ÷ 1 KB⌉ per conditional put (a refused put costs the same). */
    readonly writeUnitsPerPut: number;
    /** How many more bytes an item may grow before a put costs another write unit. */
    readonly bytesToNextWriteUnit: number;
    /** ⌈itemBytes ÷ 4 KB⌉ per strongly consistent read. */
    readonly readUnitsPerRead: number;
    /** Per Region: every replica takes every write. */
    readonly writeUnitsPerSecond: number;
    readonly readUnitsPerSecond: number;
    readonly regions: number;
    /** Replicated writes in each Region beyond the one written to. */
    readonly replicatedWriteUnitsPerExtraRegion: number;
    readonly replicatedWriteUnitsPerSecond: number;
    /** (itemBytes + 100) × totalCasts, per Region. */
    readonly storageGb: number;
    readonly partitions: {
      readonly forWrites: number;
      readonly forReads: number;
      readonly forStorage: number;
      readonly needed: number;
    };
    /** A new on-demand table takes 4,000 writes/s and 12,000 reads/s at once; more needs warm throughput. */
    readonly warmThroughputNeeded: boolean;
  };
  readonly tallies: {
    readonly counters: number;
    readonly shards: number;
    /** Each batch: one transaction adding to its counters in one shard (2 units per transactional write). */
    readonly writeUnitsPerSecond: number;
    readonly writeUnitsPerShard: number;
    /** ⌈counter write units ÷ 1,000 per partition⌉. */
    readonly shardsNeeded: number;
    /** Every results task reads every shard each interval. */
    readonly readUnitsPerSecond: number;
    /** Per shard (one partition key): independent of how many shards there are. */
    readonly readUnitsPerShard: number;
  };
  readonly elections: {
    readonly itemBytes: number;
    readonly readUnitsPerRead: number;
    /** Every vote-API and results task reads the election's one item each refresh. */
    readonly readers: number;
    readonly readsPerSecond: number;
    /** All on one item, so one partition. */
    readonly readUnitsPerSecond: number;
  };
  readonly fargate: {
    /** vote API at maxTasks + results + the other services at their maxTasks. */
    readonly vcpu: number;
  };
}

/** Concurrent watchers: as given, else a share of the voters. */
export const watchersOf = (inputs: CapacityInputs) =>
  inputs.watchers ?? Math.round(inputs.voters * inputs.watcherShare);

export function capacityModel(inputs: CapacityInputs): CapacityModel {
  const zoneFactor = inputs.zones / (inputs.zones - 1);

  // The peak: the design target, or what the turnout and the day's shape imply if that is more.
  const totalCasts = inputs.voters * inputs.turnout;
  const meanCastsPerSecond = totalCasts / (inputs.pollingHours * 3600);
  const castsPerSecondFromTurnout = meanCastsPerSecond * inputs.peakToMean;
  const castsPerSecondFromPeakRps = inputs.peakRps / inputs.requestsPerCast;
  const setBy = castsPerSecondFromTurnout > castsPerSecondFromPeakRps ? "turnout" : "peak-rps";
  const castsPerSecond = Math.max(castsPerSecondFromPeakRps, castsPerSecondFromTurnout);
  const requestsPerSecond = castsPerSecond * inputs.requestsPerCast;

  // The vote API: a task's requests at full CPU, then at the autoscaling's target.
  const castShare = 1 / inputs.requestsPerCast;
  const requestsPerTaskSecond = inputs.castsPerTaskSecond / (castShare + (1 - castShare) * inputs.otherRequestCost);
  const requestsPerTaskAtTarget = requestsPerTaskSecond * inputs.targetCpu;
  const taskLoad = requestsPerSecond / requestsPerTaskAtTarget;
  const tasksAtPeak = Math.ceil(taskLoad);
  const tasksWithZoneLost = Math.ceil(taskLoad * zoneFactor);
  const maxTasks = Math.ceil(taskLoad * zoneFactor * (1 + inputs.ceilingMargin));

  // Live results: watchers per process, spread so a zone's loss leaves room for its watchers.
  const watchers = watchersOf(inputs);
  const resultsTasks = Math.ceil((watchers / inputs.watchersPerTask) * zoneFactor);
  const framesPerSecondPerWatcher = 1000 / inputs.snapshotIntervalMs;
  const bytesPerSecond = watchers * framesPerSecondPerWatcher * inputs.frameBytes;

  // The aggregator folds one change record per stored cast, a full page per batch.
  const recordsPerSecond = castsPerSecond;
  const batchesPerSecond = recordsPerSecond / inputs.aggregatorBatchRecords;

  // Votes: one conditional put per cast, one strongly consistent read per receipt look-up.
  const writeUnitsPerPut = Math.ceil(inputs.voteItemBytes / WRITE_UNIT_BYTES);
  const readUnitsPerRead = Math.ceil(inputs.voteItemBytes / READ_UNIT_BYTES);
  const voteWrites = castsPerSecond * writeUnitsPerPut;
  const voteReads = castsPerSecond * inputs.readsPerCast * readUnitsPerRead;
  const storageBytes = totalCasts * (inputs.voteItemBytes + ITEM_STORAGE_OVERHEAD_BYTES);
  const partitions = {
    forWrites: Math.ceil(voteWrites / inputs.ceilings["partition-write-units"]),
    forReads: Math.ceil(voteReads / inputs.ceilings["partition-read-units"]),
    forStorage: Math.ceil(storageBytes / PARTITION_BYTES),
  };

  // Tallies: each batch is one transaction of `counters` updates (2 units each) in one shard.
  const counterWrites = batchesPerSecond * inputs.tallyCounters * 2;
  const tallyReadUnitsPerQuery = Math.ceil((inputs.tallyCounters * TALLY_ITEM_BYTES) / READ_UNIT_BYTES);
  const tallyReadsPerShard = resultsTasks * framesPerSecondPerWatcher * tallyReadUnitsPerQuery;

  // The election's copy: one item, read by every task each refresh, strongly consistent.
  const electionReadUnits = Math.ceil(inputs.electionItemBytes / READ_UNIT_BYTES);
  const electionReaders = tasksWithZoneLost + resultsTasks;
  const electionReadsPerSecond = electionReaders * (1000 / inputs.electionRefreshMs);

  return {
    peak: {
      castsPerSecond,
      requestsPerSecond,
      setBy,
      castsPerSecondFromPeakRps,
      castsPerSecondFromTurnout,
      meanCastsPerSecond,
      totalCasts,
    },
    voteApi: {
      requestsPerTaskSecond,
      requestsPerTaskAtTarget,
      tasksAtPeak,
      tasksWithZoneLost,
      maxTasks,
      vcpu: maxTasks * inputs.taskVcpu,
      memoryGb: maxTasks * inputs.taskMemoryGb,
    },
    results: {
      watchers,
      tasks: resultsTasks,
      vcpu: resultsTasks * inputs.resultsTaskVcpu,
      memoryGb: resultsTasks * inputs.resultsTaskMemoryGb,
      watcherMemoryPerTaskMb: (inputs.watchersPerTask * inputs.watcherKb) / 1024,
    },
    fanOut: {
      watchers,
      framesPerSecondPerWatcher,
      framesPerSecond: watchers * framesPerSecondPerWatcher,
      frameBytes: inputs.frameBytes,
      bytesPerSecond,
      gigabitsPerSecond: (bytesPerSecond * 8) / 1e9,
    },
    aggregator: { recordsPerSecond, batchesPerSecond },
    votes: {
      itemBytes: inputs.voteItemBytes,
      writeUnitsPerPut,
      bytesToNextWriteUnit: writeUnitsPerPut * WRITE_UNIT_BYTES - inputs.voteItemBytes,
      readUnitsPerRead,
      writeUnitsPerSecond: voteWrites,
      readUnitsPerSecond: voteReads,
      regions: inputs.regions,
      replicatedWriteUnitsPerExtraRegion: voteWrites,
      replicatedWriteUnitsPerSecond: voteWrites * (inputs.regions - 1),
      storageGb: storageBytes / 1024 ** 3,
      partitions: {
        ...partitions,
        needed: Math.max(1, partitions.forWrites, partitions.forReads, partitions.forStorage),
      },
      warmThroughputNeeded:
        voteWrites > NEW_TABLE_WARM.writeUnitsPerSecond || voteReads > NEW_TABLE_WARM.readUnitsPerSecond,
    },
    tallies: {
      counters: inputs.tallyCounters,
      shards: inputs.tallyShards,
      writeUnitsPerSecond: counterWrites + batchesPerSecond * 2,
      writeUnitsPerShard: counterWrites / inputs.tallyShards,
      shardsNeeded: Math.max(1, Math.ceil(counterWrites / inputs.ceilings["partition-write-units"])),
      readUnitsPerSecond: tallyReadsPerShard * inputs.tallyShards,
      readUnitsPerShard: tallyReadsPerShard,
    },
    elections: {
      itemBytes: inputs.electionItemBytes,
      readUnitsPerRead: electionReadUnits,
      readers: electionReaders,
      readsPerSecond: electionReadsPerSecond,
      readUnitsPerSecond: electionReadsPerSecond * electionReadUnits,
    },
    fargate: {
      vcpu: maxTasks * inputs.taskVcpu + resultsTasks * inputs.resultsTaskVcpu + inputs.otherServicesVcpu,
    },
  };
}

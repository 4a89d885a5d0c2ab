import { type CeilingId, CEILINGS, type CeilingKind } from "./ceilings";
import { type CapacityInputs } from "./inputs";
import { type CapacityModel, capacityModel, watchersOf } from "./model";

/**
 * What breaks first: every ceiling beside what the model says the load uses of it, and the load
 * at which the use passes it. "Load" scales the whole demand together — voters, peak requests,
 * watchers — from nothing to many times the target; each limit's point is found by bisection on
 * the model itself, so a formula changed in model.ts moves its limit with it.
 */

export interface LimitDefinition {
  readonly id: string;
  readonly name: string;
  /** How it is raised: a quota request to AWS, a setting of ours, or a change of the code. */
  readonly kind: CeilingKind;
  readonly ceiling: CeilingId;
  /** What the load uses of the ceiling, in its unit. Must not fall as the load grows. */
  readonly usage: (model: CapacityModel) => number;
  readonly fix: string;
}

export const LIMITS: readonly LimitDefinition[] = [
  {
    id: "fargate-vcpu",
    name: "Fargate vCPU quota (every service at its ceiling)",
    kind: "quota",
    ceiling: "fargate-vcpu",
    usage: (m) => m.fargate.vcpu,
    fix: "Ask AWS for a higher 'Fargate On-Demand vCPU resource count' in each Region that runs the services.",
  },
  {
    id: "vote-api-max-tasks",
    name: "vote API maxTasks (tasks with a zone lost)",
    kind: "configuration",
    ceiling: "vote-api-max-tasks",
    usage: (m) => m.voteApi.tasksWithZoneLost,
    fix: "Raise services.voteApi.maxTasks in infra/lib/parameters.ts to the model's maxTasks.",
  },
  {
    id: "results-max-tasks",
    name: "results maxTasks (SSE watchers it can hold)",
    kind: "configuration",
    ceiling: "results-max-tasks",
    usage: (m) => m.results.tasks,
    fix: "Raise services.results.maxTasks in infra/lib/parameters.ts, or serve more watchers from the cached snapshot.",
  },
  {
    id: "aggregator",
    name: "aggregator throughput (one loop over every stream shard)",
    kind: "design",
    ceiling: "aggregator-records",
    usage: (m) => m.aggregator.recordsPerSecond,
    fix: "Past it, votes are safe but the tallies fall behind: drain stream shards in parallel (a lease per shard across tasks).",
  },
  {
    id: "election-copy-reads",
    name: "election copy: one item every task reads",
    kind: "design",
    ceiling: "partition-read-units",
    usage: (m) => m.elections.readUnitsPerSecond,
    fix: "Read the copy less often or eventually consistent (half the units), or keep it in several items.",
  },
  {
    id: "votes-table-writes",
    name: "votes table: write quota per Region",
    kind: "quota",
    ceiling: "table-write-units",
    usage: (m) => m.votes.writeUnitsPerSecond,
    fix: "Ask AWS for a higher table-level write quota in every Region of the table (replicated writes count there), and set warm throughput.",
  },
  {
    id: "votes-table-reads",
    name: "votes table: read quota per Region",
    kind: "quota",
    ceiling: "table-read-units",
    usage: (m) => m.votes.readUnitsPerSecond,
    fix: "Ask AWS for a higher table-level read quota, and set warm throughput for reads too.",
  },
  {
    id: "tally-shard-writes",
    name: "tally shard: writes to one partition",
    kind: "configuration",
    ceiling: "partition-write-units",
    usage: (m) => m.tallies.writeUnitsPerShard,
    fix: "Raise LANDSLIDE_TALLY_SHARDS to the model's shards needed.",
  },
  {
    id: "tally-shard-reads",
    name: "tally shard: reads by every results task",
    kind: "design",
    ceiling: "partition-read-units",
    usage: (m) => m.tallies.readUnitsPerShard,
    fix: "More shards do not help (each task reads each shard): read the counters in one place and share the snapshot.",
  },
  {
    id: "cloudfront-rps",
    name: "CloudFront requests per distribution (the vote API alone)",
    kind: "quota",
    ceiling: "cloudfront-rps",
    usage: (m) => m.peak.requestsPerSecond,
    fix: "Ask AWS for a higher request rate for the public distribution (the voter site's pages come on top).",
  },
  {
    id: "cloudfront-gbps",
    name: "CloudFront data transfer per distribution (SSE frames alone)",
    kind: "quota",
    ceiling: "cloudfront-gbps",
    usage: (m) => m.fanOut.gigabitsPerSecond,
    fix: "Ask AWS for a higher transfer rate, or send watchers fewer or smaller frames.",
  },
  {
    id: "vote-alb-lcu",
    name: "vote API load balancer: capacity to reserve (a new connection per request)",
    kind: "quota",
    ceiling: "alb-reserved-lcu",
    usage: (m) => m.peak.requestsPerSecond / 25,
    fix: "CloudFront reuses origin connections, so fewer are new; reserve LCUs from a load test's figures (docs/operations.md §5).",
  },
  {
    id: "results-alb-lcu",
    name: "results load balancer: capacity to reserve (SSE bytes and connections)",
    kind: "quota",
    ceiling: "alb-reserved-lcu",
    usage: (m) => Math.max(m.fanOut.watchers / 3000, (m.fanOut.bytesPerSecond * 3600) / 1024 ** 3),
    fix: "Ask for a higher reservation or split watchers across load balancers; smaller or fewer frames help most.",
  },
];

export interface LimitAt {
  /** The load as a multiple of the target: 0.5 is half of it. */
  readonly load: number;
  readonly requestsPerSecond: number;
  readonly castsPerSecond: number;
  readonly watchers: number;
}

export interface RankedLimit {
  readonly id: string;
  readonly name: string;
  readonly kind: CeilingKind;
  readonly ceiling: { readonly id: CeilingId; readonly value: number; readonly unit: string; readonly source: string };
  /** What the target uses of the ceiling. */
  readonly usage: number;
  /** usage ÷ ceiling: above 1, the target is past it. */
  readonly share: number;
  /** Where the growing load passes it; null when it never does (up to a million times the target). */
  readonly hitsAt: LimitAt | null;
  readonly fix: string;
}

export interface LimitRanking {
  /** Soonest first. */
  readonly ranked: readonly RankedLimit[];
  /** The first to break as the load grows. */
  readonly first: RankedLimit;
  /** The first that no quota request or setting of ours raises: it needs a change of the code. */
  readonly firstDesign: RankedLimit | undefined;
}

const MAX_LOAD = 1e6;

/** The target's demand times `load`: voters, peak requests and watchers together. */
export function scaledInputs(inputs: CapacityInputs, load: number): CapacityInputs {
  return {
    ...inputs,
    voters: inputs.voters * load,
    peakRps: inputs.peakRps * load,
    watchers: watchersOf(inputs) * load,
  };
}

export function rankLimits(inputs: CapacityInputs, definitions: readonly LimitDefinition[] = LIMITS): LimitRanking {
  const target = capacityModel(inputs);
  const modelAt = (load: number) => capacityModel(scaledInputs(inputs, load));
  const ranked = definitions
    .map((definition): RankedLimit => {
      const ceiling = inputs.ceilings[definition.ceiling];
      const usage = definition.usage(target);
      const load = breakingLoad((l) => definition.usage(modelAt(l)) > ceiling);
      return {
        id: definition.id,
        name: definition.name,
        kind: definition.kind,
        ceiling: {
          id: definition.ceiling,
          value: ceiling,
          unit: CEILINGS[definition.ceiling].unit,
          source: CEILINGS[definition.ceiling].source,
        },
        usage,
        share: usage / ceiling,
        hitsAt:
          load === null
            ? null
            : {
                load,
                requestsPerSecond: target.peak.requestsPerSecond * load,
                castsPerSecond: target.peak.castsPerSecond * load,
                watchers: target.fanOut.watchers * load,
              },
        fix: definition.fix,
      };
    })
    .sort((a, b) => (a.hitsAt?.load ?? Infinity) - (b.hitsAt?.load ?? Infinity) || b.share - a.share);
  return { ranked, first: ranked[0]!, firstDesign: ranked.find((limit) => limit.kind === "design") };
}

/**
 * The smallest load at which `broken` turns true, to a part in a million; 0 when it is broken with
 * no load at all, null when not even at MAX_LOAD. `broken` must stay true once it is.
 */
export function breakingLoad(broken: (load: number) => boolean): number | null {
  if (broken(1e-9)) return 0;
  let low = 1e-9;
  let high = 1;
  while (!broken(high)) {
    if (high >= MAX_LOAD) return null;
    low = high;
    high = Math.min(high * 2, MAX_LOAD);
  }
  while (high - low > high * 1e-6) {
    const middle = (low + high) / 2;
    if (broken(middle)) high = middle;
    else low = middle;
  }
  return high;
}

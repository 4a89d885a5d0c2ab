import { setTimeout as sleep } from "node:timers/promises";
import {
  castVote,
  type CastVoteDependencies,
  type Clock,
  demoElection,
  type Result,
  type CastVoteOutcome,
  type StoredVote,
  type VoteStore,
} from "@landslide/vote-engine";
import { InMemoryElections } from "@landslide/vote-engine/memory";
import { generateKeyMaterial, nodeEntropy, nodeKeys } from "@landslide/vote-engine/node-crypto";
import { MrecReplicator, type ReplicationStats } from "./mrec-replicator";
import { MrscVoteStore, ReplicatedWriteConflictError } from "./mrsc-vote-store";
import { type DrillRegion, openRegion } from "./regions";

/** MREC: each region decides alone, replication follows (production today). MRSC: a majority decides. */
export type ConsistencyMode = "MREC" | "MRSC";

export interface RegionDrillOptions {
  /** Two DynamoDB servers that play the two regions (two DynamoDB Local processes). */
  readonly endpoints: readonly [string, string];
  readonly mode: ConsistencyMode;
  readonly voters?: number;
  /** MREC: how long after a write its copy reaches the other region (AWS: typically under a second). */
  readonly replicationDelayMs?: number;
  /** How long after casting in the first region each voter casts in the second; below the delay. */
  readonly gapMs?: number;
  /** Voters casting at once. */
  readonly concurrency?: number;
  readonly regionNames?: readonly [string, string];
}

export interface RegionDrillReport {
  readonly mode: ConsistencyMode;
  readonly regions: readonly [string, string];
  readonly voters: number;
  readonly replicationDelayMs: number;
  readonly gapMs: number;
  /** Every voter casts twice, once per region, each time a different ballot. */
  readonly casts: number;
  /** Casts answered with a receipt: acknowledged votes. */
  readonly receiptsIssued: number;
  readonly votersWithTwoReceipts: number;
  readonly votersWithoutReceipt: number;
  /** Casts answered ALREADY_VOTED. */
  readonly refusedAlreadyVoted: number;
  /** MRSC: casts refused with a replicated-write conflict and tried again. */
  readonly conflictRetries: number;
  /** Votes each region holds once replication has settled. */
  readonly storedVotes: Readonly<Record<string, number>>;
  /** Both regions hold the very same vote for every voter. */
  readonly regionsAgree: boolean;
  /** Receipts whose vote is not the one stored (in some region): the ballot they acknowledged is gone. */
  readonly acknowledgedVotesLost: number;
  /** MREC only: what the replicator did. */
  readonly replication?: ReplicationStats;
  readonly elapsedMs: number;
}

export const DRILL_DEFAULTS = {
  voters: 200,
  replicationDelayMs: 1000,
  gapMs: 0,
  concurrency: 16,
  regionNames: ["eu-west-1", "eu-central-1"] as const,
};

// A cast refused with a replicated-write conflict (MRSC: the later of two racing writes) is tried
// again, as a client would, with capped exponential backoff and full jitter; it then meets the
// earlier write, acknowledged, and is answered ALREADY_VOTED.
const CONFLICT_ATTEMPTS = 16;
const BACKOFF_BASE_MS = 20;
const BACKOFF_CAP_MS = 1000;

/**
 * A region-loss drill: every voter casts twice, once in each region, within the replication
 * window, through the project's own castVote and DynamoDB VoteStore against two real DynamoDB
 * servers. Counts what a voter would see (receipts) against what is stored once the regions agree.
 */
export async function runRegionLossDrill(options: RegionDrillOptions): Promise<RegionDrillReport> {
  const { voters, replicationDelayMs, gapMs, concurrency } = checkDrillSettings(options);
  const names = options.regionNames ?? DRILL_DEFAULTS.regionNames;
  const started = performance.now();
  const prefix = `region-drill-${options.mode.toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  const first = await openRegion(names[0], options.endpoints[0], prefix);
  const second = await openRegion(names[1], options.endpoints[1], prefix).catch(async (error: unknown) => {
    await first.close();
    throw error;
  });
  const regions = [first, second] as const;
  const replicator = options.mode === "MREC" ? new MrecReplicator(regions, replicationDelayMs) : undefined;
  try {
    const election = demoElection({ now: () => new Date(Date.now() - 60_000) });
    // One deployment: both regions sign receipts and derive voter keys with the same keys.
    const keys = nodeKeys(generateKeyMaterial());
    const clock = strictlyIncreasingClock();
    const deps = (votes: VoteStore): CastVoteDependencies => ({
      elections: new InMemoryElections([election]),
      votes,
      keys,
      entropy: nodeEntropy,
      clock,
    });
    const stores: readonly [VoteStore, VoteStore] =
      options.mode === "MREC"
        ? [regions[0].votes, regions[1].votes]
        : [new MrscVoteStore(regions[0], regions[1]), new MrscVoteStore(regions[1], regions[0])];
    const regionDeps = [deps(stores[0]), deps(stores[1])] as const;

    let conflictRetries = 0;
    const cast = async (region: 0 | 1, voter: number): Promise<Result<CastVoteOutcome>> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await castVote(regionDeps[region], {
            electionId: election.id,
            subject: subjectOf(voter),
            idempotencyKey: `region-drill-${region}-${voter}`.padEnd(16, "0"),
            // The voter changed their mind between the two: which ballot survives shows.
            ballot: demoBallot(voter + region),
          });
        } catch (error) {
          if (!(error instanceof ReplicatedWriteConflictError) || attempt >= CONFLICT_ATTEMPTS) throw error;
          conflictRetries += 1;
          await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
        }
      }
    };

    replicator?.start();
    const outcomes = await forEachLimited(voters, concurrency, (voter) =>
      Promise.all([cast(0, voter), sleep(gapMs).then(() => cast(1, voter))]),
    );
    await replicator?.settle();

    const stored = await Promise.all(regions.map((region) => storedByVoter(region, election.id)));
    const receipts = outcomes.map((pair) => pair.flatMap((r) => (r.ok && !r.value.replayed ? [r.value] : [])));
    let lost = 0;
    receipts.forEach((mine, voter) => {
      const voterKey = keys.voterKey(subjectOf(voter));
      for (const { receipt } of mine) {
        if (stored.some((s) => s.get(voterKey)?.receipt.receiptId !== receipt.receiptId)) lost += 1;
      }
    });
    return {
      mode: options.mode,
      regions: names,
      voters,
      replicationDelayMs,
      gapMs,
      casts: voters * 2,
      receiptsIssued: receipts.reduce((sum, mine) => sum + mine.length, 0),
      votersWithTwoReceipts: receipts.filter((mine) => mine.length === 2).length,
      votersWithoutReceipt: receipts.filter((mine) => mine.length === 0).length,
      refusedAlreadyVoted: outcomes.flat().filter((r) => !r.ok && r.error.code === "ALREADY_VOTED").length,
      conflictRetries,
      storedVotes: Object.fromEntries(regions.map((region, i) => [region.name, stored[i]!.size])),
      regionsAgree: sameVotes(stored[0]!, stored[1]!),
      acknowledgedVotesLost: lost,
      ...(replicator ? { replication: replicator.stats } : {}),
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    await replicator?.stop().catch(() => undefined);
    await Promise.all(regions.map((region) => region.close()));
  }
}

/** The settings with their defaults, or an error saying which one cannot be used. */
export function checkDrillSettings(options: Omit<RegionDrillOptions, "endpoints" | "mode">) {
  const settings = {
    voters: options.voters ?? DRILL_DEFAULTS.voters,
    replicationDelayMs: options.replicationDelayMs ?? DRILL_DEFAULTS.replicationDelayMs,
    gapMs: options.gapMs ?? DRILL_DEFAULTS.gapMs,
    concurrency: options.concurrency ?? DRILL_DEFAULTS.concurrency,
  };
  if (!Number.isInteger(settings.voters) || settings.voters < 1) {
    throw new Error(`The number of voters must be a whole number from 1, not ${settings.voters}.`);
  }
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1) {
    throw new Error(`The concurrency must be a whole number from 1, not ${settings.concurrency}.`);
  }
  if (!(settings.gapMs >= 0 && settings.gapMs < settings.replicationDelayMs)) {
    throw new Error(
      `The gap between a voter's two casts (${settings.gapMs} ms) must be at least 0 and below the replication delay (${settings.replicationDelayMs} ms): the drill is about votes cast within the replication window.`,
    );
  }
  return settings;
}

const subjectOf = (voter: number) => `region-drill-voter-${voter}`;

/** Wall-clock time made strictly increasing: every cast gets its own millisecond, so last-writer-wins has no ties. */
export function strictlyIncreasingClock(): Clock {
  let last = 0;
  return {
    now: () => {
      last = Math.max(Date.now(), last + 1);
      return new Date(last);
    },
  };
}

/** A valid ballot of the demo election; neighbouring variants differ in every answer. */
function demoBallot(variant: number) {
  const mascots = ["heron", "otter", "fox"];
  const rankings = [["ada", "bruno"], ["chen"], ["dolores", "ada", "chen", "bruno"]];
  return {
    answers: {
      mascot: { choices: [mascots[variant % 3]!] },
      parks: { choices: variant % 2 === 0 ? ["hilltop", "riverside"] : ["oakwood"] },
      "council-chair": { choices: rankings[variant % 3]! },
    },
  };
}

async function storedByVoter(region: DrillRegion, electionId: string): Promise<Map<string, StoredVote>> {
  const votes = new Map<string, StoredVote>();
  for await (const vote of region.votes.scan(electionId)) votes.set(vote.voterKey, vote);
  return votes;
}

function sameVotes(a: ReadonlyMap<string, StoredVote>, b: ReadonlyMap<string, StoredVote>): boolean {
  if (a.size !== b.size) return false;
  for (const [voterKey, vote] of a) if (b.get(voterKey)?.receipt.receiptId !== vote.receipt.receiptId) return false;
  return true;
}

/** Runs work(0 … count-1) with at most `limit` at once; results in index order. */
async function forEachLimited<T>(count: number, limit: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

/** The two modes side by side, as the script prints them. */
export function formatReports(reports: readonly RegionDrillReport[]): string {
  const first = reports[0];
  if (!first) return "";
  const [a, b] = first.regions;
  const rows: Array<[string, (r: RegionDrillReport) => string]> = [
    ["receipts issued", (r) => `${r.receiptsIssued}`],
    ["voters with two receipts", (r) => `${r.votersWithTwoReceipts}`],
    ["voters with no receipt", (r) => `${r.votersWithoutReceipt}`],
    ["casts refused ALREADY_VOTED", (r) => `${r.refusedAlreadyVoted}`],
    ["write conflicts retried", (r) => `${r.conflictRetries}`],
    [`votes stored (${a} / ${b})`, (r) => `${r.storedVotes[a]} / ${r.storedVotes[b]}`],
    ["regions agree", (r) => (r.regionsAgree ? "yes" : "NO")],
    ["acknowledged votes lost", (r) => `${r.acknowledgedVotesLost}`],
    ["took", (r) => `${(r.elapsedMs / 1000).toFixed(1)} s`],
  ];
  const header = ["", ...reports.map((r) => r.mode)];
  const body = rows.map(([label, cell]) => [label, ...reports.map(cell)]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column]!.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join("   ");
  return [
    `Region-loss drill: ${first.voters} voters, each casting once in ${a} and once in ${b} (${first.gapMs} ms apart, a different ballot each time); MREC replication delay ${first.replicationDelayMs} ms`,
    "",
    line(header),
    ...body.map(line),
  ].join("\n");
}

import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from "@aws-sdk/client-dynamodb-streams";
import type { ChangeObserver, CountedBallotSink, DeadLetterQueue, FraudCaseSink } from "../../ports";
import type { ChangeAdmission } from "../../tally/admit-change";
import { tallyDelta } from "../../tally/tally-delta";
import type { VoteChange } from "../../tally/vote-change";
import type { Checkpoint, DeadLetter, TallyStore } from "../../ports";
import { admissionFor, admitted, counterShardFor, type DeadlineOf, electionOf } from "./change-admission";
import { redriveDeadLetters, type RedriveReport } from "./redrive-dead-letters";
import { MAX_TRANSACTION_ITEMS } from "./tally-store";

export interface AggregatorFaults {
  /**
   * Called just before a batch commits, after its dead letters were sent; throwing here is a
   * crash at the worst moment (the letters are in the queue, the batch is read again).
   */
  beforeCommit?(shardId: string, records: number): void;
  /** Called just after a batch committed, before the worker moves on; throwing here loses only memory. */
  afterCommit?(shardId: string, records: number): void;
}

export interface DrainReport {
  readonly applied: number;
  readonly deadLettered: number;
  /** Batches refused because their checkpoint had moved: another worker, or a replay after a crash. */
  readonly refusedReplays: number;
  /** Records set aside by reason (UNSIGNED_RECORD, LATE_CAST, …; UNREADABLE for records that are no vote). */
  readonly rejected: Record<string, number>;
  /** The longest wait, in ms, between a change being written and being applied in this pass (0 when nothing was applied). */
  readonly maxLagMs: number;
}

/**
 * Follows the votes table's change stream into the tally counters. Every shard is read from its
 * checkpoint; parents before children, so a shard rollover keeps the order of each voter's
 * changes; each batch commits its counts and its new checkpoint in one transaction.
 */
export class StreamAggregator {
  constructor(
    private readonly deps: {
      readonly dynamodb: DynamoDBClient;
      readonly streams: DynamoDBStreamsClient;
      readonly votesTable: string;
      readonly tallies: TallyStore;
      /** Where the records that may not count go, before their batch's checkpoint commits. */
      readonly deadLetters: DeadLetterQueue;
      /** Which changes may count: those the vote API signed (see signedChangesOnly); the rest are set aside as dead letters. */
      readonly admit: ChangeAdmission;
      /** Each election's voting deadline (votingDeadline), if it has one: ballots cast at or after it are set aside as LATE_CAST. */
      readonly deadlineOf?: DeadlineOf;
      /** Receives quarantined votes and their reviews before the batch's checkpoint commits. */
      readonly fraudCases?: FraudCaseSink;
      /** Receives the votes each batch counts, for the audit log, before the batch's checkpoint commits. */
      readonly countedBallots?: CountedBallotSink;
      /** Sees every applied batch, after its commit: the stream-side coordination watch. */
      readonly observer?: ChangeObserver;
      readonly faults?: AggregatorFaults;
      readonly recordsPerRead?: number;
    },
  ) {}

  /** Reads every shard until it is caught up (or closed) and applies what it finds. */
  async drainOnce(): Promise<DrainReport> {
    const report = { applied: 0, deadLettered: 0, refusedReplays: 0, maxLagMs: 0, rejected: {} };
    const streamArn = await this.streamArn();
    if (!streamArn) return report;
    const shards = await this.listShards(streamArn);
    const closed = new Set<string>();
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      const parentPending =
        shard.ParentShardId &&
        shards.some((s) => s.ShardId === shard.ParentShardId) &&
        !closed.has(shard.ParentShardId);
      if (parentPending) continue; // its parent's records come first; the next pass takes it
      if (await this.drainShard(streamArn, shardId, report)) closed.add(shardId);
    }
    return report;
  }

  /** Returns true when the shard is closed and fully applied. */
  private async drainShard(streamArn: string, shardId: string, report: Mutable<DrainReport>): Promise<boolean> {
    const { tallies } = this.deps;
    let checkpoint = await tallies.readCheckpoint(shardId);
    if (checkpoint.closed) return true;
    let iterator = await this.iteratorAfter(streamArn, shardId, checkpoint);
    while (iterator) {
      const page = await this.deps.streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: this.deps.recordsPerRead ?? 500 }),
      );
      const records = page.Records ?? [];
      for (const batch of batches(records, await this.admissionFor(records))) {
        const next: Checkpoint = { sequenceNumber: batch.lastSequence, closed: false };
        // At least once into Postgres (idempotent there), then exactly once into the counters.
        await this.deps.fraudCases?.record(batch.changes);
        await this.deps.countedBallots?.record(batch.changes);
        // Stored before the checkpoint moves past them, so a crash can duplicate a letter, never
        // lose one; an unreachable queue stops the count here (retried) rather than drop it.
        if (batch.deadLetters.length > 0) await this.deps.deadLetters.send(batch.deadLetters);
        this.deps.faults?.beforeCommit?.(shardId, batch.changes.length + batch.deadLetters.length);
        const committed = await tallies.commit({
          shardId,
          previous: checkpoint,
          next,
          delta: tallyDelta(batch.changes),
          deadLetters: batch.deadLetters,
          counterShard: counterShardFor(batch.lastSequence, tallies.counterShards),
        });
        if (!committed) {
          // Someone else applied this range: take their checkpoint and read on from there.
          report.refusedReplays += 1;
          return false;
        }
        this.deps.faults?.afterCommit?.(shardId, batch.changes.length + batch.deadLetters.length);
        checkpoint = next;
        await this.deps.observer?.observe(batch.changes);
        report.applied += batch.changes.length;
        const written = records.map((r) => r.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now());
        report.maxLagMs = Math.max(report.maxLagMs, Date.now() - Math.min(...written));
        report.deadLettered += batch.deadLetters.length;
        for (const code of batch.rejected) report.rejected[code] = (report.rejected[code] ?? 0) + 1;
      }
      if (!page.NextShardIterator) {
        const done: Checkpoint = { sequenceNumber: checkpoint.sequenceNumber, closed: true };
        return tallies.commit({
          shardId,
          previous: checkpoint,
          next: done,
          delta: new Map(),
          deadLetters: [],
          counterShard: 0,
        });
      }
      if (records.length === 0) return false; // caught up with an open shard
      iterator = page.NextShardIterator;
    }
    return false;
  }

  /** Tries every dead letter in the queue again with this aggregator's checks (see redriveDeadLetters). */
  async redriveDeadLetters(): Promise<RedriveReport> {
    const { deadLetters, tallies, admit, deadlineOf, fraudCases, countedBallots } = this.deps;
    return redriveDeadLetters({
      queue: deadLetters,
      tallies,
      admit,
      ...(deadlineOf ? { deadlineOf } : {}),
      ...(fraudCases ? { fraudCases } : {}),
      ...(countedBallots ? { countedBallots } : {}),
    });
  }

  /** The admission rule for a page of records (see admissionFor). */
  private admissionFor(records: readonly StreamRecord[]): Promise<ChangeAdmission> {
    return admissionFor(records, this.deps.admit, this.deps.deadlineOf);
  }

  private async streamArn(): Promise<string | undefined> {
    const { Table } = await this.deps.dynamodb.send(new DescribeTableCommand({ TableName: this.deps.votesTable }));
    return Table?.LatestStreamArn;
  }

  private async listShards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.deps.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  private async iteratorAfter(streamArn: string, shardId: string, checkpoint: Checkpoint): Promise<string | undefined> {
    const { ShardIterator } = await this.deps.streams.send(
      new GetShardIteratorCommand(
        checkpoint.sequenceNumber
          ? {
              StreamArn: streamArn,
              ShardId: shardId,
              ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
              SequenceNumber: checkpoint.sequenceNumber,
            }
          : { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" },
      ),
    );
    return ShardIterator;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Batch {
  readonly changes: VoteChange[];
  readonly deadLetters: DeadLetter[];
  /** Each dead letter's stable reason code (UNSIGNED_RECORD, LATE_CAST, …; UNREADABLE for a record that is no vote). */
  readonly rejected: string[];
  readonly lastSequence: string;
}

/** Splits records into batches whose transaction stays within DynamoDB's item limit. */
export function batches(records: readonly StreamRecord[], admit: ChangeAdmission): Batch[] {
  const result: Batch[] = [];
  let current:
    | {
        changes: VoteChange[];
        deadLetters: DeadLetter[];
        rejected: string[];
        counters: Set<string>;
        lastSequence: string;
      }
    | undefined;
  for (const record of records) {
    const parsed = admitted(record, admit);
    const touched = parsed.ok ? countersOf(parsed.change) : [];
    const fits = (b: NonNullable<typeof current>) =>
      1 + new Set([...b.counters, ...touched]).size + b.deadLetters.length + (parsed.ok ? 0 : 1) <=
      MAX_TRANSACTION_ITEMS;
    if (!current || !fits(current)) {
      if (current) result.push(current);
      current = { changes: [], deadLetters: [], rejected: [], counters: new Set(), lastSequence: "" };
    }
    if (parsed.ok) {
      current.changes.push(parsed.change);
      for (const counter of touched) current.counters.add(counter);
    } else {
      current.deadLetters.push({
        sequenceNumber: record.dynamodb?.SequenceNumber ?? `unknown-${Date.now()}`,
        code: parsed.code,
        reason: parsed.reason,
        electionId: electionOf(record),
        record: JSON.stringify(record),
      });
      current.rejected.push(parsed.code);
    }
    current.lastSequence = record.dynamodb?.SequenceNumber ?? current.lastSequence;
  }
  if (current) result.push(current);
  return result;
}

function countersOf(change: VoteChange): string[] {
  return [...(tallyDelta([change]).get(change.electionId)?.keys() ?? [])].map((k) => `${change.electionId}\u0000${k}`);
}

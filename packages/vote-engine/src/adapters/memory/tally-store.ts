import type { BatchCommit, Checkpoint, DeadLetter, TallyStore } from "../../ports";
import type { TallyDelta } from "../../tally/tally-delta";

/** Counters and checkpoints in Maps: the same all-or-nothing commit as DynamoDB's transaction. */
export class InMemoryTallyStore implements TallyStore {
  private readonly counters = new Map<string, Map<string, number>>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  /** Dead letters committed and not yet re-driven: sequence number to the record set aside. */
  private readonly pending = new Map<string, string>();

  constructor(readonly counterShards = 4) {}

  async readCheckpoint(shardId: string): Promise<Checkpoint> {
    return this.checkpoints.get(shardId) ?? { sequenceNumber: undefined, closed: false };
  }

  async commit(batch: BatchCommit): Promise<boolean> {
    const current = await this.readCheckpoint(batch.shardId);
    if (current.closed || current.sequenceNumber !== batch.previous.sequenceNumber) return false;
    this.checkpoints.set(batch.shardId, batch.next);
    this.apply(batch.delta, batch.counterShard);
    for (const letter of batch.deadLetters) this.pending.set(letter.sequenceNumber, letter.record);
    return true;
  }

  async readCounters(electionId: string): Promise<Map<string, number>> {
    const totals = new Map<string, number>();
    for (let shard = 0; shard < this.counterShards; shard++) {
      for (const [name, n] of this.counters.get(`${electionId}#${shard}`) ?? [])
        totals.set(name, (totals.get(name) ?? 0) + n);
    }
    return totals;
  }

  async redrive(letter: DeadLetter, delta: TallyDelta, counterShard: number): Promise<boolean> {
    // Only the very record that was set aside (as the DynamoDB store checks its fingerprint).
    if (this.pending.get(letter.sequenceNumber) !== letter.record) return false;
    this.pending.delete(letter.sequenceNumber);
    this.apply(delta, counterShard);
    return true;
  }

  private apply(delta: TallyDelta, shard: number): void {
    for (const [electionId, counters] of delta) {
      const key = `${electionId}#${shard}`;
      const target = this.counters.get(key) ?? new Map<string, number>();
      for (const [name, n] of counters) target.set(name, (target.get(name) ?? 0) + n);
      this.counters.set(key, target);
    }
  }
}

import { describe, expect, it } from "vitest";
import type { TallyStore } from "../../src/ports";
import type { TallyDelta } from "../../src/tally/tally-delta";

const delta = (electionId: string, counters: Record<string, number>): TallyDelta =>
  new Map([[electionId, new Map(Object.entries(counters))]]);
const start = { sequenceNumber: undefined, closed: false };
const letter = (sequenceNumber: string) => ({
  sequenceNumber,
  code: "UNREADABLE",
  reason: "unreadable",
  electionId: undefined,
  record: "{}",
});

/** What every TallyStore must do; the in-memory one must refuse a replay exactly as DynamoDB does. */
export function tallyStoreContract(adapter: string, makeStore: () => Promise<TallyStore> | TallyStore) {
  describe(`the ${adapter} tally store`, () => {
    it("sums counters over shards and moves the checkpoint with them", async () => {
      const store = await makeStore();
      expect(
        await store.commit({
          shardId: "s1",
          previous: start,
          next: { sequenceNumber: "10", closed: false },
          delta: delta("e", { a: 2, b: 1 }),
          deadLetters: [],
          counterShard: 0,
        }),
      ).toBe(true);
      expect(
        await store.commit({
          shardId: "s1",
          previous: { sequenceNumber: "10", closed: false },
          next: { sequenceNumber: "20", closed: false },
          delta: delta("e", { a: 3 }),
          deadLetters: [],
          counterShard: 1,
        }),
      ).toBe(true);
      expect(await store.readCounters("e")).toEqual(
        new Map([
          ["a", 5],
          ["b", 1],
        ]),
      );
      expect(await store.readCheckpoint("s1")).toEqual({ sequenceNumber: "20", closed: false });
      expect(await store.readCheckpoint("s2")).toEqual({ sequenceNumber: undefined, closed: false });
      expect(await store.readCounters("other")).toEqual(new Map());
    });

    it("refuses a replayed batch whole: neither counters nor pending dead letters change", async () => {
      const store = await makeStore();
      const batch = {
        shardId: "s",
        previous: start,
        next: { sequenceNumber: "5", closed: false },
        delta: delta("e", { a: 1 }),
        deadLetters: [],
        counterShard: 0,
      };
      expect(await store.commit(batch)).toBe(true);
      expect(await store.commit({ ...batch, deadLetters: [letter("4")] })).toBe(false);
      expect(await store.commit({ ...batch, previous: { sequenceNumber: "3", closed: false } })).toBe(false);
      // The refused batch marked nothing pending: its letter does not re-drive.
      expect(await store.redrive(letter("4"), delta("e", { a: 1 }), 0)).toBe(false);
      expect(await store.readCounters("e")).toEqual(new Map([["a", 1]]));
    });

    it("accepts nothing more on a closed shard", async () => {
      const store = await makeStore();
      expect(
        await store.commit({
          shardId: "s",
          previous: start,
          next: { sequenceNumber: "9", closed: true },
          delta: new Map(),
          deadLetters: [],
          counterShard: 0,
        }),
      ).toBe(true);
      expect(await store.readCheckpoint("s")).toEqual({ sequenceNumber: "9", closed: true });
      expect(
        await store.commit({
          shardId: "s",
          previous: { sequenceNumber: "9", closed: false },
          next: { sequenceNumber: "10", closed: false },
          delta: delta("e", { a: 1 }),
          deadLetters: [],
          counterShard: 0,
        }),
      ).toBe(false);
      expect(await store.readCounters("e")).toEqual(new Map());
    });

    it("re-drives a committed dead letter exactly once, and none that no commit marked", async () => {
      const store = await makeStore();
      const committed = letter("7");
      await store.commit({
        shardId: "s",
        previous: start,
        next: { sequenceNumber: "7", closed: false },
        delta: new Map(),
        deadLetters: [committed],
        counterShard: 0,
      });
      // Sent by a batch that crashed before its commit (its replay counted the record instead).
      expect(await store.redrive(letter("6"), delta("e", { a: 1 }), 1)).toBe(false);
      // Another record (a genuine signed vote copied in by someone who can send to the queue)
      // under the pending letter's sequence number: not the record that was set aside.
      expect(await store.redrive({ ...committed, record: `${committed.record} ` }, delta("e", { a: 1 }), 2)).toBe(
        false,
      );
      expect(await store.redrive(committed, delta("e", { a: 1 }), 2)).toBe(true);
      // The same letter again (a duplicate message): nothing more.
      expect(await store.redrive(committed, delta("e", { a: 1 }), 2)).toBe(false);
      expect(await store.redrive({ ...committed, reason: "another copy" }, delta("e", { a: 1 }), 3)).toBe(false);
      expect(await store.readCounters("e")).toEqual(new Map([["a", 1]]));
    });
  });
}

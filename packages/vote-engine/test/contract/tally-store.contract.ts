import { describe, expect, it } from "vitest";
import type { TallyStore } from "../../src/ports";
import type { TallyDelta } from "../../src/tally/tally-delta";

const delta = (electionId: string, counters: Record<string, number>): TallyDelta =>
  new Map([[electionId, new Map(Object.entries(counters))]]);
const start = { sequenceNumber: undefined, closed: false };

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

    it("refuses a replayed batch whole: neither counters nor dead letters change", async () => {
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
      expect(await store.commit({ ...batch, deadLetters: [{ sequenceNumber: "4", reason: "r", record: "{}" }] })).toBe(
        false,
      );
      expect(await store.commit({ ...batch, previous: { sequenceNumber: "3", closed: false } })).toBe(false);
      expect(await store.readCounters("e")).toEqual(new Map([["a", 1]]));
      expect(await store.listDeadLetters()).toEqual([]);
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

    it("keeps dead letters and re-drives each exactly once", async () => {
      const store = await makeStore();
      const letter = { sequenceNumber: "7", reason: "unreadable", record: '{"x":1}' };
      await store.commit({
        shardId: "s",
        previous: start,
        next: { sequenceNumber: "7", closed: false },
        delta: new Map(),
        deadLetters: [letter],
        counterShard: 0,
      });
      expect(await store.listDeadLetters()).toEqual([letter]);
      expect(await store.redrive(letter, delta("e", { a: 1 }), 2)).toBe(true);
      expect(await store.redrive(letter, delta("e", { a: 1 }), 2)).toBe(false);
      expect(await store.readCounters("e")).toEqual(new Map([["a", 1]]));
      expect(await store.listDeadLetters()).toEqual([]);
    });
  });
}

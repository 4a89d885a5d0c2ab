import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Admission, LoadShedder } from "../src/http/load-shedder";

/** The shedder's decisions in isolation, on a clock the test moves; the HTTP behaviour is in attacks/load-shedding. */
let clock = 0;
beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => vi.useRealTimers());

const shedder = (maxInFlight: number, maxQueueMs: number) =>
  new LoadShedder({ maxInFlight, maxQueueMs, now: () => clock });
const admitted = (a: Admission | Promise<Admission>) => {
  if (a instanceof Promise || !a.admitted) throw new Error("expected a slot at once");
  return a.release;
};
const queued = (a: Admission | Promise<Admission>) => {
  if (!(a instanceof Promise)) throw new Error("expected a place in the queue");
  return a;
};

describe("the load shedder", () => {
  it("gives slots up to the limit at once, queues the next, and hands a freed slot to the oldest waiter", async () => {
    const s = shedder(2, 100);
    const first = admitted(s.admit());
    admitted(s.admit());
    const waiting = [s.admit(), s.admit()];
    expect(waiting.every((w) => w instanceof Promise)).toBe(true);
    expect([s.running, s.waiting]).toEqual([2, 2]);
    clock += 10;
    first();
    first(); // twice is harmless
    expect(await waiting[0]).toMatchObject({ admitted: true });
    expect([s.running, s.waiting]).toEqual([2, 1]);
  });

  it("before it has measured anything, queues one request per slot and turns the rest away at once", () => {
    const s = shedder(2, 100);
    admitted(s.admit());
    admitted(s.admit());
    expect(s.admit()).toBeInstanceOf(Promise);
    expect(s.admit()).toBeInstanceOf(Promise);
    expect(s.admit()).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(s.waiting).toBe(2);
  });

  it("queues as many as the measured pace serves within the budget", async () => {
    const s = shedder(2, 100);
    // Twenty requests of 10 ms each: the average settles at 10 ms, so slots free every 5 ms.
    for (let i = 0; i < 20; i++) {
      const release = admitted(s.admit());
      clock += 10;
      release();
    }
    admitted(s.admit());
    admitted(s.admit());
    const queued = Array.from({ length: 25 }, () => s.admit());
    // Position k waits about k * 10 / 2 ms: up to 20 fit in 100 ms.
    expect(queued.filter((q) => q instanceof Promise)).toHaveLength(20);
    expect(queued.slice(20)).toEqual(Array(5).fill({ admitted: false, retryAfterSeconds: 1 }));
  });

  it("turns a waiter away at its deadline rather than serving it late", async () => {
    const s = shedder(1, 100);
    admitted(s.admit());
    const waiting = s.admit();
    vi.advanceTimersByTime(99);
    expect(s.waiting).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await waiting).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(s.waiting).toBe(0);
  });

  it("after a missed deadline, stops trusting a fast pace: the next newcomers are turned away on arrival", async () => {
    const s = shedder(1, 100);
    for (let i = 0; i < 5; i++) {
      const release = admitted(s.admit());
      clock += 1;
      release(); // 1 ms a request: ten waiters fit easily
    }
    admitted(s.admit()); // then one that takes far longer
    const waiters = Array.from({ length: 10 }, () => queued(s.admit()));
    vi.advanceTimersByTime(100);
    expect(await Promise.all(waiters)).toEqual(Array(10).fill({ admitted: false, retryAfterSeconds: 1 }));
    expect(s.admit()).toBeInstanceOf(Promise); // one per slot, as before anything was measured
    expect(s.admit()).toEqual({ admitted: false, retryAfterSeconds: 1 });
  });

  it("never queues more than sixteen per slot, however fast requests have been", () => {
    const s = shedder(1, 10_000);
    const release = admitted(s.admit());
    clock += 0.001;
    release(); // an average of a microsecond would admit millions
    admitted(s.admit());
    const queued = Array.from({ length: 20 }, () => s.admit());
    expect(queued.filter((q) => q instanceof Promise)).toHaveLength(16);
  });

  it("names a Retry-After of the queue's budget in whole seconds, at least one", () => {
    for (const [budget, seconds] of [
      [100, 1],
      [1000, 1],
      [2500, 3],
    ] as const) {
      const s = shedder(1, budget);
      admitted(s.admit());
      expect(s.admit()).toBeInstanceOf(Promise); // the one place in the queue
      expect(s.admit()).toEqual({ admitted: false, retryAfterSeconds: seconds });
    }
  });
});

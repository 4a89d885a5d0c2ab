import { afterEach, describe, expect, it, vi } from "vitest";
import { demoElection, type Election } from "@landslide/vote-engine";
import { freshElections } from "../src/voting/fresh-elections";

const election = demoElection({ now: () => new Date("2026-12-01T08:00:00Z") });

/** A data plane whose reads answer only when the test says so. */
function slowCopies() {
  const reads: Array<{ resolve: (e: Election | undefined) => void; reject: (e: Error) => void }> = [];
  const load = vi.fn(() => new Promise<Election | undefined>((resolve, reject) => reads.push({ resolve, reject })));
  return { load, reads };
}

afterEach(() => vi.useRealTimers());

describe("elections for casting, refreshed in the background", () => {
  it("share one read among concurrent first casts, and stamp the copy with when that read began", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T09:00:00Z") });
    const { load, reads } = slowCopies();
    const elections = freshElections(load, { refreshMs: 300, maxAgeMs: 1200 });
    const first = [elections.get(election.id), elections.get(election.id)];
    vi.advanceTimersByTime(50);
    reads[0]!.resolve(election);
    const copies = await Promise.all(first);
    expect(load).toHaveBeenCalledTimes(1);
    expect(copies[0]).toEqual({ ...election, readAt: new Date("2026-12-01T09:00:00Z") });
  });

  it("answer from the copy they have while a refresh runs, and wait only once that copy is too old to judge by", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T09:00:00Z") });
    const { load, reads } = slowCopies();
    const elections = freshElections(load, { refreshMs: 300, maxAgeMs: 1200 });
    const first = elections.get(election.id);
    reads[0]!.resolve(election);
    await first;

    vi.advanceTimersByTime(400);
    // Past the refresh period: a read starts, but the cast is answered at once from the copy.
    expect(await elections.get(election.id)).toMatchObject({
      status: "open",
      readAt: new Date("2026-12-01T09:00:00Z"),
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(await elections.get(election.id)).toMatchObject({ readAt: new Date("2026-12-01T09:00:00Z") });
    expect(load).toHaveBeenCalledTimes(2);

    // The data plane is slow: once the copy is 1.2 s old, casts wait for the read in flight.
    vi.advanceTimersByTime(900);
    let waited: Election | undefined;
    const waiting = elections.get(election.id).then((copy) => (waited = copy));
    await Promise.resolve();
    expect(waited).toBeUndefined();
    reads[1]!.resolve({ ...election, status: "paused" });
    await waiting;
    expect(waited).toMatchObject({ status: "paused", readAt: new Date("2026-12-01T09:00:00.400Z") });
  });

  it("keep no failed read: the next cast tries again, and a cast with no usable copy sees the failure", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T09:00:00Z") });
    const { load, reads } = slowCopies();
    const elections = freshElections(load, { refreshMs: 300, maxAgeMs: 1200 });
    const first = elections.get(election.id);
    reads[0]!.reject(new Error("DynamoDB is unreachable"));
    await expect(first).rejects.toThrow("unreachable");
    const second = elections.get(election.id);
    expect(load).toHaveBeenCalledTimes(2);
    reads[1]!.resolve(election);
    expect(await second).toMatchObject({ status: "open" });
  });
});

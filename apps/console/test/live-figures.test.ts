import { describe, expect, it } from "vitest";
import { MAX_SAMPLES, type TurnoutSample, withSample } from "../app/[locale]/elections/[id]/turnout-history";
import { RATE_WINDOW_MS, votesPerSecond } from "../app/[locale]/elections/[id]/votes-per-second";

const sample = (version: number, turnout: number, receivedAt: number): TurnoutSample => ({
  version,
  turnout,
  receivedAt,
});

describe("the turnout history the console charts", () => {
  it("takes a sample for each newer snapshot only, whether the poll or the stream brought it", () => {
    const one = withSample([], sample(1, 10, 1_000));
    expect(one).toEqual([sample(1, 10, 1_000)]);
    expect(withSample(one, sample(1, 10, 2_000))).toBe(one);
    expect(withSample(one, sample(0, 9, 2_000))).toBe(one);
    expect(withSample(one, sample(2, 12, 2_000))).toEqual([sample(1, 10, 1_000), sample(2, 12, 2_000)]);
  });

  it("drops the oldest samples past the limit", () => {
    let history: readonly TurnoutSample[] = [];
    for (let v = 1; v <= 5; v++) history = withSample(history, sample(v, v, v), 3);
    expect(history.map((s) => s.version)).toEqual([3, 4, 5]);
    expect(MAX_SAMPLES).toBeGreaterThan(100);
  });
});

describe("votes per second", () => {
  it("is undefined until a few seconds have been watched", () => {
    expect(votesPerSecond([], 10_000)).toBeUndefined();
    expect(votesPerSecond([sample(1, 0, 10_000)], 11_000)).toBeUndefined();
  });

  it("averages over the window, from the turnout standing at its start", () => {
    const samples = [sample(1, 0, 0), sample(2, 100, 10_000), sample(3, 400, 40_000)];
    // At 50 s the window starts at 20 s, when turnout stood at 100 (the sample of 10 s).
    expect(votesPerSecond(samples, 50_000)).toBe(300 / (RATE_WINDOW_MS / 1000));
  });

  it("falls to zero when voting stops, though no snapshot says so", () => {
    const samples = [sample(1, 0, 0), sample(2, 100, 10_000)];
    expect(votesPerSecond(samples, 10_000 + RATE_WINDOW_MS + 1)).toBe(0);
  });
});

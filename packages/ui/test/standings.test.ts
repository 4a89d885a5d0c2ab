import { describe, expect, it } from "vitest";
import { formatShare, standings, votesCast } from "../src/results/standings";

const option = (id: string, votes: number) => ({ id, label: id.toUpperCase(), votes });

describe("standings", () => {
  it("gives each option its share of the votes and marks the single leader", () => {
    const s = standings({ kind: "single", abstentions: 5, options: [option("a", 30), option("b", 10)] });
    expect(s.votesForOptions).toBe(40);
    expect(s.options.map((o) => o.share)).toEqual([0.75, 0.25]);
    expect(s.leaders.map((o) => o.id)).toEqual(["a"]);
    expect(s.tied).toBe(false);
  });

  it("flags a shared lead as a tie", () => {
    const s = standings({
      kind: "single",
      abstentions: 0,
      options: [option("a", 10), option("b", 10), option("c", 3)],
    });
    expect(s.tied).toBe(true);
    expect(s.leaders.map((o) => o.id)).toEqual(["a", "b"]);
  });

  it("has no leader and no tie before any vote", () => {
    const s = standings({ kind: "single", abstentions: 2, options: [option("a", 0), option("b", 0)] });
    expect(s.leaders).toEqual([]);
    expect(s.tied).toBe(false);
    expect(s.options.every((o) => o.share === 0)).toBe(true);
  });

  it("takes multi-choice shares of the ballots that answered, so they may add past 100%", () => {
    const s = standings({ kind: "multi", abstentions: 2, options: [option("a", 8), option("b", 4)] }, 10);
    expect(s.options.map((o) => o.share)).toEqual([1, 0.5]);
  });

  it("with a weighted roll, takes multi-choice shares of the votes the ballots carry, not of the ballots", () => {
    // Two delegates weighing 30 and 12 both pick a; the 30 also picks b; nobody abstains.
    const snapshot = { turnout: 2, weightedVotes: 42 };
    expect(votesCast(snapshot)).toBe(42);
    expect(votesCast({ turnout: 2 })).toBe(2);
    const s = standings(
      { kind: "multi", abstentions: 0, options: [option("a", 42), option("b", 30)] },
      votesCast(snapshot),
    );
    expect(s.options.map((o) => o.share)).toEqual([1, 30 / 42]);
  });
});

describe("formatShare", () => {
  it("writes one decimal except at the ends", () => {
    expect(formatShare(3 / 7, "en")).toBe("42.9%");
    expect(formatShare(0, "en")).toBe("0%");
    expect(formatShare(1, "en")).toBe("100%");
  });
});

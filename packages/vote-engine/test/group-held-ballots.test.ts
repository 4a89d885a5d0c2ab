import { describe, expect, it } from "vitest";
import { groupHeldBallots, type HeldBallot } from "../src/index";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 9, 0, seconds));
const held = (
  voterKey: string,
  seconds: number | null,
  deviceId: string | null,
  networkBlock: string | null,
): HeldBallot => ({
  voterKey,
  castAt: seconds === null ? null : at(seconds),
  deviceId,
  networkBlock,
});

describe("grouping held ballots for fraud review", () => {
  it("groups accounts sharing a device and ballots from one address block, largest first", () => {
    const groups = groupHeldBallots([
      held("a", 0, "dev-1", "203.0.113.0/24"),
      held("b", 100, "dev-1", "203.0.113.0/24"),
      held("c", 200, "dev-1", "198.51.100.0/24"),
      held("d", 300, "dev-2", "203.0.113.0/24"),
      held("e", 400, "dev-3", "192.0.2.0/24"),
    ]);
    expect(groups.map((g) => [g.kind, g.key, g.voterKeys])).toEqual([
      ["same-device", "dev-1", ["a", "b", "c"]],
      ["same-network", "203.0.113.0/24", ["a", "b", "d"]],
    ]);
    expect(groups[0]).toMatchObject({ from: at(0), to: at(200) });
  });

  it("finds a burst: at least five ballots each within ten seconds of the one before; a slower trickle is none", () => {
    const burst = [0, 3, 9, 15, 24].map((s, i) => held(`burst-${i}`, 1000 + s, `d${i}`, `n${i}`));
    const trickle = [0, 11, 22, 33, 44].map((s, i) => held(`slow-${i}`, 5000 + s, `t${i}`, `m${i}`));
    const groups = groupHeldBallots([...trickle, ...burst, held("undated", null, "x", "y")]);
    expect(groups).toEqual([
      {
        kind: "burst",
        key: at(1000).toISOString(),
        voterKeys: burst.map((b) => b.voterKey),
        from: at(1000),
        to: at(1024),
      },
    ]);
  });

  it("leaves a lone held ballot out of every group, and ballots without evidence out of the shared ones", () => {
    expect(groupHeldBallots([held("only", 0, "dev", "net")])).toEqual([]);
    expect(groupHeldBallots([held("a", 0, null, null), held("b", 1, null, null)])).toEqual([]);
  });
});

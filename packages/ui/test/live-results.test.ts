import { describe, expect, it } from "vitest";
import { newerSnapshot } from "../src/results/newer-snapshot";
import { standings } from "../src/results/standings";
import { voteRows } from "../src/results/vote-rows";

describe("which snapshot is kept", () => {
  it("keeps the newer version whichever arrives last", () => {
    const v3 = { version: 3, turnout: 30 };
    const v4 = { version: 4, turnout: 41 };
    expect(newerSnapshot(v3, v4)).toBe(v4);
    expect(newerSnapshot(v4, v3)).toBe(v4);
    expect(newerSnapshot(undefined, v3)).toBe(v3);
    // The same version again (a replay after a reconnect) replaces nothing of substance.
    expect(newerSnapshot(v3, { version: 3, turnout: 30 })).toEqual(v3);
  });
});

describe("a question's standings as table rows", () => {
  const question = {
    kind: "single",
    options: [
      { id: "heron", label: "Heron", votes: 1234 },
      { id: "otter", label: "Otter", votes: 7 },
    ],
    abstentions: 0,
  };
  const s = standings(question);

  it("has a row per option with its votes and share as written in English, the leader marked in words", () => {
    const leading = { text: "Leading", winner: false };
    expect(voteRows(s, 0, "hidden", leading)).toEqual([
      { key: "heron", option: "Heron", mark: leading, votes: "1,234", share: "99.4%" },
      { key: "otter", option: "Otter", votes: "7", share: "0.6%" },
    ]);
  });

  it("adds the abstentions, which are no option's share, when there are some or where the site says so", () => {
    expect(voteRows(s, 2, "hidden").at(-1)).toEqual({ key: "abstained", option: "Abstained", votes: "2", share: "—" });
    expect(voteRows(s, 0, "shown").at(-1)).toEqual({ key: "abstained", option: "Abstained", votes: "0", share: "—" });
    expect(voteRows(s, 0, "hidden")).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { newerSnapshot } from "../src/results/newer-snapshot";
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

describe("a question's totals as table rows", () => {
  const question = {
    options: [
      { id: "heron", label: "Heron", votes: 1234 },
      { id: "otter", label: "Otter", votes: 7 },
    ],
    abstentions: 0,
  };

  it("has a row per option with its votes as written in English", () => {
    expect(voteRows(question, "hidden")).toEqual([
      { key: "heron", header: "Heron", cells: ["1,234"] },
      { key: "otter", header: "Otter", cells: ["7"] },
    ]);
  });

  it("adds the abstentions when there are some, or always where the site says so", () => {
    expect(voteRows({ ...question, abstentions: 2 }, "hidden").at(-1)).toEqual({
      key: "abstained",
      header: "Abstained",
      cells: ["2"],
    });
    expect(voteRows(question, "shown").at(-1)).toEqual({ key: "abstained", header: "Abstained", cells: ["0"] });
    expect(voteRows(question, "hidden")).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { certifyBlockers } from "../app/[locale]/elections/[id]/certification-rules";
import type { RecountRun } from "../app/[locale]/elections/[id]/use-recount";

const closed = { status: "closed", storedStatus: "closed" } as const;
const recount = (differences: number, version = 7): RecountRun => ({
  at: new Date(),
  basis: { version, storedStatus: "closed" },
  result: {
    votesRead: 3,
    rejected: 0,
    counters: {},
    instantRunoff: {},
    counts: {},
    differences: Array.from({ length: differences }, (_, i) => ({ counter: `q#o${i}`, live: 1, recount: 2 })),
  },
});

describe("why the Certify button is disabled", () => {
  it("allows certifying a closed election whose fresh recount equals the tally, with nothing held", () => {
    expect(
      certifyBlockers({ election: closed, recount: recount(0), tallyVersion: 7, heldWaiting: 0 }, inEnglish),
    ).toEqual([]);
  });

  it("names each blocker: open voting, no recount, a recount that differs or is stale, held ballots", () => {
    expect(
      certifyBlockers(
        {
          election: { status: "open", storedStatus: "open" },
          recount: undefined,
          tallyVersion: 7,
          heldWaiting: 0,
        },
        inEnglish,
      ),
    ).toEqual(["The election is open: close it first.", "Run a recount once the election is closed."]);
    expect(
      certifyBlockers({ election: closed, recount: recount(2), tallyVersion: 7, heldWaiting: 0 }, inEnglish),
    ).toEqual(["The recount differs from the live tally on 2 counters: find out why before certifying."]);
    expect(
      certifyBlockers({ election: closed, recount: recount(0, 6), tallyVersion: 7, heldWaiting: 0 }, inEnglish),
    ).toEqual(["The live tally has changed since the last recount: run it again."]);
    expect(
      certifyBlockers({ election: closed, recount: recount(0), tallyVersion: 7, heldWaiting: 2 }, inEnglish),
    ).toEqual(["2 held ballots wait for a decision in Fraud review."]);
  });

  it("says so when voting ended by the clock but the close is not recorded", () => {
    expect(
      certifyBlockers(
        {
          election: { status: "closed", storedStatus: "open" },
          recount: recount(0),
          tallyVersion: 7,
          heldWaiting: 0,
        },
        inEnglish,
      )[0],
    ).toMatch(/^Voting ended at its closing time/);
  });
});

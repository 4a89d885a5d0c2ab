import { describe, expect, it } from "vitest";
import {
  type CastState,
  outcomeOf,
  type VotePageInput,
  votePageState,
} from "../app/[locale]/elections/[id]/vote-page-state";
import { receipt } from "./receipt";
import { inEnglish } from "../i18n/english";

const open = { status: "open" as const, title: "Mascot" };
type Election = {
  status: "draft" | "scheduled" | "open" | "paused" | "closed" | "certified";
  title: string;
  optionOrder?: "as-listed" | "rotated" | "shuffled";
};

/** A signed-in voter on an open election, nothing cast, no stored ballot, the ballot to fill: each test changes one thing. */
const base: VotePageInput<Election> = {
  election: { status: "success", data: open },
  session: { loading: false, signedIn: true },
  stored: { pending: false, data: null },
  order: { status: "success", data: null },
  cast: { status: "idle" },
  step: "fill",
};
const stateOf = (change: Partial<VotePageInput<Election>>) => votePageState({ ...base, ...change }, inEnglish);
const bodyOf = (change: Partial<VotePageInput<Election>>) => {
  const state = stateOf(change);
  if (state.kind !== "election") throw new Error(`expected the election, got ${state.kind}`);
  return state.body;
};

describe("the vote page before the election is known", () => {
  it("is loading, then unavailable with the API's reason", () => {
    expect(stateOf({ election: { status: "pending" } })).toEqual({ kind: "loading" });
    expect(stateOf({ election: { status: "error", reason: "ELECTION_NOT_FOUND" } })).toEqual({
      kind: "unavailable",
      reason: "ELECTION_NOT_FOUND",
    });
    expect(stateOf({ election: { status: "error", reason: undefined } })).toEqual({
      kind: "unavailable",
      reason: undefined,
    });
  });
});

describe("what stands under the election's title", () => {
  it("shows the ballot to a signed-in voter who has not voted, and its review once checked", () => {
    expect(stateOf({})).toEqual({
      kind: "election",
      election: open,
      sending: false,
      outcome: undefined,
      body: { kind: "ballot", step: "fill", order: null },
    });
    expect(bodyOf({ step: "review" })).toEqual({ kind: "ballot", step: "review", order: null });
  });

  it("shows nothing while the session is read, then the sign-in form to a signed-out voter", () => {
    expect(bodyOf({ session: { loading: true, signedIn: false } })).toEqual({ kind: "session-loading" });
    expect(
      bodyOf({ session: { loading: false, signedIn: false }, stored: { pending: true, data: undefined } }),
    ).toEqual({ kind: "signed-out" });
  });

  it("asks a signed-out voter to sign in even when voting is closed", () => {
    expect(
      bodyOf({
        session: { loading: false, signedIn: false },
        election: { status: "success", data: { ...open, status: "closed" } },
      }),
    ).toEqual({ kind: "signed-out" });
  });

  it("says why there is no ballot: closed (or certified), or not open (yet, or paused)", () => {
    for (const status of ["closed", "certified"] as const) {
      expect(bodyOf({ election: { status: "success", data: { ...open, status } } })).toEqual({
        kind: "not-open",
        reason: "ELECTION_CLOSED",
      });
    }
    for (const status of ["draft", "scheduled", "paused"] as const) {
      expect(bodyOf({ election: { status: "success", data: { ...open, status } } })).toEqual({
        kind: "not-open",
        reason: "ELECTION_NOT_OPEN",
      });
    }
  });

  it("checks for a stored ballot before offering one", () => {
    expect(bodyOf({ stored: { pending: true, data: undefined } })).toEqual({ kind: "checking-vote" });
  });

  it("offers no ballot once one is counted, held or was cast before; a refusal gives the ballot back", () => {
    expect(bodyOf({ stored: { pending: false, data: { receipt, salt: "s", state: "accepted" } } })).toEqual({
      kind: "voted",
    });
    expect(bodyOf({ cast: { status: "error", failure: { kind: "already-voted" } } })).toEqual({ kind: "voted" });
    expect(
      bodyOf({ cast: { status: "error", failure: { kind: "refused", message: "Too many attempts" } }, step: "review" }),
    ).toEqual({ kind: "ballot", step: "review", order: null });
  });

  it("keeps the review on screen, marked as sending, while the ballot is sent", () => {
    const state = stateOf({ cast: { status: "pending" }, step: "review" });
    expect(state).toMatchObject({
      kind: "election",
      sending: true,
      outcome: undefined,
      body: { kind: "ballot", step: "review", order: null },
    });
  });
});

describe("the order the ballot lists the options in", () => {
  const drawn = (rule: "rotated" | "shuffled") => ({
    status: "success" as const,
    data: { ...open, optionOrder: rule },
  });
  const order = { chair: ["wen", "ada", "bo"] };

  it("waits for an order drawn for the voter, with the same words as for the stored ballot, then shows the ballot in it", () => {
    for (const rule of ["rotated", "shuffled"] as const) {
      expect(bodyOf({ election: drawn(rule), order: { status: "pending" } })).toEqual({ kind: "checking-vote" });
      expect(bodyOf({ election: drawn(rule), order: { status: "success", data: order } })).toEqual({
        kind: "ballot",
        step: "fill",
        order,
      });
    }
  });

  it("shows no ballot when the drawn order cannot be read: the receipt would record an order the voter did not see", () => {
    expect(bodyOf({ election: drawn("shuffled"), order: { status: "error" } })).toEqual({ kind: "order-failed" });
    expect(bodyOf({ election: drawn("rotated"), order: { status: "error" }, step: "review" })).toEqual({
      kind: "order-failed",
    });
  });

  it("neither waits for nor needs the order of an election that lists its options as defined", () => {
    for (const data of [open, { ...open, optionOrder: "as-listed" as const }]) {
      for (const status of ["pending", "error"] as const) {
        expect(bodyOf({ election: { status: "success", data }, order: { status } })).toEqual({
          kind: "ballot",
          step: "fill",
          order: null,
        });
      }
    }
  });

  it("matters only where a ballot would be shown", () => {
    const unread = { election: drawn("rotated"), order: { status: "error" as const } };
    expect(bodyOf({ ...unread, session: { loading: false, signedIn: false } })).toEqual({ kind: "signed-out" });
    expect(bodyOf({ ...unread, stored: { pending: true, data: undefined } })).toEqual({ kind: "checking-vote" });
    expect(bodyOf({ ...unread, stored: { pending: false, data: { receipt, salt: "s", state: "accepted" } } })).toEqual({
      kind: "voted",
    });
    expect(
      bodyOf({
        ...unread,
        election: { status: "success", data: { ...open, status: "closed", optionOrder: "rotated" } },
      }),
    ).toEqual({ kind: "not-open", reason: "ELECTION_CLOSED" });
  });
});

describe("where the voter's ballot stands", () => {
  const cast = (decision: string): CastState => ({ status: "success", result: { decision, receipt, salt: "salt" } });

  it("is this tab's cast first: counted when accepted, under review when held", () => {
    expect(outcomeOf(cast("accepted"), null, inEnglish)).toEqual({ kind: "counted", receipt, salt: "salt" });
    expect(outcomeOf(cast("quarantined"), { receipt, salt: "older", state: "accepted" }, inEnglish)).toEqual({
      kind: "under-review",
      receipt,
      salt: "salt",
    });
  });

  it("is a failed cast as it was read", () => {
    expect(outcomeOf({ status: "error", failure: { kind: "refused", message: "No." } }, null, inEnglish)).toEqual({
      kind: "refused",
      message: "No.",
    });
  });

  it("is otherwise the stored ballot's state, after the fraud review's decision", () => {
    expect(outcomeOf({ status: "idle" }, null, inEnglish)).toBeUndefined();
    expect(outcomeOf({ status: "idle" }, { receipt, salt: "s", state: "released" }, inEnglish)).toEqual({
      kind: "counted",
      receipt,
      salt: "s",
    });
    expect(outcomeOf({ status: "idle" }, { receipt, salt: "s", state: "quarantined" }, inEnglish)).toEqual({
      kind: "under-review",
      receipt,
      salt: "s",
    });
    const voided = outcomeOf({ status: "idle" }, { receipt, salt: "s", state: "voided" }, inEnglish);
    expect(voided?.kind).toBe("refused");
    expect(voided?.kind === "refused" && voided.message).toMatch(/^Your ballot was not counted after review/);
  });
});

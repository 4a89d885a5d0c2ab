import { describe, expect, it } from "vitest";
import {
  castVote,
  checkCastingAllowed,
  type Election,
  ELECTION_READ_MAX_AGE_MS,
  effectiveStatus,
  electionDefinitionSchema,
  replaceQuestions,
  STOP_NOTICE_MS,
  transition,
  votingDeadline,
} from "../src/index";
import { InMemoryVoteStore } from "../src/adapters/memory";
import { castDependencies, demoBallot, idempotencyKey } from "./fixtures";
import { election as demo } from "./fixtures";

const now = new Date("2026-11-25T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const draft: Election = { ...demo, status: "draft", opensAt: hours(1), closesAt: hours(48) };
const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? "OK" : result.error?.code);

describe("election lifecycle", () => {
  it("walks draft → scheduled → open ⇄ paused → closed → certified", () => {
    let e = draft;
    for (const [to, at] of [
      ["scheduled", now],
      ["open", hours(2)],
      ["paused", hours(3)],
      ["open", hours(4)],
      ["closed", hours(50)],
    ] as const) {
      const next = transition(e, to, { now: at });
      expect(next.ok, `${e.status} → ${to}`).toBe(true);
      if (next.ok) e = next.value;
    }
    expect(code(transition(e, "certified", { now: hours(51), recountMatchesTally: false }))).toBe("RECOUNT_MISMATCH");
    expect(code(transition(e, "certified", { now: hours(51) }))).toBe("RECOUNT_MISMATCH");
    expect(code(transition(e, "certified", { now: hours(51), recountMatchesTally: true }))).toBe("OK");
  });

  it.each([
    ["draft", "closed"],
    ["draft", "certified"],
    ["open", "draft"],
    ["closed", "open"],
    ["certified", "closed"],
    ["paused", "certified"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(code(transition({ ...draft, status: from }, to, { now, recountMatchesTally: true }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("schedules only a valid election", () => {
    expect(code(transition({ ...draft, opensAt: null }, "scheduled", { now }))).toBe("ELECTION_INVALID");
    expect(code(transition({ ...draft, opensAt: hours(5), closesAt: hours(4) }, "scheduled", { now }))).toBe(
      "ELECTION_INVALID",
    );
    expect(code(transition({ ...draft, opensAt: hours(-1) }, "scheduled", { now }))).toBe("ELECTION_INVALID");
    expect(code(transition({ ...draft, closesAt: hours(-1), opensAt: hours(-2) }, "open", { now }))).toBe(
      "ELECTION_INVALID",
    );
    expect(code(transition({ ...draft, questions: [] }, "open", { now }))).toBe("ELECTION_INVALID");
  });

  it("freezes questions once the election is open", () => {
    expect(code(replaceQuestions(draft, demo.questions.slice(0, 1)))).toBe("OK");
    for (const status of ["open", "paused", "closed", "certified"] as const) {
      expect(code(replaceQuestions({ ...draft, status }, demo.questions.slice(0, 1)))).toBe("QUESTIONS_LOCKED");
    }
  });

  it("allows casting only while open and inside the schedule", () => {
    const open: Election = { ...draft, status: "open" };
    expect(code(checkCastingAllowed(open, hours(2)))).toBe("OK");
    expect(code(checkCastingAllowed(open, hours(0.5)))).toBe("ELECTION_NOT_OPEN");
    expect(code(checkCastingAllowed(open, hours(48)))).toBe("ELECTION_CLOSED");
    expect(code(checkCastingAllowed({ ...open, status: "paused" }, hours(2)))).toBe("ELECTION_NOT_OPEN");
    expect(code(checkCastingAllowed({ ...open, status: "closed" }, hours(2)))).toBe("ELECTION_CLOSED");
    expect(code(checkCastingAllowed({ ...open, status: "draft" }, hours(2)))).toBe("ELECTION_NOT_OPEN");
  });

  it("opens a scheduled election at its opening time and closes it at its closing time, with no scheduler", () => {
    const scheduled: Election = { ...draft, status: "scheduled" };
    expect(effectiveStatus(scheduled, hours(0.5))).toBe("scheduled");
    expect(code(checkCastingAllowed(scheduled, hours(0.5)))).toBe("ELECTION_NOT_OPEN");
    expect(effectiveStatus(scheduled, hours(1))).toBe("open");
    expect(code(checkCastingAllowed(scheduled, hours(1)))).toBe("OK");
    expect(effectiveStatus(scheduled, hours(48))).toBe("closed");
    expect(code(checkCastingAllowed(scheduled, hours(48)))).toBe("ELECTION_CLOSED");
    expect(effectiveStatus({ ...draft, status: "paused" }, hours(49))).toBe("closed");
    expect(effectiveStatus(draft, hours(49))).toBe("draft");
  });

  it("refuses a definition with repeated question or option ids", () => {
    const definition = { ...demo, opensAt: null, closesAt: null };
    expect(electionDefinitionSchema.safeParse(definition).success).toBe(true);
    expect(
      electionDefinitionSchema.safeParse({ ...definition, questions: [demo.questions[0], demo.questions[0]] }).success,
    ).toBe(false);
    const [first] = demo.questions;
    const repeatedOption = { ...first!, options: [first!.options[0]!, first!.options[0]!] };
    expect(electionDefinitionSchema.safeParse({ ...definition, questions: [repeatedOption] }).success).toBe(false);
  });

  describe("a pause or close by an official", () => {
    const open: Election = { ...draft, status: "open", opensAt: hours(-1), closesAt: hours(48) };
    const ms = (n: number) => new Date(now.getTime() + n);
    const closed = transition(open, "closed", { now });
    if (!closed.ok) throw new Error(closed.error.code);
    const stopsAt = ms(STOP_NOTICE_MS);

    it("takes effect STOP_NOTICE_MS later, to the millisecond, on any copy of the election", () => {
      expect(closed.value.stopsAt).toEqual(stopsAt);
      expect(code(checkCastingAllowed(closed.value, ms(STOP_NOTICE_MS - 1)))).toBe("OK");
      expect(code(checkCastingAllowed(closed.value, stopsAt))).toBe("ELECTION_CLOSED");
      expect(effectiveStatus(closed.value, ms(STOP_NOTICE_MS - 1))).toBe("open");
      expect(effectiveStatus(closed.value, stopsAt)).toBe("closed");
      expect(votingDeadline(closed.value)).toEqual(stopsAt);
      // The copy a task cached before the close knows nothing of it; the notice outlasts the oldest copy a cast may use.
      expect(STOP_NOTICE_MS).toBeGreaterThan(ELECTION_READ_MAX_AGE_MS);
    });

    it("pauses the same way, and a resume clears the stop", () => {
      const paused = transition(open, "paused", { now });
      if (!paused.ok) throw new Error(paused.error.code);
      expect(code(checkCastingAllowed(paused.value, ms(STOP_NOTICE_MS - 1)))).toBe("OK");
      expect(code(checkCastingAllowed(paused.value, stopsAt))).toBe("ELECTION_NOT_OPEN");
      const resumed = transition(paused.value, "open", { now: hours(1) });
      if (!resumed.ok) throw new Error(resumed.error.code);
      expect(resumed.value.stopsAt).toBeNull();
      expect(votingDeadline(resumed.value)).toEqual(open.closesAt);
      // Closing a paused election keeps the pause's instant: nothing was cast since.
      const closedAfterPause = transition(paused.value, "closed", { now: hours(1) });
      expect(closedAfterPause.ok && closedAfterPause.value.stopsAt).toEqual(stopsAt);
    });

    it("cannot be certified before it takes effect", () => {
      expect(
        code(transition(closed.value, "certified", { now: ms(STOP_NOTICE_MS - 1), recountMatchesTally: true })),
      ).toBe("ELECTION_NOT_CLOSED_YET");
      expect(code(transition(closed.value, "certified", { now: stopsAt, recountMatchesTally: true }))).toBe("OK");
    });

    it("is never judged by a copy of the election older than ELECTION_READ_MAX_AGE_MS", async () => {
      const readAt = now;
      const cast = (at: number) =>
        castVote(
          castDependencies(new InMemoryVoteStore(), {
            elections: { get: async () => ({ ...open, readAt }) },
            clock: { now: () => ms(at) },
          }),
          {
            electionId: open.id,
            subject: `voter-${at}`,
            idempotencyKey: idempotencyKey(at),
            ballot: demoBallot(1),
          },
        );
      expect(code(await cast(ELECTION_READ_MAX_AGE_MS - 1))).toBe("OK");
      expect(code(await cast(ELECTION_READ_MAX_AGE_MS))).toBe("ELECTION_STATE_STALE");
    });
  });
});

import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { TRPCClientError } from "@trpc/client";
import { lifecycleActions } from "../app/[locale]/elections/[id]/lifecycle-actions";
import { nextStep } from "../app/[locale]/elections/[id]/next-step";
import { failureMessage } from "../app/[locale]/elections/[id]/failure-message";
import { reasonProblem } from "../app/[locale]/elections/[id]/reason-form";
import { eligibilityChoices, ruleChoice } from "../app/[locale]/elections/election-rules";
import { rolesOf } from "../lib/roles";

const refusal = (reason: string, message: string) =>
  TRPCClientError.from({ error: { message, code: -32600, data: { reason } } });

describe("the lifecycle buttons", () => {
  const ids = (stored: Parameters<typeof lifecycleActions>[0], effective: Parameters<typeof lifecycleActions>[1]) =>
    lifecycleActions(stored, effective).map((a) => a.id);

  it("follow the status officials see", () => {
    expect(ids("draft", "draft")).toEqual(["open"]);
    expect(ids("scheduled", "scheduled")).toEqual(["open", "close"]);
    expect(ids("open", "open")).toEqual(["pause", "close"]);
    expect(ids("paused", "paused")).toEqual(["resume", "close"]);
    expect(ids("closed", "closed")).toEqual([]);
    expect(ids("certified", "certified")).toEqual([]);
  });

  it("record the opening before pausing an election opened by its schedule", () => {
    expect(lifecycleActions("scheduled", "open").find((a) => a.id === "pause")?.steps).toEqual(["open", "paused"]);
    expect(lifecycleActions("open", "open").find((a) => a.id === "pause")?.steps).toEqual(["paused"]);
  });

  it("while an official's close is taking effect, say when voting stops and offer nothing more; a pending pause may still become a close", () => {
    expect(ids("closed", "open")).toEqual([]);
    expect(ids("paused", "open")).toEqual(["close"]);
    const timing = { opensAt: null, closesAt: null, stopsAt: "2026-12-03T12:00:02.000Z" };
    const utc = { locale: "en-GB", timeZone: "UTC" };
    expect(nextStep({ ...timing, storedStatus: "closed", status: "open" }, inEnglish, utc)).toEqual({
      sentence: "Closing: voting stops at 12:00:02 UTC; ballots cast before then still count.",
      action: { kind: "none" },
    });
    expect(nextStep({ ...timing, storedStatus: "paused", status: "open" }, inEnglish, utc).sentence).toMatch(
      /^Pausing: /,
    );
    expect(nextStep({ ...timing, storedStatus: "open", status: "open" }, inEnglish, utc).sentence).toBe(
      "Voting is open until you close it.",
    );
  });

  it("offer to record a close that happened by the clock, and say why", () => {
    expect(ids("open", "closed")).toEqual(["record-close"]);
    const timing = { opensAt: null, closesAt: null };
    expect(nextStep({ ...timing, storedStatus: "open", status: "closed" }, inEnglish)).toEqual({
      sentence: "Voting ended at its closing time. Next: record the close, then recount and certify.",
      action: { kind: "lifecycle" },
    });
    expect(nextStep({ ...timing, storedStatus: "closed", status: "closed" }, inEnglish).action).toEqual({
      kind: "link",
      path: "/certification",
      label: "Recount and certify…",
    });
  });
});

describe("what officials are told", () => {
  it("after a failed call: the reason's words, plain words for a malformed input, the fallback when no answer came", () => {
    expect(
      failureMessage(refusal("ELECTION_CHANGED", "Someone else changed this election."), "fallback", inEnglish),
    ).toBe("Someone changed this election a moment ago. Reload and try again.");
    // A reason this console has no words for yet: the API's own message.
    expect(failureMessage(refusal("SOMETHING_NEW", "The API's own words."), "fallback", inEnglish)).toBe(
      "The API's own words.",
    );
    expect(failureMessage(refusal("INVALID_INPUT", "[{ raw zod issues }]"), "fallback", inEnglish)).toBe(
      "The API refused what was sent; check the fields and try again.",
    );
    expect(failureMessage(new TypeError("fetch failed"), "fallback", inEnglish)).toBe("fallback");
  });

  it("about a reason too short for the audit trail", () => {
    expect(reasonProblem("  ok ", inEnglish)).toBe("Give a reason of at least 3 characters.");
    expect(reasonProblem("Polls close", inEnglish)).toBeUndefined();
  });

  it("about a rule, even one from a newer API this console does not know", () => {
    expect(ruleChoice(eligibilityChoices(inEnglish), "voter-roll").label).toBe("People on a voter roll");
    expect(ruleChoice(eligibilityChoices(inEnglish), "members-only" as "voter-roll")).toEqual({
      value: "members-only",
      label: "members-only",
      hint: "",
    });
  });
});

describe("which parts of the console an account sees", () => {
  it("follows its Cognito groups", () => {
    expect(rolesOf(["officials"])).toEqual({ isOfficial: true, isOperator: false });
    expect(rolesOf(["operators", "officials"])).toEqual({ isOfficial: true, isOperator: true });
    expect(rolesOf(["voters"])).toEqual({ isOfficial: false, isOperator: false });
  });
});

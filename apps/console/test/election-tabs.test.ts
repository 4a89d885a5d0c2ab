import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { electionTabs } from "../app/[locale]/elections/[id]/election-tabs";
import { nextStep } from "../app/[locale]/elections/[id]/next-step";

const labels = (status: Parameters<typeof electionTabs>[1]) =>
  electionTabs("e1", status, "/elections/e1", inEnglish).map((t) => t.label);

describe("the election's tabs", () => {
  it("offer only what the status allows", () => {
    expect(labels("draft")).toEqual(["Overview", "Ballot", "Voter roll", "Mail", "Audit trail"]);
    expect(labels("open")).toEqual([
      "Overview",
      "Ballot",
      "Voter roll",
      "Mail",
      "Live results",
      "Fraud review",
      "Audit trail",
    ]);
    expect(labels("closed")).toEqual([
      "Overview",
      "Ballot",
      "Voter roll",
      "Mail",
      "Live results",
      "Fraud review",
      "Recount & certification",
      "Audit trail",
    ]);
    expect(labels("certified")).toContain("Export");
    expect(labels("closed")).not.toContain("Export");
  });

  it("mark the page being shown, and link the audit trail filtered to the election", () => {
    const tabs = electionTabs("e1", "closed", "/elections/e1/certification", inEnglish);
    expect(tabs.filter((t) => t.current).map((t) => t.label)).toEqual(["Recount & certification"]);
    expect(tabs.at(-1)).toEqual({ href: "/audit?electionId=e1", label: "Audit trail", current: false });
  });
});

describe("what happens next", () => {
  const at = { locale: "en-GB", timeZone: "UTC" };
  it("says when a scheduled election opens and an open one closes, in words", () => {
    const times = { opensAt: "2026-12-03T14:05:00Z", closesAt: "2026-12-04T18:00:00Z" };
    expect(nextStep({ ...times, status: "scheduled", storedStatus: "scheduled" }, inEnglish, at).sentence).toBe(
      "Scheduled: voting opens by itself on 3 Dec 2026, 14:05 UTC.",
    );
    expect(nextStep({ ...times, status: "open", storedStatus: "open" }, inEnglish, at).sentence).toBe(
      "Voting is open until 4 Dec 2026, 18:00 UTC, when it closes by itself.",
    );
  });

  it("leads to the export once certified", () => {
    const step = nextStep({ opensAt: null, closesAt: null, status: "certified", storedStatus: "certified" }, inEnglish);
    expect(step.action).toMatchObject({ kind: "link", path: "/export" });
  });
});

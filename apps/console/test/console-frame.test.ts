import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { consoleSections } from "../app/[locale]/console-sections";
import { detailLines } from "../app/[locale]/audit/audit-details";
import { outcomeSentence } from "../app/[locale]/elections/[id]/fraud/decision-form";
import { type Case, type Group, reasonCounts, reviewLists } from "../app/[locale]/elections/[id]/fraud/review-lists";

describe("the console's sections", () => {
  const official = { isOfficial: true, isOperator: false };
  const both = { isOfficial: true, isOperator: true };
  const current = (path: string, roles = both) =>
    consoleSections(roles, path, inEnglish)
      .filter((s) => s.current)
      .map((s) => [s.label, s.current]);

  it("offers only what the account's roles open", () => {
    expect(consoleSections(official, "/", inEnglish).map((s) => s.label)).toEqual([
      "Elections",
      "Fraud review",
      "Audit",
    ]);
    expect(consoleSections({ isOfficial: false, isOperator: true }, "/", inEnglish).map((s) => s.label)).toEqual([
      "Operations",
    ]);
    expect(consoleSections(both, "/", inEnglish).map((s) => s.label)).toEqual([
      "Elections",
      "Fraud review",
      "Audit",
      "Operations",
    ]);
  });

  it("marks exactly one section: its own page, or a page inside it", () => {
    expect(current("/")).toEqual([["Elections", "page"]]);
    expect(current("/elections/new")).toEqual([["Elections", "section"]]);
    expect(current("/elections/abc/roll")).toEqual([["Elections", "section"]]);
    // An election's fraud review is fraud review, not the election.
    expect(current("/elections/abc/fraud")).toEqual([["Fraud review", "section"]]);
    expect(current("/fraud")).toEqual([["Fraud review", "page"]]);
    expect(current("/audit")).toEqual([["Audit", "page"]]);
    expect(current("/operations")).toEqual([["Operations", "page"]]);
    expect(current("/design-system")).toEqual([]);
    expect(current("/auditors")).toEqual([]);
  });
});

const held = (voterKey: string, castAt: string, reasons: string[] = [], state = "quarantined") =>
  ({ voterKey, castAt, reasons, state, deviceId: null, networkBlock: null, score: 50 }) as unknown as Case;
const group = (kind: Group["kind"], key: string, voterKeys: string[]) =>
  ({ kind, key, voterKeys, from: null, to: null }) as unknown as Group;

describe("the fraud review's lists", () => {
  const cases = [
    held("e", "2026-03-01T10:00:05Z"),
    held("a", "2026-03-01T10:00:01Z", ["HEADLESS_CLIENT", "NEW_ACCOUNT"]),
    held("b", "2026-03-01T10:00:02Z", ["HEADLESS_CLIENT"]),
    held("c", "2026-03-01T10:00:03Z"),
    held("d", "2026-03-01T10:00:04Z"),
    held("f", "2026-03-01T10:00:00Z", [], "released"),
  ];
  // As the API sends them, largest first, overlapping: a, b, c are on one device and also in the burst.
  const groups = [
    group("burst", "2026-03-01T10:00:01Z", ["a", "b", "c", "d", "e"]),
    group("same-device", "k", ["a", "b", "c"]),
  ];

  it("lists every held ballot exactly once", () => {
    const lists = reviewLists(cases, groups);
    const listed = [...lists.groups.flatMap((g) => g.members), ...lists.alone].map((c) => c.voterKey);
    expect(listed.sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(lists.groups.map((g) => g.group.kind)).toEqual(["burst"]);
    expect(lists.decided.map((c) => c.voterKey)).toEqual(["f"]);
  });

  it("keeps the overlap as evidence", () => {
    const [burst] = reviewLists(cases, groups).groups;
    expect(burst?.alsoIn.map((o) => [o.group.kind, o.shared])).toEqual([["same-device", 3]]);
  });

  it("drops a group left with one ballot and lists that ballot alone", () => {
    const lists = reviewLists(cases, [
      group("same-device", "k", ["a", "b", "c"]),
      group("same-network", "n", ["c", "d"]),
    ]);
    expect(lists.groups.map((g) => g.members.map((c) => c.voterKey))).toEqual([["a", "b", "c"]]);
    expect(lists.alone.map((c) => c.voterKey)).toEqual(["d", "e"]);
  });

  it("numbers ballots in cast order, decided ones included, so a number stays with its ballot", () => {
    const { numbers } = reviewLists(cases, groups);
    expect(["f", "a", "b", "c", "d", "e"].map((key) => numbers.get(key))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("counts the reasons, commonest first", () => {
    expect(reasonCounts(cases)).toEqual([
      ["HEADLESS_CLIENT", 2],
      ["NEW_ACCOUNT", 1],
    ]);
  });

  it("tells the outcome of a decision in words", () => {
    expect(outcomeSentence("void", 2, 2, inEnglish)).toBe("2 ballots voided (never counted).");
    expect(outcomeSentence("release", 1, 3, inEnglish)).toBe(
      "1 ballot released (counted); 2 had already been decided.",
    );
  });
});

describe("an audit record's details", () => {
  it("are said in words, ballot keys counted rather than listed", () => {
    expect(detailLines({ voterKeys: ["k1", "k2"], decidedKeys: ["k1"], changed: 1 }, inEnglish)).toEqual([
      { label: "Ballots concerned", value: "2 ballots" },
      { label: "Ballots decided", value: "1 ballot" },
    ]);
    expect(detailLines({ from: "scheduled", to: "open" }, inEnglish)).toEqual([
      { label: "From", value: "Scheduled" },
      { label: "To", value: "Open" },
    ]);
  });

  it("keep a detail this version does not know, its name made readable", () => {
    expect(detailLines({ new_thing: 3, tags: ["a", "b", "c", "d"] }, inEnglish)).toEqual([
      { label: "New thing", value: "3" },
      { label: "Tags", value: "a, b, c, … (4 in all)" },
    ]);
  });

  it("write dates in the one unambiguous format", () => {
    // The month as a word and the zone named, whatever the locale (the test runs in Europe/Paris).
    const opens = detailLines({ opensAt: "2026-03-01T09:00:00.000Z" }, inEnglish)[0]?.value ?? "";
    expect(opens).toMatch(/Mar/);
    expect(opens).toMatch(/2026/);
    expect(opens).toMatch(/10:00/);
    expect(opens).toMatch(/(CET|GMT\+1)$/);
  });
});

import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import {
  formatUtc,
  fromDateTimeLocal,
  toDateTimeLocal,
  toIsoWithOffset,
  utcOffsetOn,
} from "../app/[locale]/elections/[id]/local-time";
import {
  auditQuery,
  filtersFromSearch,
  filtersProblem,
  hasFilters,
  localDay,
  searchFromFilters,
} from "../app/[locale]/audit/audit-filters";

// vitest.config.ts runs these in Europe/Paris: UTC+1 in winter, UTC+2 from 30 March 2025, 02:00.

describe("an official's local time", () => {
  it("has the offset of its own date, either side of the daylight-saving change", () => {
    expect(utcOffsetOn(new Date(2025, 2, 29, 12))).toBe("+01:00");
    expect(utcOffsetOn(new Date(2025, 2, 31, 12))).toBe("+02:00");
  });

  it("is sent as the wall time typed, with its offset", () => {
    const opens = fromDateTimeLocal("2025-03-30T09:00");
    expect(opens).toBeDefined();
    expect(toIsoWithOffset(opens!)).toBe("2025-03-30T09:00:00.000+02:00");
    expect(toIsoWithOffset(fromDateTimeLocal("2025-01-15T18:30:05")!)).toBe("2025-01-15T18:30:05.000+01:00");
  });

  it("reads nothing from an empty field, and gives a stored instant back to the field in local time", () => {
    expect(fromDateTimeLocal("")).toBeUndefined();
    expect(toDateTimeLocal("2025-03-30T07:00:00.000Z")).toBe("2025-03-30T09:00");
    expect(formatUtc("2025-03-30T07:00:00.000Z", "en-GB")).toBe("30 Mar 2025, 07:00 UTC");
  });
});

describe("the audit trail's filters in the address", () => {
  const filters = {
    electionId: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    action: "election.transition",
    actor: "",
    from: "2025-03-30",
    to: "2025-03-31",
  };

  it("survive the round trip through the address, empty ones left out", () => {
    const search = searchFromFilters(filters);
    expect(search).toBe(
      "electionId=7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61&action=election.transition&from=2025-03-30&to=2025-03-31",
    );
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
    expect(hasFilters(filtersFromSearch(new URLSearchParams("")))).toBe(false);
  });

  it("turn days into the first and last millisecond of each, in the browser's zone", () => {
    expect(localDay("2025-03-30", "start")).toBe("2025-03-30T00:00:00.000+01:00");
    expect(localDay("2025-03-30", "end")).toBe("2025-03-30T23:59:59.999+02:00");
    expect(localDay("30/03/2025", "start")).toBeUndefined();
    expect(auditQuery(filters)).toEqual({
      limit: 200,
      electionId: filters.electionId,
      action: "election.transition",
      from: "2025-03-30T00:00:00.000+01:00",
      to: "2025-03-31T23:59:59.999+02:00",
    });
  });

  it("say what is wrong with dates before anything is sent", () => {
    expect(filtersProblem(filters, inEnglish)).toBeUndefined();
    expect(filtersProblem({ ...filters, from: "2025-04-01" }, inEnglish)).toBe(
      "The “from” date is after the “to” date.",
    );
    expect(filtersProblem({ ...filters, to: "tomorrow" }, inEnglish)).toBe("The “to” date is not a date.");
  });
});

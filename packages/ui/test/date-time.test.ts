import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatRelative,
  formatTime,
  toIsoString,
  UNKNOWN_TIME,
} from "../src/format/date-time";

// 2 December 2026 (the day "02/12/2026" is ambiguous about), 14:05:09 UTC.
const instant = "2026-12-02T14:05:09.000Z";

describe("formatDateTime", () => {
  it("writes the month as a word and names the zone", () => {
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "UTC" })).toBe("2 Dec 2026, 14:05 UTC");
  });

  it("uses the zone it is given, naming it (Paris is an hour ahead in winter)", () => {
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "Europe/Paris" })).toBe("2 Dec 2026, 15:05 CET");
  });

  it("follows the locale's order but never its all-digit date", () => {
    const us = formatDateTime(instant, { locale: "en-US", timeZone: "America/New_York" });
    expect(us).toBe("Dec 2, 2026, 09:05 AM EST");
    expect(us).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}/);
    const french = formatDateTime(instant, { locale: "fr-FR", timeZone: "UTC" });
    expect(french).toMatch(/^2 déc\. 2026/);
  });

  it("accepts a Date and epoch milliseconds as well as ISO text, and shows seconds when asked", () => {
    const epoch = Date.parse(instant);
    const options = { locale: "en-GB", timeZone: "UTC", seconds: true };
    expect(formatDateTime(new Date(epoch), options)).toBe("2 Dec 2026, 14:05:09 UTC");
    expect(formatDateTime(epoch, options)).toBe("2 Dec 2026, 14:05:09 UTC");
  });

  it("says plainly when the value is not a date instead of 'Invalid Date'", () => {
    expect(formatDateTime("not a date")).toBe(UNKNOWN_TIME);
    expect(toIsoString("not a date")).toBe("");
  });
});

describe("formatDate and formatTime", () => {
  it("give the day in the zone: late evening in New York is already the next day in UTC", () => {
    const lateEvening = "2026-12-03T02:30:00.000Z";
    expect(formatDate(lateEvening, { locale: "en-GB", timeZone: "UTC" })).toBe("3 Dec 2026");
    expect(formatDate(lateEvening, { locale: "en-GB", timeZone: "America/New_York" })).toBe("2 Dec 2026");
  });

  it("give the time with its zone", () => {
    expect(formatTime(instant, { locale: "en-GB", timeZone: "UTC" })).toBe("14:05 UTC");
    expect(formatTime(instant, { locale: "en-GB", timeZone: "UTC", seconds: true })).toBe("14:05:09 UTC");
  });
});

describe("formatRelative", () => {
  const now = Date.parse(instant);
  const at = (ms: number) => formatRelative(now + ms, { locale: "en", now });

  it("says 'now' within ten seconds either way", () => {
    expect(at(0)).toBe("now");
    expect(at(-9_000)).toBe("now");
  });

  it("picks the largest unit the distance reaches", () => {
    expect(at(-5 * 60_000)).toBe("5 minutes ago");
    expect(at(2 * 3600_000)).toBe("in 2 hours");
    expect(at(-24 * 3600_000)).toBe("yesterday");
    expect(at(-3 * 7 * 24 * 3600_000)).toBe("3 weeks ago");
    expect(at(400 * 24 * 3600_000)).toBe("next year");
  });
});

/**
 * Officials type times in their own time zone; the API wants ISO 8601 with an offset, and the
 * audit trail keeps what was sent. These helpers convert between the two, always through the
 * browser's zone (the console renders only in the browser, behind the sign-in gate).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The browser's IANA time zone, e.g. "Europe/Paris". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The browser zone's offset on that date, e.g. "+02:00" (it differs either side of a daylight-saving change). */
export function utcOffsetOn(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** Local wall time with its offset, e.g. "2025-03-30T09:00:00.000+02:00": the instant, and what the official meant. */
export function toIsoWithOffset(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  return `${day}T${time}${utcOffsetOn(date)}`;
}

/** A `datetime-local` input's value ("2025-03-30T09:00") as that wall time in the browser's zone; undefined when empty. */
export function fromDateTimeLocal(value: string): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!parts) return undefined;
  const fields = parts.slice(1).map((part) => Number(part ?? 0));
  const [year, month, day, hours, minutes, seconds] = fields as [number, number, number, number, number, number];
  return new Date(year, month - 1, day, hours, minutes, seconds);
}

/** An instant as a `datetime-local` input's value, in the browser's zone. */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const dateAndTime = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/** "30 Mar 2025, 09:00 CEST": in the browser's zone, named; in the page's language. */
export function formatLocal(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, { ...dateAndTime, timeZoneName: "short" });
}

/** "30 Mar 2025, 07:00 UTC". */
export function formatUtc(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, { ...dateAndTime, timeZone: "UTC", timeZoneName: "short" });
}

/** "09:00:04", for live updates. */
export function formatClock(epochMs: number, locale: string): string {
  return new Date(epochMs).toLocaleTimeString(locale);
}

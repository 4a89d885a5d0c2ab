/**
 * The one way both apps write a date or a time. Always unambiguous: the month is a word (never
 * "02/12/2026", which half the world reads as February and half as December) and a time carries
 * its zone's name. By default it is the viewer's locale and time zone (the runtime's); pass
 * `timeZone: "UTC"` and a `locale` for text that must be the same everywhere (server renders, logs).
 */

/** What the formatters accept: an ISO 8601 string, a Date, or milliseconds since the epoch. */
export type DateTimeInput = string | number | Date;

export interface DateTimeOptions {
  /** A BCP 47 locale, e.g. "en-GB"; the viewer's (the runtime default) when left out. */
  readonly locale?: string;
  /** An IANA zone, e.g. "Europe/Paris" or "UTC"; the viewer's when left out. */
  readonly timeZone?: string;
  /** Show seconds too (live updates, audit entries). */
  readonly seconds?: boolean;
  /** Said for a value that is not a date: UNKNOWN_TIME unless the site's language says otherwise. */
  readonly unknown?: string;
}

export interface RelativeOptions {
  readonly locale?: string;
  /** The instant to measure from; now when left out (tests pass a fixed one). */
  readonly now?: DateTimeInput;
}

/** What is shown for a value that is not a date, instead of "Invalid Date". */
export const UNKNOWN_TIME = "unknown time";

/** The input as a Date, or undefined when it is not a valid instant. */
export function toDate(value: DateTimeInput): Date | undefined {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The machine-readable form for `<time dateTime>`: ISO 8601 in UTC, or "" when not a date. */
export function toIsoString(value: DateTimeInput): string {
  return toDate(value)?.toISOString() ?? "";
}

// Intl.DateTimeFormat is slow to build and these run for every row of a table: keep one per settings.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? "", options]);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

const day = { year: "numeric", month: "short", day: "numeric" } as const;
const clock = (seconds: boolean | undefined): Intl.DateTimeFormatOptions =>
  seconds ? { hour: "2-digit", minute: "2-digit", second: "2-digit" } : { hour: "2-digit", minute: "2-digit" };

function format(value: DateTimeInput, options: DateTimeOptions, fields: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  if (!date) return options.unknown ?? UNKNOWN_TIME;
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  return formatter(options.locale, { ...fields, ...zone }).format(date);
}

/** "3 Dec 2026, 14:05 UTC" (en-GB) or "Dec 3, 2026, 02:05 PM EST" (en-US): day, month as a word, time, zone. */
export function formatDateTime(value: DateTimeInput, options: DateTimeOptions = {}): string {
  return format(value, options, { ...day, ...clock(options.seconds), timeZoneName: "short" });
}

/** "3 Dec 2026": the calendar day in the zone (the viewer's unless given); `seconds` is ignored. */
export function formatDate(value: DateTimeInput, options: DateTimeOptions = {}): string {
  return format(value, options, day);
}

/** "14:05 UTC" (or "14:05:09 UTC" with seconds): the time of day with its zone. */
export function formatTime(value: DateTimeInput, options: DateTimeOptions = {}): string {
  return format(value, options, { ...clock(options.seconds), timeZoneName: "short" });
}

/**
 * The locale to write dates in for a site in `language`: the viewer's own regional variant of it
 * when the browser lists one ("en-GB" for an English page read in Britain: "3 Dec 2026, 14:05
 * GMT"), else the language itself. Undefined (the console) leaves the runtime's default.
 */
export function viewerLocale(
  language: string | undefined,
  preferred: readonly string[] = typeof navigator === "undefined" ? [] : navigator.languages,
): string | undefined {
  if (language === undefined) return undefined;
  const base = (tag: string) => tag.split("-")[0]!.toLowerCase();
  return preferred.find((tag) => base(tag) === base(language)) ?? language;
}

// Largest unit first: the first whose size the distance reaches is the one said ("3 hours ago").
const units: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["week", 7 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/** "5 minutes ago", "in 2 hours", "yesterday", "now": how far the instant is from now, in words. */
export function formatRelative(value: DateTimeInput, options: RelativeOptions = {}): string {
  const date = toDate(value);
  const now = toDate(options.now ?? Date.now());
  if (!date || !now) return UNKNOWN_TIME;
  const distance = date.getTime() - now.getTime();
  const words = new Intl.RelativeTimeFormat(options.locale, { numeric: "auto" });
  // Under ten seconds either way is "now": a live page should not tick "3 seconds ago", "4 seconds ago"…
  if (Math.abs(distance) < 10_000) return words.format(0, "second");
  const [unit, size] = units.find(([, ms]) => Math.abs(distance) >= ms) ?? ["second", 1_000];
  return words.format(Math.round(distance / size), unit);
}

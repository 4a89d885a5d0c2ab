import { INTERVALS_PER_PART } from "../../risk/network-categories";
import { type NetworkIntervals, parseNetworks } from "../../risk/network-ranges";

export type NetworkListFormat = "text" | "aws-ip-ranges";

export interface NetworkListFile {
  /** Disjoint intervals, overlapping and adjacent entries joined. */
  readonly intervals: NetworkIntervals;
  /** Entries read (addresses and ranges), before joining. */
  readonly entries: number;
  readonly format: NetworkListFormat;
  /** Entries that are not an address or range: their line as an editor shows it (in JSON, their place in the list). */
  readonly errors: ReadonlyArray<{ readonly line: number; readonly text: string }>;
}

/**
 * A threat feed as operators get them:
 * - text: one address or CIDR range per line, as Tor's exit list, FireHOL's netsets and Spamhaus
 *   DROP publish them; what follows `#` or `;` is a comment, and so is anything after the first
 *   word (DROP's "; SBL123");
 * - aws-ip-ranges: AWS's ip-ranges.json (`prefixes[].ip_prefix`, `ipv6_prefixes[].ipv6_prefix`),
 *   and any JSON of that shape (other clouds publish the same).
 * "auto" takes JSON for a file that starts with "{".
 */
export function readNetworkList(text: string, format: NetworkListFormat | "auto" = "auto"): NetworkListFile {
  const chosen = format === "auto" ? (text.trimStart().startsWith("{") ? "aws-ip-ranges" : "text") : format;
  const lines = chosen === "text" ? textEntries(text) : jsonEntries(text);
  const good: string[] = [];
  const errors: Array<{ line: number; text: string }> = [];
  for (const { line, entry } of lines) {
    try {
      parseNetworks([entry]);
      good.push(entry);
    } catch {
      errors.push({ line, text: entry.slice(0, 80) });
    }
  }
  return { intervals: parseNetworks(good), entries: good.length, format: chosen, errors };
}

function textEntries(text: string): Array<{ line: number; entry: string }> {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const entry =
      raw
        .replace(/[#;].*$/, "")
        .trim()
        .split(/\s+/)[0] ?? "";
    return entry ? [{ line: i + 1, entry }] : [];
  });
}

function jsonEntries(text: string): Array<{ line: number; entry: string }> {
  let document: { prefixes?: Array<{ ip_prefix?: unknown }>; ipv6_prefixes?: Array<{ ipv6_prefix?: unknown }> };
  try {
    document = JSON.parse(text) as typeof document;
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(document.prefixes) && !Array.isArray(document.ipv6_prefixes))
    throw new Error('no "prefixes" or "ipv6_prefixes" list: not an ip-ranges.json');
  const four = (document.prefixes ?? []).map((p, i) => ({ line: i + 1, entry: entryText(p.ip_prefix) }));
  const six = (document.ipv6_prefixes ?? []).map((p, i) => ({
    line: four.length + i + 1,
    entry: entryText(p.ipv6_prefix),
  }));
  return [...four, ...six];
}

/** A prefix that is not a string is reported as the file has it (`{"cidr":"…"}`, not "[object Object]"). */
function entryText(value: unknown): string {
  if (value == null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The intervals in parts the API takes one at a time (INTERVALS_PER_PART each); an empty list is one empty part. */
export function networkListParts(intervals: NetworkIntervals): NetworkIntervals[] {
  const parts: NetworkIntervals[] = [];
  for (let i = 0; i < intervals.v4.length; i += INTERVALS_PER_PART)
    parts.push({ v4: intervals.v4.slice(i, i + INTERVALS_PER_PART), v6: [] });
  for (let i = 0; i < intervals.v6.length; i += INTERVALS_PER_PART)
    parts.push({ v4: [], v6: intervals.v6.slice(i, i + INTERVALS_PER_PART) });
  return parts.length > 0 ? parts : [{ v4: [], v6: [] }];
}

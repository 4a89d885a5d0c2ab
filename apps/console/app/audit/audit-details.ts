import { countOf, electionStatusWords, humanized } from "@landslide/api/client";
import { formatDateTime } from "@landslide/ui/date-time";

/** A detail of a recorded action as a person reads it: a label and a value in words. */
export interface DetailLine {
  readonly label: string;
  readonly value: string;
}

const count = (one: string) => (value: unknown) =>
  Array.isArray(value) ? countOf(value.length, one) : typeof value === "number" ? countOf(value, one) : undefined;
const date = (value: unknown) => (typeof value === "string" ? formatDateTime(value) : undefined);
const status = (value: unknown) => (typeof value === "string" ? electionStatusWords(value).label : undefined);

/**
 * The details the routers record (packages/api/src/router, recordAction), in words. A key left out
 * here still shows, its name made readable and its value as it came; `changed` is left out where
 * `decidedKeys` says the same.
 */
const KNOWN: Readonly<Record<string, { label: string; value?: (value: unknown) => string | undefined }>> = {
  title: { label: "Title" },
  questions: { label: "Questions", value: count("question") },
  opensAt: { label: "Opens", value: date },
  closesAt: { label: "Closes", value: date },
  from: { label: "From", value: status },
  to: { label: "To", value: status },
  effectiveAt: { label: "Takes effect", value: date },
  votesRead: { label: "Ballots read", value: count("ballot") },
  rejected: { label: "Ballots not readable", value: count("ballot") },
  differences: { label: "Differences from the live count", value: count("difference") },
  rows: { label: "Rows sent", value: count("row") },
  imported: { label: "Voters added", value: count("voter") },
  firstRow: { label: "First row" },
  voterKeys: { label: "Ballots concerned", value: count("ballot") },
  decidedKeys: { label: "Ballots decided", value: count("ballot") },
  changed: { label: "Ballots changed", value: count("ballot") },
  name: { label: "List" },
  category: { label: "Kind of network" },
  ranges: { label: "Address ranges", value: count("range") },
  source: { label: "Source" },
};

/** Lists cut to a few: a fraud decision names every ballot it covered. */
const LIST_ITEMS_SHOWN = 3;

function plainValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, LIST_ITEMS_SHOWN).map(plainValue).join(", ");
    return value.length > LIST_ITEMS_SHOWN ? `${shown}, … (${value.length} in all)` : shown || "none";
  }
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A record's details as lines to show, in the order they were recorded. */
export function detailLines(details: Readonly<Record<string, unknown>>): DetailLine[] {
  return Object.entries(details).flatMap(([key, value]) => {
    if (key === "changed" && "decidedKeys" in details) return [];
    const known = Object.hasOwn(KNOWN, key) ? KNOWN[key] : undefined;
    return [{ label: known?.label ?? humanized(key), value: known?.value?.(value) ?? plainValue(value) }];
  });
}

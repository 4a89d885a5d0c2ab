import { humanized } from "@landslide/api/client";
import { formatDateTime } from "@landslide/ui/date-time";
import type { Translate } from "../../../i18n/english";
import { wordsOf } from "../../../i18n/words";

/** A detail of a recorded action as a person reads it: a label and a value in words. */
export interface DetailLine {
  readonly label: string;
  readonly value: string;
}

type Countable = "question" | "ballot" | "difference" | "row" | "voter" | "range";
type Read = (value: unknown, t: Translate, locale: string | undefined) => string | undefined;

const count =
  (what: Countable): Read =>
  (value, t) =>
    Array.isArray(value)
      ? t(`auditDetails.counts.${what}`, { count: value.length })
      : typeof value === "number"
        ? t(`auditDetails.counts.${what}`, { count: value })
        : undefined;
const date: Read = (value, _t, locale) => (typeof value === "string" ? formatDateTime(value, { locale }) : undefined);
const status: Read = (value, t) => (typeof value === "string" ? wordsOf(t, "electionStatus")(value).label : undefined);

/**
 * The details the routers record (packages/api/src/router, recordAction), each with its label in
 * the messages (auditDetails.labels). A key left out here still shows, its name made readable and
 * its value as it came; `changed` is left out where `decidedKeys` says the same.
 */
const KNOWN = {
  title: {},
  questions: { value: count("question") },
  opensAt: { value: date },
  closesAt: { value: date },
  from: { value: status },
  to: { value: status },
  effectiveAt: { value: date },
  votesRead: { value: count("ballot") },
  rejected: { value: count("ballot") },
  differences: { value: count("difference") },
  rows: { value: count("row") },
  imported: { value: count("voter") },
  firstRow: {},
  voterKeys: { value: count("ballot") },
  decidedKeys: { value: count("ballot") },
  changed: { value: count("ballot") },
  name: {},
  category: {},
  ranges: { value: count("range") },
  source: {},
} satisfies Record<string, { value?: Read }>;

type Known = keyof typeof KNOWN;

/** Lists cut to a few: a fraud decision names every ballot it covered. */
const LIST_ITEMS_SHOWN = 3;

function plainValue(value: unknown, t: Translate): string {
  if (Array.isArray(value)) {
    const shown = value
      .slice(0, LIST_ITEMS_SHOWN)
      .map((item) => plainValue(item, t))
      .join(t("auditDetails.listSeparator"));
    if (value.length > LIST_ITEMS_SHOWN) return t("auditDetails.listCut", { shown, count: value.length });
    return shown || t("auditDetails.none");
  }
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A record's details as lines to show, in the order they were recorded; dates in `locale` (the viewer's when left out). */
export function detailLines(details: Readonly<Record<string, unknown>>, t: Translate, locale?: string): DetailLine[] {
  return Object.entries(details).flatMap(([key, value]) => {
    if (key === "changed" && "decidedKeys" in details) return [];
    if (!Object.hasOwn(KNOWN, key)) return [{ label: humanized(key), value: plainValue(value, t) }];
    const known = key as Known;
    const read: { value?: Read } = KNOWN[known];
    return [
      { label: t(`auditDetails.labels.${known}`), value: read.value?.(value, t, locale) ?? plainValue(value, t) },
    ];
  });
}

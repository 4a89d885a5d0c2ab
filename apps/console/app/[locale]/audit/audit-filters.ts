import type { RouterInputs } from "@landslide/api/client";
import type { Translate } from "../../../i18n/english";

/**
 * The audit trail's filters live in the address (?electionId=…&action=…&actor=…&from=…&to=…), so
 * a filtered view can be shared, reloaded, or linked to from an election's page. Dates are whole
 * days in the browser's time zone: "from" is the start of that day, "to" its end.
 */
export interface AuditFilters {
  readonly electionId: string;
  readonly action: string;
  readonly actor: string;
  /** "YYYY-MM-DD", as a date input gives it; empty for no bound. */
  readonly from: string;
  readonly to: string;
}

type AuditQuery = RouterInputs["official"]["audit"]["list"];

/** The newest this many actions are shown; filters reach older ones. */
export const AUDIT_LIMIT = 200;

const FIELDS = ["electionId", "action", "actor", "from", "to"] as const;

export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const read = (name: (typeof FIELDS)[number]) => search.get(name)?.trim() ?? "";
  return {
    electionId: read("electionId"),
    action: read("action"),
    actor: read("actor"),
    from: read("from"),
    to: read("to"),
  };
}

export function searchFromFilters(filters: AuditFilters): string {
  const search = new URLSearchParams();
  for (const name of FIELDS) if (filters[name].trim()) search.set(name, filters[name].trim());
  return search.toString();
}

export const hasFilters = (filters: AuditFilters) => FIELDS.some((name) => filters[name] !== "");

/** Why these filters cannot be sent, if they cannot, in the page's words. */
export function filtersProblem(filters: AuditFilters, t: Translate): string | undefined {
  if (filters.from && !localDay(filters.from, "start")) return t("audit.problems.fromNotADate");
  if (filters.to && !localDay(filters.to, "end")) return t("audit.problems.toNotADate");
  if (filters.from && filters.to && filters.from > filters.to) return t("audit.problems.fromAfterTo");
  return undefined;
}

/** The API's input for these filters: empty filters left out, days as instants with their offset. */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const from = filters.from ? localDay(filters.from, "start") : undefined;
  const to = filters.to ? localDay(filters.to, "end") : undefined;
  return {
    limit: AUDIT_LIMIT,
    ...(filters.electionId ? { electionId: filters.electionId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The first or last millisecond of a "YYYY-MM-DD" day in the browser's zone, as ISO 8601 with its offset. */
export function localDay(day: string, edge: "start" | "end"): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) return undefined;
  const [year, month, date] = parts.slice(1).map(Number) as [number, number, number];
  const at =
    edge === "start" ? new Date(year, month - 1, date, 0, 0, 0, 0) : new Date(year, month - 1, date, 23, 59, 59, 999);
  if (Number.isNaN(at.getTime())) return undefined;
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

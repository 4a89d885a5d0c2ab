import Link from "next/link";
import type { RouterOutputs } from "@landslide/api/client";

export type AuditRecord = RouterOutputs["official"]["audit"]["list"][number];

/** Long lists (a fraud decision names every ballot it covered) are cut here; the count says how many there were. */
const LIST_ITEMS_SHOWN = 5;

/** Who did what, when and why: one row per recorded action, newest first (as the API returns them). */
export function AuditTable({
  records,
  electionTitles,
}: {
  records: readonly AuditRecord[];
  electionTitles: ReadonlyMap<string, string>;
}) {
  return (
    <div role="region" aria-label="Recorded actions" tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      <table className="health">
        <caption>Recorded actions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Why</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <th scope="row" style={{ overflowWrap: "anywhere" }}>
                {record.actor}
              </th>
              <td>
                <When iso={record.at} />
              </td>
              <td>
                <code>{record.action}</code>
                {record.electionId ? (
                  <span style={{ display: "block" }}>
                    <Link href={`/elections/${record.electionId}`}>
                      {electionTitles.get(record.electionId) ?? record.electionId}
                    </Link>
                  </span>
                ) : null}
              </td>
              <td>{record.reason || <span className="muted">none given</span>}</td>
              <td>
                <Details details={record.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Local time first (what the official lived), UTC beneath (what other offices and the logs use). */
function When({ iso }: { iso: string }) {
  const at = new Date(iso);
  const dateAndTime = {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  } as const;
  return (
    <>
      <time dateTime={iso}>{at.toLocaleString("en-GB", { ...dateAndTime, timeZoneName: "short" })}</time>
      <span className="muted" style={{ display: "block" }}>
        {at.toLocaleString("en-GB", { ...dateAndTime, timeZone: "UTC" })} UTC
      </span>
    </>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl style={{ margin: 0 }}>
      {entries.map(([key, value]) => (
        <div key={key} style={{ overflowWrap: "anywhere" }}>
          <dt style={{ display: "inline" }}>{key}: </dt>
          <dd style={{ display: "inline", margin: 0 }}>{describeValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A detail value in a line: lists joined (and cut when long), anything nested as compact JSON. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, LIST_ITEMS_SHOWN).map(describeValue).join(", ");
    return value.length > LIST_ITEMS_SHOWN ? `${shown}, … (${value.length} in all)` : shown || "none";
  }
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

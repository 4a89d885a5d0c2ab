import Link from "next/link";
import { auditActionWords, type RouterOutputs } from "@landslide/api/client";
import { DateTime, EmailAddress, Table, type TableColumn } from "@landslide/ui/components";
import { Reason } from "@landslide/ui/words";
import { detailLines } from "./audit-details";
import { ShortId } from "./short-id";

export type AuditRecord = RouterOutputs["official"]["audit"]["list"][number];

/** Who did what, when and why: one row per recorded action, newest first (as the API returns them). */
export function AuditTable({
  records,
  electionTitles,
}: {
  records: readonly AuditRecord[];
  electionTitles: ReadonlyMap<string, string>;
}) {
  const columns: readonly TableColumn<AuditRecord>[] = [
    {
      key: "action",
      header: "What",
      // The action in words first; the recorded name after it, small, for experts and for filtering by hand.
      cell: (record) => <Reason code={record.action} words={auditActionWords} help="none" />,
    },
    { key: "at", header: "When", cell: (record) => <DateTime value={record.at} seconds /> },
    { key: "actor", header: "Who", cell: (record) => <EmailAddress value={record.actor} /> },
    {
      key: "election",
      header: "Election",
      cell: (record) => {
        if (!record.electionId) return <span className="muted">the whole deployment</span>;
        const title = electionTitles.get(record.electionId);
        return title ? (
          <Link href={`/elections/${record.electionId}`}>{title}</Link>
        ) : (
          <ShortId label="Election" id={record.electionId} />
        );
      },
    },
    {
      key: "reason",
      header: "Why",
      cell: (record) => record.reason || <span className="muted">no reason given</span>,
    },
    { key: "details", header: "Details", cell: (record) => <Details details={record.details} /> },
  ];
  return <Table caption="Recorded actions, newest first" columns={columns} rows={records} rowKey={(r) => r.id} />;
}

function Details({ details }: { details: Readonly<Record<string, unknown>> }) {
  const lines = detailLines(details);
  if (lines.length === 0) return <span className="muted">none</span>;
  return (
    <dl style={{ margin: 0 }}>
      {lines.map((line) => (
        <div key={line.label} style={{ overflowWrap: "anywhere" }}>
          <dt style={{ display: "inline", fontWeight: 600 }}>{line.label}: </dt>
          <dd style={{ display: "inline", margin: 0 }}>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

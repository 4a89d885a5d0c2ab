"use client";

import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@landslide/api/client";
import { DateTime, EmailAddress, Table, type TableColumn } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
import { Reason } from "@landslide/ui/words";
import { useWords } from "../../../i18n/use-words";
import { detailLines } from "./audit-details";
import { ShortId } from "./short-id";
import { useDateLocale } from "../../../i18n/use-date-locale";

export type AuditRecord = RouterOutputs["official"]["audit"]["list"][number];

/** Who did what, when and why: one row per recorded action, newest first (as the API returns them). */
export function AuditTable({
  records,
  electionTitles,
}: {
  records: readonly AuditRecord[];
  electionTitles: ReadonlyMap<string, string>;
}) {
  const t = useTranslations();
  const actionWords = useWords("auditAction");
  const columns: readonly TableColumn<AuditRecord>[] = [
    {
      key: "action",
      header: t("audit.table.what"),
      // The action in words first; the recorded name after it, small, for experts and for filtering by hand.
      cell: (record) => <Reason code={record.action} words={actionWords} help="none" codeTitle={t("ui.codeTitle")} />,
    },
    { key: "at", header: t("audit.table.when"), cell: (record) => <DateTime value={record.at} seconds /> },
    { key: "actor", header: t("audit.table.who"), cell: (record) => <EmailAddress value={record.actor} /> },
    {
      key: "election",
      header: t("audit.table.election"),
      cell: (record) => {
        if (!record.electionId) return <span className="muted">{t("audit.table.wholeDeployment")}</span>;
        const title = electionTitles.get(record.electionId);
        return title ? (
          <Link href={`/elections/${record.electionId}`}>{title}</Link>
        ) : (
          <ShortId label={t("audit.table.election")} id={record.electionId} />
        );
      },
    },
    {
      key: "reason",
      header: t("audit.table.why"),
      cell: (record) => record.reason || <span className="muted">{t("audit.table.noReason")}</span>,
    },
    { key: "details", header: t("audit.table.details"), cell: (record) => <Details details={record.details} /> },
  ];
  return <Table caption={t("audit.table.caption")} columns={columns} rows={records} rowKey={(r) => r.id} />;
}

function Details({ details }: { details: Readonly<Record<string, unknown>> }) {
  const t = useTranslations();
  const locale = useDateLocale();
  const lines = detailLines(details, t, locale);
  if (lines.length === 0) return <span className="muted">{t("auditDetails.none")}</span>;
  return (
    <dl style={{ margin: 0 }}>
      {lines.map((line) => (
        <div key={line.label} style={{ overflowWrap: "anywhere" }}>
          <dt style={{ display: "inline", fontWeight: 600 }}>{t("audit.table.detailLabel", { label: line.label })}</dt>
          <dd style={{ display: "inline", margin: 0 }}>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

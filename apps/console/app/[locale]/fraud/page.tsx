"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@landslide/api/client";
import { Alert, EmptyState, Spinner, Table, type TableColumn } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { Link } from "@landslide/ui/i18n/navigation";
import { failureMessage } from "../elections/[id]/failure-message";
import { StatusBadge } from "../status-badge";

type Election = RouterOutputs["official"]["elections"]["list"][number];

/**
 * Fraud review across the deployment: the elections with ballots held for an official's decision,
 * most held first, each linking to its own review (where the ballots are grouped and decided).
 */
export default function FraudOverviewPage() {
  const control = useControlApi();
  const t = useTranslations("fraudOverview");
  const tr = useTranslations();
  // The counts move as the aggregator holds ballots and officials decide them.
  const elections = useQuery(control.official.elections.list.queryOptions(undefined, { refetchInterval: 5_000 }));
  const waiting = (elections.data ?? [])
    .filter((e) => e.quarantined > 0)
    .sort((a, b) => b.quarantined - a.quarantined || a.title.localeCompare(b.title));
  const total = waiting.reduce((sum, e) => sum + e.quarantined, 0);
  const columns: readonly TableColumn<Election>[] = [
    {
      key: "title",
      header: t("columnElection"),
      cell: (e) => <Link href={`/elections/${e.id}/fraud`}>{e.title}</Link>,
    },
    { key: "status", header: t("columnStatus"), cell: (e) => <StatusBadge status={e.status} /> },
    {
      key: "quarantined",
      header: t("columnHeld"),
      align: "end",
      cell: (e) => t("ballots", { count: e.quarantined }),
    },
  ];
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      {elections.isPending ? <Spinner label={t("loading")} /> : null}
      {elections.isError ? (
        <Alert tone="danger" title={t("unavailableTitle")}>
          {failureMessage(elections.error, t("unavailable"), tr)}
        </Alert>
      ) : null}
      {elections.data && waiting.length === 0 ? (
        <EmptyState headingLevel={2} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : null}
      {waiting.length > 0 ? (
        <>
          <p data-testid="fraud-overview-total">
            {t.rich("total", {
              ballots: total,
              elections: waiting.length,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <Table caption={t("caption")} columns={columns} rows={waiting} rowKey={(e) => e.id} />
        </>
      ) : null}
    </>
  );
}

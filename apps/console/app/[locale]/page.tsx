"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@landslide/api/client";
import { Alert, DateTime, EmptyState, Spinner, Table, type TableColumn } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { Link } from "@landslide/ui/i18n/navigation";
import { useConsoleSession } from "../../lib/use-console-session";
import { failureMessage } from "./elections/[id]/failure-message";
import { StatusBadge } from "./status-badge";

type Election = RouterOutputs["official"]["elections"]["list"][number];

function When({ iso }: { iso: string | null }) {
  const t = useTranslations("home");
  return iso ? <DateTime value={iso} /> : <span className="muted">{t("notSet")}</span>;
}

/** Every election, drafts included: status as voters see it now, turnout, and what is held for review. */
export default function ElectionsPage() {
  const control = useControlApi();
  const session = useConsoleSession();
  const t = useTranslations("home");
  const tr = useTranslations();
  const format = useFormatter();
  const elections = useQuery(
    control.official.elections.list.queryOptions(undefined, { enabled: session.isOfficial, refetchInterval: 5_000 }),
  );
  if (!session.isOfficial) {
    return (
      <>
        <h1>{t("operatorHeading")}</h1>
        <p>{t.rich("operatorText", { link: (chunks) => <Link href="/operations">{chunks}</Link> })}</p>
      </>
    );
  }
  const columns: readonly TableColumn<Election>[] = [
    { key: "title", header: t("columnElection"), cell: (e) => <Link href={`/elections/${e.id}`}>{e.title}</Link> },
    { key: "status", header: t("columnStatus"), cell: (e) => <StatusBadge status={e.status} /> },
    { key: "turnout", header: t("columnTurnout"), align: "end", cell: (e) => format.number(e.turnout) },
    {
      key: "quarantined",
      header: t("columnHeld"),
      align: "end",
      // A count that needs an official links straight to where it is decided.
      cell: (e) =>
        e.quarantined > 0 ? (
          <Link href={`/elections/${e.id}/fraud`}>{t("ballots", { count: e.quarantined })}</Link>
        ) : (
          <span className="muted">{t("none")}</span>
        ),
    },
    { key: "opensAt", header: t("columnOpens"), cell: (e) => <When iso={e.opensAt} /> },
    { key: "closesAt", header: t("columnCloses"), cell: (e) => <When iso={e.closesAt} /> },
  ];
  const newElection = (
    <Link className="ls-button ls-button-primary ls-button-md" href="/elections/new">
      {t("newElection")}
    </Link>
  );
  return (
    <>
      <div className="ls-card-header">
        <h1>{t("heading")}</h1>
        {newElection}
      </div>
      {elections.isPending ? <Spinner label={t("loading")} /> : null}
      {elections.isError ? (
        <Alert tone="danger" title={t("unavailableTitle")}>
          {failureMessage(elections.error, t("unavailable"), tr)}
        </Alert>
      ) : null}
      {elections.data?.length === 0 ? (
        <EmptyState headingLevel={2} title={t("emptyTitle")} body={t("emptyBody")} action={newElection} />
      ) : null}
      {elections.data && elections.data.length > 0 ? (
        <Table caption={t("caption")} columns={columns} rows={elections.data} rowKey={(e) => e.id} />
      ) : null}
    </>
  );
}

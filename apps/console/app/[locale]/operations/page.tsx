import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadConfig } from "@landslide/config";
import { getElections } from "@landslide/ui";
import { DateTime, Table } from "@landslide/ui/components";
import { StatusBadge } from "../status-badge";
import { OperationsDashboard } from "./operations-dashboard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("operations");
  return { title: t("heading") };
}

/**
 * The operators' view of the running deployment (issue #20): the live figures, charts, health and
 * errors come from the control API's operator snapshot, polled in the browser; the elections are
 * the public list, read once when the page is served.
 */
export default async function OperationsPage() {
  // A longer wait than the default: on a busy control API the list is worth a few seconds more than a refusal.
  const [elections, page, t, format] = await Promise.all([
    getElections(loadConfig().urls.controlApi, 5_000),
    getTranslations("operations"),
    getTranslations("operations.elections"),
    getFormatter(),
  ]);
  return (
    <>
      <h1>{page("heading")}</h1>
      <OperationsDashboard />
      <section aria-labelledby="elections-heading">
        <h2 id="elections-heading">{t("heading")}</h2>
        {!elections.ok ? (
          <p className="notice" role="status">
            {t("unanswered")}
          </p>
        ) : elections.elections.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table
            caption={t("caption")}
            columns={[
              { key: "title", header: t("title") },
              { key: "status", header: t("status"), cell: (e) => <StatusBadge status={e.status} /> },
              {
                key: "questions",
                header: t("questions"),
                align: "end",
                cell: (e) => format.number(e.questions.length),
              },
              { key: "closes", header: t("closes"), cell: (e) => (e.closesAt ? <DateTime value={e.closesAt} /> : "—") },
            ]}
            rows={elections.elections}
            rowKey={(e) => e.id}
          />
        )}
      </section>
    </>
  );
}

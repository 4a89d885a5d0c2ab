"use client";

import { useTranslations } from "next-intl";
import { EmptyState, Table } from "@landslide/ui/components";
import { formatTime } from "@landslide/ui/date-time";
import type { OperationsSnapshot } from "./operations-history";
import { useFigures } from "./use-figures";
import { useDateLocale } from "../../../i18n/use-date-locale";

/** Enough to see what is failing now; the logs have the rest. */
const SHOWN = 20;

/** The last errors every service logged, newest first, merged: what went wrong, where, and the request to look up. */
export function RecentErrors({ services }: { services: OperationsSnapshot["services"] }) {
  const t = useTranslations("operations.errors");
  const locale = useDateLocale();
  const figures = useFigures();
  const errors = services
    .flatMap((s) => (s.recentErrors?.errors ?? []).map((e, n) => ({ ...e, n, service: s.service })))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, SHOWN);
  const silent = services.filter((s) => s.recentErrors === undefined).map((s) => figures.service(s.service));
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return (
    <section aria-labelledby="recent-errors-heading">
      <h2 id="recent-errors-heading">{t("heading")}</h2>
      <p className="muted">
        {t("intro")}
        {silent.length > 0 ? ` ${t("silent", { services: list.format(silent) })}` : ""}
      </p>
      {errors.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <Table
          caption={t("caption", { count: errors.length })}
          columns={[
            { key: "at", header: t("when"), cell: (e) => formatTime(e.at, { seconds: true, locale }) },
            { key: "service", header: t("service"), cell: (e) => figures.service(e.service) },
            {
              key: "what",
              header: t("what"),
              cell: (e) => (
                <>
                  {e.message}
                  {e.error ? <span className="muted"> — {e.error}</span> : null}
                </>
              ),
            },
            { key: "request", header: t("request"), cell: (e) => (e.requestId ? <code>{e.requestId}</code> : "—") },
          ]}
          rows={errors}
          rowKey={(e) => `${e.service}-${e.n}-${e.at}`}
          rowHeader="at"
        />
      )}
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { refusalOf } from "@landslide/api/client";
import { refusalSentence } from "../elections/[id]/failure-message";
import { Alert, EmptyState } from "@landslide/ui/components";
import { formatTime } from "@landslide/ui/date-time";
import { CastTimes } from "./cast-times";
import { CountingAndWatchers } from "./counting-and-watchers";
import { CurrentFigures } from "./current-figures";
import { chartPoints, currentFigures, minuteRows } from "./derive-series";
import { RecentErrors } from "./recent-errors";
import { ServicesTable } from "./services-table";
import { POLL_MS, useOperationsFeed } from "./use-operations-feed";
import { VotesOverTime } from "./votes-over-time";
import { useDateLocale } from "../../../i18n/use-date-locale";

/**
 * The deployment as it runs: the figures now, the last ten minutes drawn (each chart with a
 * table that says the same), every service's health and its recent errors. Polled; nothing here
 * needs a reload.
 */
export function OperationsDashboard() {
  const { snapshot, history } = useOperationsFeed();
  const t = useTranslations("operations");
  const tr = useTranslations();
  const locale = useDateLocale();
  if (snapshot.isPending) return <p role="status">{t("reading")}</p>;
  const data = snapshot.data;
  const points = chartPoints(history);
  const minutes = minuteRows(history);
  const refusal = refusalOf(snapshot.error);
  const { accepted, quarantined, refused } = data?.metrics.votes ?? { accepted: 0, quarantined: 0, refused: 0 };
  return (
    <>
      {snapshot.isError ? (
        <Alert tone="danger" title={t("unreadable")}>
          {refusal
            ? refusalSentence(refusal, tr)
            : t.rich("unanswered", {
                command: () => <code>npx election local status</code>,
              })}
          {data ? ` ${t("asOfStale", { time: formatTime(data.at, { seconds: true, locale }) })}` : ""}
        </Alert>
      ) : null}
      {data ? (
        <>
          <p className="muted">
            {t("asOf", { time: formatTime(data.at, { seconds: true, locale }), seconds: POLL_MS / 1000 })}
          </p>
          <CurrentFigures snapshot={data} current={currentFigures(history)} />
          {accepted + quarantined + refused === 0 ? (
            <EmptyState headingLevel={2} title={t("noVotesTitle")} body={t("noVotesBody")} />
          ) : (
            <>
              <VotesOverTime points={points} minutes={minutes} />
              <CastTimes points={points} minutes={minutes} />
            </>
          )}
          <CountingAndWatchers points={points} minutes={minutes} />
          <ServicesTable services={data.services} />
          <RecentErrors services={data.services} />
        </>
      ) : null}
    </>
  );
}

"use client";

import { refusalOf } from "@landslide/api/client";
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

/**
 * The deployment as it runs: the figures now, the last ten minutes drawn (each chart with a
 * table that says the same), every service's health and its recent errors. Polled; nothing here
 * needs a reload.
 */
export function OperationsDashboard() {
  const { snapshot, history } = useOperationsFeed();
  if (snapshot.isPending) return <p role="status">Reading the services&apos; figures…</p>;
  const data = snapshot.data;
  const points = chartPoints(history);
  const minutes = minuteRows(history);
  const { accepted, quarantined, refused } = data?.metrics.votes ?? { accepted: 0, quarantined: 0, refused: 0 };
  return (
    <>
      {snapshot.isError ? (
        <Alert tone="danger" title="The figures cannot be read right now">
          {refusalOf(snapshot.error)?.message ?? (
            <>
              The control API does not answer; trying again every few seconds. On this machine,{" "}
              <code>npx election local status</code> says which services run.
            </>
          )}
          {data ? ` What follows is as of ${formatTime(data.at, { seconds: true })}.` : ""}
        </Alert>
      ) : null}
      {data ? (
        <>
          <p className="muted">
            As of {formatTime(data.at, { seconds: true })}, read every {POLL_MS / 1000} s from every service. Totals
            count from each service&apos;s start; the charts and tables cover what this page has seen, up to the last 10
            minutes.
          </p>
          <CurrentFigures snapshot={data} current={currentFigures(history)} />
          {accepted + quarantined + refused === 0 ? (
            <EmptyState
              headingLevel={2}
              title="No votes yet — figures appear as ballots arrive"
              body="Votes per second and how long casting takes are drawn here once the vote API has answered a cast."
            />
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

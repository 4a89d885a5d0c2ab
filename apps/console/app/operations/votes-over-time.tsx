"use client";

import { Table } from "@landslide/ui/components";
import { formatTime } from "@landslide/ui/date-time";
import type { ChartPoint, MinuteRow } from "./derive-series";
import { formatCount } from "./figures-format";
import { TimeSeriesChart } from "./time-series-chart";

const SERIES = [
  { key: "accepted", name: "Accepted", color: "#15803d" },
  { key: "held", name: "Held for review", color: "#b45309" },
  { key: "refused", name: "Refused", color: "#b91c1c" },
] as const;

/** Votes per second by outcome, drawn; the same votes minute by minute, in a table. */
export function VotesOverTime({ points, minutes }: { points: readonly ChartPoint[]; minutes: readonly MinuteRow[] }) {
  return (
    <section aria-labelledby="votes-over-time-heading">
      <h2 id="votes-over-time-heading">Votes per second</h2>
      <p className="muted">
        Every cast the vote API answered, by what it decided: accepted and counted, held for an official to review, or
        refused (already voted, failed checks, closed election…).
      </p>
      {points.length === 0 ? (
        <p className="muted">The chart draws from the second reading, a few seconds after this page opened.</p>
      ) : (
        <TimeSeriesChart points={points} series={SERIES} stacked unit="/s" />
      )}
      <Table
        caption="Votes minute by minute, since this page opened"
        narrow="scroll"
        columns={[
          { key: "minute", header: "Minute", cell: (row) => minuteLabel(row) },
          { key: "accepted", header: "Accepted", align: "end", cell: (row) => formatCount(row.votes.accepted) },
          { key: "held", header: "Held for review", align: "end", cell: (row) => formatCount(row.votes.held) },
          { key: "refused", header: "Refused", align: "end", cell: (row) => formatCount(row.votes.refused) },
        ]}
        rows={minutes}
        rowKey={(row) => String(row.minute)}
        empty="No full reading yet: the first row appears a few seconds after this page opened."
      />
    </section>
  );
}

/** "14:05 CEST", and "(so far)" for the minute still going. */
export function minuteLabel(row: MinuteRow): string {
  return `${formatTime(row.minute)}${row.current ? " (so far)" : ""}`;
}

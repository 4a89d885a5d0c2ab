"use client";

import { Table } from "@landslide/ui/components";
import type { ChartPoint, MinuteRow } from "./derive-series";
import { formatCount, formatLag } from "./figures-format";
import { TimeSeriesChart } from "./time-series-chart";
import { minuteLabel } from "./votes-over-time";

const pair = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 18rem), 1fr))",
  gap: "1rem",
} as const;

/** The aggregator's lag and the live-results watchers over time: two small charts and one table. */
export function CountingAndWatchers({
  points,
  minutes,
}: {
  points: readonly ChartPoint[];
  minutes: readonly MinuteRow[];
}) {
  return (
    <section aria-labelledby="counting-heading">
      <h2 id="counting-heading">Counting and live watchers</h2>
      <p className="muted">
        How far the live count is behind the stored votes (the aggregator&apos;s lag: 0 when it has caught up), and how
        many people have the live results open.
      </p>
      {points.length === 0 ? (
        <p className="muted">The charts draw from the second reading, a few seconds after this page opened.</p>
      ) : (
        // Side by side on a desk, one above the other on a phone.
        <div style={pair}>
          <figure style={{ margin: 0 }}>
            <figcaption>Counting behind the votes (seconds)</figcaption>
            <TimeSeriesChart
              points={points}
              series={[{ key: "lagSeconds", name: "Behind by", color: "#b45309" }]}
              unit=" s"
              height={180}
            />
          </figure>
          <figure style={{ margin: 0 }}>
            <figcaption>Watching live results</figcaption>
            <TimeSeriesChart
              points={points}
              series={[{ key: "watchers", name: "Watching", color: "#1d4ed8" }]}
              unit=""
              height={180}
            />
          </figure>
        </div>
      )}
      <Table
        caption="Counting and live watchers minute by minute, since this page opened"
        narrow="scroll"
        columns={[
          { key: "minute", header: "Minute", cell: (row) => minuteLabel(row) },
          { key: "lag", header: "Most behind", align: "end", cell: (row) => formatLag(row.worstLagSeconds) },
          {
            key: "watchers",
            header: "Watching at the end",
            align: "end",
            cell: (row) => (row.watchers === undefined ? "not reported" : formatCount(row.watchers)),
          },
        ]}
        rows={minutes}
        rowKey={(row) => String(row.minute)}
        empty="No full reading yet: the first row appears a few seconds after this page opened."
      />
    </section>
  );
}

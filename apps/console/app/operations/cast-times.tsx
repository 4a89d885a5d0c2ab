"use client";

import { Table } from "@landslide/ui/components";
import type { ChartPoint, MinuteRow } from "./derive-series";
import { formatCount, formatLatency } from "./figures-format";
import { TimeSeriesChart } from "./time-series-chart";
import { minuteLabel } from "./votes-over-time";

const SERIES = [
  { key: "p50Ms", name: "Half within", color: "#1d4ed8" },
  { key: "p95Ms", name: "95 in 100 within", color: "#7c3aed", dash: "6 3" },
  { key: "p99Ms", name: "99 in 100 within", color: "#b91c1c", dash: "2 3" },
] as const;

/** How long the vote API took to answer casts: percentiles over time, drawn and in a table. */
export function CastTimes({ points, minutes }: { points: readonly ChartPoint[]; minutes: readonly MinuteRow[] }) {
  return (
    <section aria-labelledby="cast-times-heading">
      <h2 id="cast-times-heading">How long casting takes</h2>
      <p className="muted">
        The time the vote API took to answer a cast, from the request arriving to the answer leaving: half of casts were
        answered within the first figure, 95 in 100 within the second, 99 in 100 within the third. Estimated from the
        API&apos;s time brackets (5 ms, 10 ms, 25 ms… 2.5 s); each point covers the 30 s before it.
      </p>
      {points.length === 0 ? (
        <p className="muted">The chart draws from the second reading, a few seconds after this page opened.</p>
      ) : (
        <TimeSeriesChart points={points} series={SERIES} unit=" ms" />
      )}
      <Table
        caption="Cast answer times minute by minute, since this page opened"
        narrow="scroll"
        columns={[
          { key: "minute", header: "Minute", cell: (row) => minuteLabel(row) },
          { key: "casts", header: "Casts", align: "end", cell: (row) => formatCount(row.percentiles.casts) },
          { key: "p50", header: "Half within", align: "end", cell: (row) => formatLatency(row.percentiles.p50) },
          { key: "p95", header: "95 in 100 within", align: "end", cell: (row) => formatLatency(row.percentiles.p95) },
          { key: "p99", header: "99 in 100 within", align: "end", cell: (row) => formatLatency(row.percentiles.p99) },
        ]}
        rows={minutes}
        rowKey={(row) => String(row.minute)}
        empty="No full reading yet: the first row appears a few seconds after this page opened."
      />
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { Table } from "@landslide/ui/components";
import type { ChartPoint, MinuteRow } from "./derive-series";
import { TimeSeriesChart } from "./time-series-chart";
import { useFigures } from "./use-figures";
import { useMinuteLabel } from "./votes-over-time";

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
  const t = useTranslations("operations");
  const figures = useFigures();
  const minuteLabel = useMinuteLabel();
  return (
    <section aria-labelledby="counting-heading">
      <h2 id="counting-heading">{t("counting.heading")}</h2>
      <p className="muted">{t("counting.intro")}</p>
      {points.length === 0 ? (
        <p className="muted">{t("chartsWait")}</p>
      ) : (
        // Side by side on a desk, one above the other on a phone.
        <div style={pair}>
          <figure style={{ margin: 0 }}>
            <figcaption>{t("counting.lagChart")}</figcaption>
            <TimeSeriesChart
              points={points}
              series={[{ key: "lagSeconds", name: t("counting.behindBy"), color: "#b45309" }]}
              unit={t("units.sAxis")}
              height={180}
            />
          </figure>
          <figure style={{ margin: 0 }}>
            <figcaption>{t("counting.watchersChart")}</figcaption>
            <TimeSeriesChart
              points={points}
              series={[{ key: "watchers", name: t("counting.watching"), color: "#1d4ed8" }]}
              unit=""
              height={180}
            />
          </figure>
        </div>
      )}
      <Table
        caption={t("counting.caption")}
        narrow="scroll"
        columns={[
          { key: "minute", header: t("minute"), cell: (row) => minuteLabel(row) },
          {
            key: "lag",
            header: t("counting.mostBehind"),
            align: "end",
            cell: (row) => figures.lag(row.worstLagSeconds),
          },
          {
            key: "watchers",
            header: t("counting.watchingAtEnd"),
            align: "end",
            cell: (row) => (row.watchers === undefined ? t("notReported") : figures.count(row.watchers)),
          },
        ]}
        rows={minutes}
        rowKey={(row) => String(row.minute)}
        empty={t("noReading")}
      />
    </section>
  );
}

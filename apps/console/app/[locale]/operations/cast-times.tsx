"use client";

import { useTranslations } from "next-intl";
import { Table } from "@landslide/ui/components";
import type { ChartPoint, MinuteRow } from "./derive-series";
import { TimeSeriesChart } from "./time-series-chart";
import { useFigures } from "./use-figures";
import { useMinuteLabel } from "./votes-over-time";

/** How long the vote API took to answer casts: percentiles over time, drawn and in a table. */
export function CastTimes({ points, minutes }: { points: readonly ChartPoint[]; minutes: readonly MinuteRow[] }) {
  const t = useTranslations("operations");
  const figures = useFigures();
  const minuteLabel = useMinuteLabel();
  const series = [
    { key: "p50Ms", name: t("castTimes.p50"), color: "#1d4ed8" },
    { key: "p95Ms", name: t("castTimes.p95"), color: "#7c3aed", dash: "6 3" },
    { key: "p99Ms", name: t("castTimes.p99"), color: "#b91c1c", dash: "2 3" },
  ] as const;
  return (
    <section aria-labelledby="cast-times-heading">
      <h2 id="cast-times-heading">{t("castTimes.heading")}</h2>
      <p className="muted">{t("castTimes.intro")}</p>
      {points.length === 0 ? (
        <p className="muted">{t("chartWaits")}</p>
      ) : (
        <TimeSeriesChart points={points} series={series} unit={t("units.msAxis")} />
      )}
      <Table
        caption={t("castTimes.caption")}
        narrow="scroll"
        columns={[
          { key: "minute", header: t("minute"), cell: (row) => minuteLabel(row) },
          {
            key: "casts",
            header: t("castTimes.casts"),
            align: "end",
            cell: (row) => figures.count(row.percentiles.casts),
          },
          { key: "p50", header: t("castTimes.p50"), align: "end", cell: (row) => figures.latency(row.percentiles.p50) },
          { key: "p95", header: t("castTimes.p95"), align: "end", cell: (row) => figures.latency(row.percentiles.p95) },
          { key: "p99", header: t("castTimes.p99"), align: "end", cell: (row) => figures.latency(row.percentiles.p99) },
        ]}
        rows={minutes}
        rowKey={(row) => String(row.minute)}
        empty={t("noReading")}
      />
    </section>
  );
}

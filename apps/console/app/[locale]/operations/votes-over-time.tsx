"use client";

import { useTranslations } from "next-intl";
import { Table } from "@landslide/ui/components";
import { formatTime } from "@landslide/ui/date-time";
import type { ChartPoint, MinuteRow } from "./derive-series";
import { TimeSeriesChart } from "./time-series-chart";
import { useFigures } from "./use-figures";
import { useDateLocale } from "../../../i18n/use-date-locale";

/** Votes per second by outcome, drawn; the same votes minute by minute, in a table. */
export function VotesOverTime({ points, minutes }: { points: readonly ChartPoint[]; minutes: readonly MinuteRow[] }) {
  const t = useTranslations("operations");
  const figures = useFigures();
  const minuteLabel = useMinuteLabel();
  const series = [
    { key: "accepted", name: t("votes.accepted"), color: "#15803d" },
    { key: "held", name: t("votes.held"), color: "#b45309" },
    { key: "refused", name: t("votes.refused"), color: "#b91c1c" },
  ] as const;
  return (
    <section aria-labelledby="votes-over-time-heading">
      <h2 id="votes-over-time-heading">{t("votes.heading")}</h2>
      <p className="muted">{t("votes.intro")}</p>
      {points.length === 0 ? (
        <p className="muted">{t("chartWaits")}</p>
      ) : (
        <TimeSeriesChart points={points} series={series} stacked unit={t("units.perSecondAxis")} />
      )}
      <Table
        caption={t("votes.caption")}
        narrow="scroll"
        columns={[
          { key: "minute", header: t("minute"), cell: (row) => minuteLabel(row) },
          {
            key: "accepted",
            header: t("votes.accepted"),
            align: "end",
            cell: (row) => figures.count(row.votes.accepted),
          },
          { key: "held", header: t("votes.held"), align: "end", cell: (row) => figures.count(row.votes.held) },
          { key: "refused", header: t("votes.refused"), align: "end", cell: (row) => figures.count(row.votes.refused) },
        ]}
        rows={minutes}
        rowKey={(row) => String(row.minute)}
        empty={t("noReading")}
      />
    </section>
  );
}

/** "14:05 CEST", and "(so far)" for the minute still going, in the page's language. */
export function useMinuteLabel(): (row: MinuteRow) => string {
  const t = useTranslations("operations");
  const locale = useDateLocale();
  return (row) => {
    const time = formatTime(row.minute, { locale });
    return row.current ? t("minuteSoFar", { time }) : time;
  };
}

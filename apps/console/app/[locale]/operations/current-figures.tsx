"use client";

import { useTranslations } from "next-intl";
import { Stat, StatGroup } from "@landslide/ui/components";
import type { currentFigures } from "./derive-series";
import type { OperationsSnapshot } from "./operations-history";
import { useFigures } from "./use-figures";

/** Aggregator lag beyond this is worth a look: results shown live are that far behind the votes. */
const LAG_WARNING_SECONDS = 5;

/**
 * The headline figures now. Not a live region: they change with every poll, and a screen reader
 * would announce nothing else; operators read them when they want to.
 */
export function CurrentFigures({
  snapshot,
  current,
}: {
  snapshot: OperationsSnapshot;
  current: ReturnType<typeof currentFigures>;
}) {
  const t = useTranslations("operations.now");
  const figures = useFigures();
  const { votes, aggregator, resultsWatchers } = snapshot.metrics;
  const ready = snapshot.services.filter((s) => s.ready).length;
  const all = snapshot.services.length;
  const lag = aggregator.lagSeconds;
  const over = current ? t("over", { seconds: Math.round(current.seconds) }) : t("measuring");
  return (
    <StatGroup label={t("label")}>
      <Stat
        label={t("ready")}
        value={t("readyValue", { ready, all })}
        tone={ready === all ? "success" : "danger"}
        hint={ready === all ? t("readyAll") : t("readySome")}
      />
      <Stat
        label={t("accepted")}
        value={current ? figures.rate(current.rates.accepted) : "—"}
        hint={t("acceptedHint", { over, count: votes.accepted })}
      />
      <Stat
        label={t("held")}
        value={current ? figures.rate(current.rates.held) : "—"}
        hint={t("heldHint", { count: votes.quarantined })}
      />
      <Stat
        label={t("refused")}
        value={current ? figures.rate(current.rates.refused) : "—"}
        hint={t("refusedHint", { count: votes.refused })}
      />
      <Stat
        label={t("casts")}
        value={current ? figures.latency(current.percentiles.p95) : "—"}
        hint={
          current && current.percentiles.casts > 0
            ? t("castsHint", {
                half: figures.latency(current.percentiles.p50),
                casts: current.percentiles.casts,
                over,
              })
            : t("noCasts")
        }
      />
      <Stat
        label={t("lag")}
        value={figures.lag(lag)}
        tone={lag !== undefined && lag > LAG_WARNING_SECONDS ? "warning" : "neutral"}
        hint={lag === undefined ? t("lagUnknown") : t("lagHint")}
      />
      <Stat
        label={t("watchers")}
        value={resultsWatchers === undefined ? t("notReported") : figures.count(resultsWatchers)}
        hint={t("watchersHint")}
      />
    </StatGroup>
  );
}

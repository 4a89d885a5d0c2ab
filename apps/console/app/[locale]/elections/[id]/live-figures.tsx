"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Stat, StatGroup } from "@landslide/ui/components";
import type { Snapshot } from "@landslide/ui/live-results";
import type { TurnoutSample } from "./turnout-history";
import { useNow } from "./use-now";
import { RATE_WINDOW_MS, votesPerSecond } from "./votes-per-second";

/**
 * The headline figures. Not a live region: they change every second while votes come in, and a
 * screen reader would announce nothing else; officials read them when they want to.
 */
export function LiveFigures({
  snapshot,
  history,
  showRate,
}: {
  snapshot: Snapshot;
  history: readonly TurnoutSample[];
  /** Only while voting is under way: after the close a rate would only ever read zero. */
  showRate: boolean;
}) {
  const t = useTranslations("liveFigures");
  const format = useFormatter();
  return (
    <StatGroup label={t("label")}>
      <Stat label={t("turnout")} value={<span data-testid="turnout">{format.number(snapshot.turnout)}</span>} />
      <Stat
        label={t("held")}
        value={format.number(snapshot.quarantined)}
        hint={t("heldHint")}
        tone={snapshot.quarantined > 0 ? "warning" : "neutral"}
      />
      {showRate ? <VotesPerSecond history={history} /> : null}
    </StatGroup>
  );
}

/** Its own component so that only it re-renders with the clock, once a second. */
function VotesPerSecond({ history }: { history: readonly TurnoutSample[] }) {
  const t = useTranslations("liveFigures");
  const format = useFormatter();
  const now = useNow(1_000);
  const rate = votesPerSecond(history, now);
  return (
    <Stat
      label={t("rate")}
      value={
        <span data-testid="votes-per-second">
          {rate === undefined ? t("measuring") : format.number(rate, { maximumFractionDigits: 1 })}
        </span>
      }
      hint={t("rateHint", { seconds: RATE_WINDOW_MS / 1000 })}
    />
  );
}

"use client";

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
  return (
    <StatGroup label="Headline figures">
      <Stat
        label="Ballots counted"
        value={<span data-testid="turnout">{snapshot.turnout.toLocaleString("en")}</span>}
      />
      <Stat
        label="Held for review"
        value={snapshot.quarantined.toLocaleString("en")}
        hint="not counted until an official releases them"
        tone={snapshot.quarantined > 0 ? "warning" : "neutral"}
      />
      {showRate ? <VotesPerSecond history={history} /> : null}
    </StatGroup>
  );
}

/** Its own component so that only it re-renders with the clock, once a second. */
function VotesPerSecond({ history }: { history: readonly TurnoutSample[] }) {
  const now = useNow(1_000);
  const rate = votesPerSecond(history, now);
  return (
    <Stat
      label="Votes per second"
      value={
        <span data-testid="votes-per-second">
          {rate === undefined ? "measuring…" : rate.toLocaleString("en", { maximumFractionDigits: 1 })}
        </span>
      }
      hint={`average over the last ${RATE_WINDOW_MS / 1000} s`}
    />
  );
}

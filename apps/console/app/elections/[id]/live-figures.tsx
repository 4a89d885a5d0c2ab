"use client";

import type { ReactNode } from "react";
import type { Snapshot } from "@landslide/ui/live-results";
import type { TurnoutSample } from "./turnout-history";
import { useNow } from "./use-now";
import { RATE_WINDOW_MS, votesPerSecond } from "./votes-per-second";

/**
 * The headline figures. Not a live region: they change every second while votes come in, and a
 * screen reader would announce nothing else; officials read them when they want to.
 */
export function LiveFigures({ snapshot, history }: { snapshot: Snapshot; history: readonly TurnoutSample[] }) {
  const now = useNow(1_000);
  const rate = votesPerSecond(history, now);
  return (
    <dl style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", margin: "0 0 1rem" }}>
      <Figure term="Ballots counted" testId="turnout">
        {snapshot.turnout.toLocaleString("en")}
      </Figure>
      <Figure term="Held for review" note="not counted until an official releases them">
        {snapshot.quarantined.toLocaleString("en")}
      </Figure>
      <Figure
        term="Votes per second"
        note={`average over the last ${RATE_WINDOW_MS / 1000} s`}
        testId="votes-per-second"
      >
        {rate === undefined ? "measuring…" : rate.toLocaleString("en", { maximumFractionDigits: 1 })}
      </Figure>
    </dl>
  );
}

function Figure({
  term,
  note,
  testId,
  children,
}: {
  term: string;
  note?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="card" style={{ flex: "1 1 10rem", margin: 0 }}>
      <dt>{term}</dt>
      <dd style={{ margin: 0, fontSize: "1.75rem", fontWeight: 700 }} data-testid={testId}>
        {children}
      </dd>
      {note ? (
        <dd className="muted" style={{ margin: 0 }}>
          {note}
        </dd>
      ) : null}
    </div>
  );
}

"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatClock } from "./local-time";
import type { TurnoutSample } from "./turnout-history";

/** Turnout as each snapshot arrived since this page opened: a line for the eye, a sentence for everyone. */
export function TurnoutOverTime({ history }: { history: readonly TurnoutSample[] }) {
  const first = history[0];
  const latest = history.at(-1);
  return (
    <section aria-labelledby="turnout-over-time-heading">
      <h3 id="turnout-over-time-heading">Turnout since this page opened</h3>
      {!first || !latest || history.length < 2 ? (
        <p className="muted">The line appears once the turnout changes; the stream sends a snapshot on every change.</p>
      ) : (
        <>
          <p>
            Since {formatClock(first.receivedAt)}, {history.length - 1} {history.length === 2 ? "update" : "updates"}:
            turnout went from {first.turnout.toLocaleString("en")} to {latest.turnout.toLocaleString("en")} (+
            {(latest.turnout - first.turnout).toLocaleString("en")}) by {formatClock(latest.receivedAt)}.
          </p>
          {/* The chart is for the eye; the sentence above carries its figures. */}
          <div aria-hidden="true" style={{ width: "100%", height: 220 }}>
            <ResponsiveContainer>
              <LineChart data={[...history]} margin={{ left: 8, right: 24, top: 8 }} accessibilityLayer={false}>
                <CartesianGrid stroke="#d4dae6" />
                <XAxis
                  dataKey="receivedAt"
                  type="number"
                  scale="time"
                  domain={["dataMin", "dataMax"]}
                  tickFormatter={formatClock}
                  stroke="#4a5568"
                  tick={{ fontSize: 12 }}
                />
                <YAxis allowDecimals={false} stroke="#4a5568" width={56} tick={{ fontSize: 12 }} />
                <Tooltip labelFormatter={(at) => formatClock(Number(at))} />
                <Line type="stepAfter" dataKey="turnout" stroke="#1d4ed8" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}

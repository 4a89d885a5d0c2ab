"use client";

import { type BallotShape, countersOf, liveCounters } from "@landslide/api/client";
import { TableRegion } from "./table-region";
import type { Snapshot } from "./use-live-snapshot";
import type { Recount } from "./use-recount";

/** Every counter, live beside recounted, with a mark where they differ. */
export function RecountComparison({ ballot, recount, snapshot }: { ballot: BallotShape; recount: Recount; snapshot: Snapshot | undefined }) {
  const live = snapshot ? liveCounters(snapshot) : {};
  const named = countersOf(ballot);
  // Any counter the ballot does not name (there should be none) is still shown, under its raw name.
  const known = new Set(named.map((c) => c.counter));
  const unnamed = [...new Set([...Object.keys(recount.counters), ...Object.keys(live)])].filter((c) => !known.has(c)).map((counter) => ({ counter, label: counter }));
  const rows = [...named, ...unnamed].map(({ counter, label }) => ({ counter, label, live: live[counter] ?? 0, recount: recount.counters[counter] ?? 0 }));
  const differing = rows.filter((r) => r.live !== r.recount).length;
  return (
    <TableRegion label="Live tally and recount, counter by counter">
      <table className="health">
        <caption>
          Live tally and recount, counter by counter: {differing === 0 ? "all equal" : `${differing} ${differing === 1 ? "differs" : "differ"}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Counter</th>
            <th scope="col">Live</th>
            <th scope="col">Recount</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.counter}>
              <th scope="row">
                {r.label}
                <span className="muted">
                  <code>{r.counter}</code>
                </span>
              </th>
              <td>{snapshot ? r.live.toLocaleString("en") : "—"}</td>
              <td>{r.recount.toLocaleString("en")}</td>
              <td>{r.live === r.recount ? <span className="ok">equal</span> : <strong className="bad">✗ differs</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

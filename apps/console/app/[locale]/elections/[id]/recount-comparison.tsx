"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type BallotShape, countersOf, EXTRA_WEIGHT, liveCounters } from "@landslide/api/client";
import type { Snapshot } from "@landslide/ui/live-results";
import { FiguresTable } from "@landslide/ui/figures-table";
import { TableRegion } from "@landslide/ui/table-region";
import type { Recount } from "./use-recount";

/** Every counter, live beside recounted, with a mark where they differ. */
export function RecountComparison({
  ballot,
  recount,
  snapshot,
}: {
  ballot: BallotShape;
  recount: Recount;
  snapshot: Snapshot | undefined;
}) {
  const t = useTranslations("recountComparison");
  const format = useFormatter();
  const live = snapshot ? liveCounters(snapshot) : {};
  const named = countersOf(ballot, { weighted: EXTRA_WEIGHT in recount.counters || EXTRA_WEIGHT in live });
  // Any counter the ballot does not name (there should be none) is still shown, under its raw name.
  const known = new Set(named.map((c) => c.counter));
  const unnamed = [...new Set([...Object.keys(recount.counters), ...Object.keys(live)])]
    .filter((c) => !known.has(c))
    .map((counter) => ({ counter, label: counter }));
  const rows = [...named, ...unnamed].map(({ counter, label }) => ({
    counter,
    label,
    live: live[counter] ?? 0,
    recount: recount.counters[counter] ?? 0,
  }));
  const differing = rows.filter((r) => r.live !== r.recount).length;
  return (
    <TableRegion label={t("label")}>
      <FiguresTable
        caption={t("caption", { differing })}
        columns={[t("counter"), t("live"), t("recount"), t("check")]}
        rows={rows.map((r) => ({
          key: r.counter,
          header: (
            <>
              {r.label}
              <span className="muted">
                <code>{r.counter}</code>
              </span>
            </>
          ),
          cells: [
            snapshot ? format.number(r.live) : "—",
            format.number(r.recount),
            r.live === r.recount ? (
              <span key="check" className="ok">
                {t("equal")}
              </span>
            ) : (
              <strong key="check" className="bad">
                {t("differs")}
              </strong>
            ),
          ],
        }))}
      />
    </TableRegion>
  );
}

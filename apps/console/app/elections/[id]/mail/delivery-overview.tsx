"use client";

import { Bar, BarChart, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { Table } from "@landslide/ui/components";
import type { OfficialElection } from "../official-election";
import {
  campaignSentence,
  groupWords,
  type KindRow,
  kindRows,
  kindSentence,
  kindWords,
  type MailKind,
  type MailSummary,
  STATUS_GROUPS,
} from "./mail-summary";
import styles from "./mail.module.css";

const BAR_ROW_PX = 44;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * What went out, per kind: where the roll-wide campaigns stand, a sentence per kind, and a bar per
 * kind split by how its messages ended. The bars are for the eye; the sentences (and the table
 * under them) say the same for everyone.
 */
export function DeliveryOverview({
  summary,
  election,
  kinds,
}: {
  summary: MailSummary;
  election: OfficialElection;
  kinds: readonly MailKind[];
}) {
  const rows = kindRows(summary, kinds);
  const charted = rows.filter((row) => row.total > 0);
  return (
    <section aria-labelledby="mail-sent-heading">
      <h3 id="mail-sent-heading">What went out</h3>
      {summary.rollBased ? (
        <dl className={styles.campaigns}>
          <dt>Invitations</dt>
          <dd>{campaignSentence("invitation", summary, election)}</dd>
          <dt>Results</dt>
          <dd>{campaignSentence("results", summary, election)}</dd>
        </dl>
      ) : null}
      <ul className={styles.kinds}>
        {rows.map((row) => (
          <li key={row.kind}>
            {kindSentence(row)} <span className={styles.help}>{kindWords[row.kind].help}</span>
          </li>
        ))}
      </ul>
      {charted.length > 0 ? (
        <>
          <DeliveryChart rows={charted} />
          <details className={styles.disclosure}>
            <summary>The figures as a table</summary>
            <Table
              caption="Messages by kind and how they ended"
              captionHidden
              columns={[
                { key: "label", header: "Kind" },
                ...STATUS_GROUPS.map((group) => ({
                  key: group,
                  header: groupWords[group].label,
                  align: "end" as const,
                  cell: (row: KindRow) => row.groups[group].toLocaleString("en"),
                })),
                { key: "total", header: "In all", align: "end", cell: (row) => row.total.toLocaleString("en") },
              ]}
              rows={rows}
              rowKey={(row) => row.kind}
            />
          </details>
        </>
      ) : null}
    </section>
  );
}

/** A bar per kind, its length the whole of that kind's messages, split by how they ended. */
function DeliveryChart({ rows }: { rows: readonly KindRow[] }) {
  const data = rows.map((row) => ({ label: row.label, ...row.groups }));
  // Only the groups some kind has: a legend of empty colours helps nobody.
  const groups = STATUS_GROUPS.filter((group) => rows.some((row) => row.groups[group] > 0));
  return (
    // For the eye only: the sentences above carry every figure.
    <div aria-hidden="true" style={{ width: "100%", height: 64 + rows.length * BAR_ROW_PX, marginBottom: "1rem" }}>
      <ResponsiveContainer>
        <BarChart
          data={data}
          layout="vertical"
          stackOffset="expand"
          margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
          barSize={22}
          accessibilityLayer={false}
        >
          <XAxis type="number" tickFormatter={percent} stroke="#4a5568" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={92} stroke="#4a5568" tick={{ fontSize: 13 }} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {groups.map((group) => (
            <Bar
              key={group}
              dataKey={group}
              name={groupWords[group].label}
              stackId="mail"
              fill={groupWords[group].colour}
              // A white edge between the parts, so neighbouring colours never run together.
              stroke="#ffffff"
              strokeWidth={1}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

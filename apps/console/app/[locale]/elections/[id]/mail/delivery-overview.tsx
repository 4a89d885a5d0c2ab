"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { Table } from "@landslide/ui/components";
import { useUiText } from "@landslide/ui/ui-text";
import type { OfficialElection } from "../official-election";
import {
  campaignSentence,
  groupColours,
  groupLabel,
  type KindRow,
  kindRows,
  kindSentence,
  kindWords,
  type MailKind,
  type MailSummary,
  STATUS_GROUPS,
} from "./mail-summary";
import styles from "./mail.module.css";
import { useDateLocale } from "../../../../../i18n/use-date-locale";

const BAR_ROW_PX = 44;

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
  const t = useTranslations();
  const locale = useDateLocale();
  const format = useFormatter();
  const rows = kindRows(summary, kinds);
  const charted = rows.filter((row) => row.total > 0);
  return (
    <section aria-labelledby="mail-sent-heading">
      <h3 id="mail-sent-heading">{t("mail.overview.heading")}</h3>
      {summary.rollBased ? (
        <dl className={styles.campaigns}>
          <dt>{t("mail.kinds.invitation.label")}</dt>
          <dd>{campaignSentence("invitation", summary, election, t, { locale })}</dd>
          <dt>{t("mail.kinds.results.label")}</dt>
          <dd>{campaignSentence("results", summary, election, t, { locale })}</dd>
        </dl>
      ) : null}
      <ul className={styles.kinds}>
        {rows.map((row) => (
          <li key={row.kind}>
            {kindSentence(row, t, locale)} <span className={styles.help}>{kindWords(row.kind, t).help}</span>
          </li>
        ))}
      </ul>
      {charted.length > 0 ? (
        <>
          <DeliveryChart rows={charted} />
          <details className={styles.disclosure}>
            <summary>{t("ui.figuresTable")}</summary>
            <Table
              caption={t("mail.overview.caption")}
              captionHidden
              columns={[
                { key: "label", header: t("mail.overview.kind"), cell: (row: KindRow) => kindWords(row.kind, t).label },
                ...STATUS_GROUPS.map((group) => ({
                  key: group,
                  header: groupLabel(group, t),
                  align: "end" as const,
                  cell: (row: KindRow) => format.number(row.groups[group]),
                })),
                {
                  key: "total",
                  header: t("mail.overview.inAll"),
                  align: "end",
                  cell: (row) => format.number(row.total),
                },
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
  const t = useTranslations();
  const locale = useDateLocale();
  const rtl = useUiText().dir === "rtl";
  const percent = (share: number) => new Intl.NumberFormat(locale, { style: "percent" }).format(share);
  const data = rows.map((row) => ({ label: kindWords(row.kind, t).label, ...row.groups }));
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
          margin={rtl ? { top: 4, right: 0, bottom: 4, left: 16 } : { top: 4, right: 16, bottom: 4, left: 0 }}
          barSize={22}
          accessibilityLayer={false}
        >
          <XAxis type="number" tickFormatter={percent} reversed={rtl} stroke="#4a5568" tick={{ fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey="label"
            width={92}
            orientation={rtl ? "right" : "left"}
            stroke="#4a5568"
            tick={{ fontSize: 13 }}
          />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {groups.map((group) => (
            <Bar
              key={group}
              dataKey={group}
              name={groupLabel(group, t)}
              stackId="mail"
              fill={groupColours[group]}
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

"use client";

import { useLocale, useTranslations } from "next-intl";
import { useWords } from "../../../../../i18n/use-words";
import { type Case, reasonCounts } from "./review-lists";
import styles from "./fraud-review.module.css";

/** Why these ballots were held: each reason in words, what it means, and how many it concerns. */
export function ReasonsList({ members }: { members: readonly Case[] }) {
  const t = useTranslations("fraudReview");
  const holdWords = useWords("holdReason");
  const counts = reasonCounts(members);
  if (counts.length === 0) return <p>{t("noSignalRecorded")}</p>;
  return (
    <ul className={styles.reasons}>
      {counts.map(([reason, n]) => {
        const words = holdWords(reason);
        return (
          <li key={reason}>
            {t.rich("reasonCount", {
              reason: words.label,
              count: n,
              all: members.length,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
            {words.help ? <span className={styles.help}>{words.help}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The two commonest reasons, for a summary line: "Automated browser (3), New account (2)". */
export function useTopReasons(members: readonly Case[]): string {
  const t = useTranslations("fraudReview");
  const holdWords = useWords("holdReason");
  const locale = useLocale();
  return new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(
    reasonCounts(members)
      .slice(0, 2)
      .map(([reason, n]) => t("topReason", { reason: holdWords(reason).label, count: n })),
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import { Checkbox, DateTime } from "@landslide/ui/components";
import { useWords } from "../../../../../i18n/use-words";
import { shortId } from "./group-kinds";
import type { Case } from "./review-lists";
import styles from "./fraud-review.module.css";

/**
 * Held ballots, one line each: its number in the cast order, when, why, its score and where from,
 * and a box to select it for a decision of its own. Only pseudonymous evidence: never who voted.
 */
export function BallotList({
  cases,
  numbers,
  selected,
  onToggle,
}: {
  cases: readonly Case[];
  numbers: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  onToggle: (voterKey: string) => void;
}) {
  const t = useTranslations("fraudReview");
  return (
    <ul className={styles.ballots}>
      {cases.map((c) => (
        <li key={c.voterKey}>
          <Checkbox
            label={t("ballot", { number: String(numbers.get(c.voterKey) ?? "?") })}
            hint={<Evidence ballot={c} />}
            checked={selected.has(c.voterKey)}
            onCheckedChange={() => onToggle(c.voterKey)}
          />
        </li>
      ))}
    </ul>
  );
}

/** One ballot's evidence in a line ("cast 14:02:05 · Automated browser, New account · risk score 75 · …"). */
export function Evidence({ ballot }: { ballot: Case }) {
  const t = useTranslations("fraudReview.evidence");
  const holdWords = useWords("holdReason");
  const locale = useLocale();
  const reasons = new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(
    ballot.reasons.map((r) => holdWords(r).label),
  );
  return (
    <>
      {ballot.castAt
        ? t.rich("cast", { time: () => <DateTime value={ballot.castAt!} format="time" seconds /> })
        : t("castUnknown")}
      {" · "}
      {reasons || t("noSignal")}
      {ballot.score === null ? null : ` · ${t("score", { score: ballot.score })}`}
      {ballot.deviceId ? (
        <>
          {" · "}
          <span title={t("deviceTitle", { id: ballot.deviceId })}>{t("device", { id: shortId(ballot.deviceId) })}</span>
        </>
      ) : null}
      {ballot.networkBlock ? ` · ${t("network", { block: ballot.networkBlock })}` : null}
    </>
  );
}

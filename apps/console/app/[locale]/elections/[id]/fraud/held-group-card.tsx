"use client";

import { useTranslations } from "next-intl";
import { DateTime } from "@landslide/ui/components";
import { BallotList } from "./ballot-list";
import { DecisionForm } from "./decision-form";
import { groupKind } from "./group-kinds";
import { ReasonsList, useTopReasons } from "./reasons-list";
import type { ListedGroup } from "./review-lists";
import styles from "./fraud-review.module.css";
import { useDateLocale } from "../../../../../i18n/use-date-locale";

/**
 * One group of held ballots, collapsed to its heading and a summary line (what they share, when,
 * the commonest reasons); opened, the evidence, the ballots (each can be selected on its own) and
 * the decision for all of them at once.
 */
export function HeldGroupCard({
  electionId,
  listed,
  numbers,
  selected,
  onToggle,
  onDecided,
}: {
  electionId: string;
  listed: ListedGroup;
  numbers: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  onToggle: (voterKey: string) => void;
  onDecided: (outcome: string) => void;
}) {
  const t = useTranslations();
  const locale = useDateLocale();
  const { group, members, alsoIn } = listed;
  const kind = groupKind(group.kind, t, locale);
  const n = members.length;
  const headingId = `group-${group.kind}-${group.key}`.replace(/[^a-zA-Z0-9-]/g, "-");
  const first = members[0]?.castAt;
  const last = members[n - 1]?.castAt;
  const reasons = useTopReasons(members);
  return (
    <section className={`ls-card ${styles.group}`} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.groupTitle}>
        {t("fraudReview.groupTitle", { title: kind.title, count: n })}
      </h4>
      <p className={styles.summary}>
        {/* A burst's key is its first cast time, which the range says already. */}
        {group.kind === "burst" ? null : `${kind.key(group.key)} · `}
        {first && last ? (
          <>
            {first === last
              ? t.rich("fraudReview.castAt", { time: () => <DateTime value={first} format="time" seconds /> })
              : t.rich("fraudReview.castBetween", {
                  from: () => <DateTime value={first} format="time" seconds />,
                  to: () => <DateTime value={last} format="time" seconds />,
                })}
            {" · "}
          </>
        ) : null}
        {reasons || t("fraudReview.evidence.noSignal")}
      </p>
      <details className={styles.disclosure}>
        <summary>{t("fraudReview.evidenceAndDecision")}</summary>
        <p className={styles.subhead}>{t("fraudReview.whyHeld")}</p>
        <ReasonsList members={members} />
        {alsoIn.length > 0 ? (
          <p className="muted">
            {t("fraudReview.also", {
              overlaps: alsoIn
                .map(({ group: other, shared }) =>
                  t("fraudReview.alsoIn", { count: shared, group: groupKind(other.kind, t, locale).title }),
                )
                .join(t("fraudReview.alsoSeparator")),
            })}
          </p>
        ) : null}
        <p className={styles.subhead}>{t("fraudReview.theBallots")}</p>
        <BallotList cases={members} numbers={numbers} selected={selected} onToggle={onToggle} />
        <DecisionForm
          electionId={electionId}
          voterKeys={members.map((m) => m.voterKey)}
          what={t("fraudReview.allInGroup", { count: n })}
          onDecided={onDecided}
        />
      </details>
    </section>
  );
}

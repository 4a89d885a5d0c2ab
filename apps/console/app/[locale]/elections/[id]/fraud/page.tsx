"use client";

import { useQuery } from "@tanstack/react-query";
import { use, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, EmptyState, Spinner } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { BallotList, Evidence } from "./ballot-list";
import { DecisionForm } from "./decision-form";
import { HeldGroupCard } from "./held-group-card";
import { useWords } from "../../../../../i18n/use-words";
import { failureMessage } from "../failure-message";
import { reviewLists } from "./review-lists";
import styles from "./fraud-review.module.css";

export type { FraudReview } from "./review-lists";

/**
 * Held ballots of one election: the groups they form, each collapsed to a summary line with its
 * evidence and decision inside, then the ballots in no group. Every held ballot is listed once;
 * any of them can be selected and decided on its own.
 */
export default function FraudReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: electionId } = use(params);
  const control = useControlApi();
  const t = useTranslations("fraudReview");
  const tr = useTranslations();
  const stateWords = useWords("voteState");
  // Counts move as the aggregator opens cases and officials decide them: poll while the page is open.
  const review = useQuery(control.official.fraud.groups.queryOptions({ electionId }, { refetchInterval: 2_000 }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [outcome, setOutcome] = useState<string>();
  const lists = reviewLists(review.data?.cases ?? [], review.data?.groups ?? []);
  const heldCount = lists.alone.length + lists.groups.reduce((sum, g) => sum + g.members.length, 0);
  const count = (state: string) => lists.decided.filter((c) => c.state === state).length;
  const held = new Set([...lists.alone, ...lists.groups.flatMap((g) => g.members)].map((c) => c.voterKey));
  const stillSelected = [...selected].filter((key) => held.has(key));
  const toggle = (voterKey: string) => {
    const next = new Set(selected);
    if (next.has(voterKey)) next.delete(voterKey);
    else next.add(voterKey);
    setSelected(next);
  };
  const decided = (sentence: string) => {
    setOutcome(sentence);
    setSelected(new Set());
  };
  return (
    <>
      {/* The election's layout (election-shell.tsx) gives the title (h1) and the tabs: this is one of its sub-pages. */}
      <h2 className={styles.pageTitle}>{t("heading")}</h2>
      {review.isError ? (
        <Alert tone="danger" title={t("unavailableTitle")}>
          {failureMessage(review.error, t("unavailable"), tr)}
        </Alert>
      ) : null}
      {review.isPending ? <Spinner label={t("loading")} /> : null}
      {review.data ? (
        <>
          <p aria-live="polite" data-testid="fraud-counts" className={styles.counts}>
            {t.rich("counts", {
              held: heldCount,
              released: count("released"),
              voided: count("voided"),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          {outcome ? (
            <Alert tone="success" title={t("decided")}>
              {outcome}
            </Alert>
          ) : null}
          {heldCount === 0 ? <EmptyState headingLevel={3} title={t("emptyTitle")} body={t("empty")} /> : null}
          {lists.groups.length > 0 ? (
            <section aria-labelledby="groups-heading">
              <h3 id="groups-heading">{t("groups", { count: lists.groups.length })}</h3>
              <p className="muted">{t("groupsIntro")}</p>
              {lists.groups.map((listed) => (
                <HeldGroupCard
                  key={`${listed.group.kind}:${listed.group.key}`}
                  electionId={electionId}
                  listed={listed}
                  numbers={lists.numbers}
                  selected={selected}
                  onToggle={toggle}
                  onDecided={decided}
                />
              ))}
            </section>
          ) : null}
          {lists.alone.length > 0 ? (
            <section aria-labelledby="alone-heading">
              <h3 id="alone-heading">
                {t(lists.groups.length > 0 ? "aloneInNoGroup" : "alone", { count: lists.alone.length })}
              </h3>
              <BallotList cases={lists.alone} numbers={lists.numbers} selected={selected} onToggle={toggle} />
            </section>
          ) : null}
          {stillSelected.length > 0 ? (
            <>
              <div className={styles.selectionBar} role="status">
                <span>{t("selected", { count: stillSelected.length })}</span>
                <a href="#decide-selected">{t("decideThem")}</a>
              </div>
              <div id="decide-selected" className={styles.selectionForm}>
                <Card title={t("decideSelected", { count: stillSelected.length })} headingLevel={3}>
                  <DecisionForm
                    electionId={electionId}
                    voterKeys={stillSelected}
                    what={t("theSelected", { count: stillSelected.length })}
                    onDecided={decided}
                  />
                </Card>
              </div>
            </>
          ) : null}
          {lists.decided.length > 0 ? (
            <details className={styles.disclosure}>
              <summary>{t("decidedBallots", { count: lists.decided.length })}</summary>
              <ul className={styles.ballots}>
                {lists.decided.map((c) => (
                  <li key={c.voterKey}>
                    <strong>{t("ballot", { number: String(lists.numbers.get(c.voterKey) ?? "?") })}</strong>{" "}
                    <Badge tone={c.state === "voided" ? "danger" : "success"}>{stateWords(c.state).label}</Badge>
                    <span className={styles.help}>
                      <Evidence ballot={c} />
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </>
  );
}

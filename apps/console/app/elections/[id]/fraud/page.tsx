"use client";

import { useQuery } from "@tanstack/react-query";
import { use, useState } from "react";
import { countOf, refusalOf, voteStateWords } from "@landslide/api/client";
import { Alert, Badge, Card, EmptyState, Spinner } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { BallotList, Evidence } from "./ballot-list";
import { DecisionForm } from "./decision-form";
import { HeldGroupCard } from "./held-group-card";
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
      <h2 className={styles.pageTitle}>Fraud review</h2>
      {review.isError ? (
        <Alert tone="danger" title="The held ballots cannot be loaded">
          {refusalOf(review.error)?.message ?? "The control API does not answer. This page tries again by itself."}
        </Alert>
      ) : null}
      {review.isPending ? <Spinner label="Loading the held ballots…" /> : null}
      {review.data ? (
        <>
          <p aria-live="polite" data-testid="fraud-counts" className={styles.counts}>
            <strong>{heldCount}</strong> held for review, {count("released")} released, {count("voided")} voided.
          </p>
          {outcome ? (
            <Alert tone="success" title="Decision recorded">
              {outcome}
            </Alert>
          ) : null}
          {heldCount === 0 ? (
            <EmptyState
              headingLevel={3}
              title="Nothing is held in this election"
              body="Ballots the risk checks doubt appear here within seconds of being cast, grouped when they share a device, an address block or a burst in time."
            />
          ) : null}
          {lists.groups.length > 0 ? (
            <section aria-labelledby="groups-heading">
              <h3 id="groups-heading">Groups ({countOf(lists.groups.length, "group")})</h3>
              <p className="muted">
                Ballots that share a device or an address block, or came in a burst: often one operation, decided at
                once. Open a group for its evidence.
              </p>
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
                {lists.groups.length > 0 ? "Held ballots in no group" : "Held ballots"} (
                {countOf(lists.alone.length, "ballot")})
              </h3>
              <BallotList cases={lists.alone} numbers={lists.numbers} selected={selected} onToggle={toggle} />
            </section>
          ) : null}
          {stillSelected.length > 0 ? (
            <>
              <div className={styles.selectionBar} role="status">
                <span>{countOf(stillSelected.length, "ballot")} selected</span>
                <a href="#decide-selected">Decide them</a>
              </div>
              <div id="decide-selected" className={styles.selectionForm}>
                <Card title={`Decide the ${stillSelected.length} selected`} headingLevel={3}>
                  <DecisionForm
                    electionId={electionId}
                    voterKeys={stillSelected}
                    what={`the ${stillSelected.length} selected`}
                    onDecided={decided}
                  />
                </Card>
              </div>
            </>
          ) : null}
          {lists.decided.length > 0 ? (
            <details className={styles.disclosure}>
              <summary>Decided ballots ({lists.decided.length})</summary>
              <ul className={styles.ballots}>
                {lists.decided.map((c) => (
                  <li key={c.voterKey}>
                    <strong>Ballot {lists.numbers.get(c.voterKey)}</strong>{" "}
                    <Badge tone={c.state === "voided" ? "danger" : "success"}>{voteStateWords(c.state).label}</Badge>
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

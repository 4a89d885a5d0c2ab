"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { use, useState } from "react";
import { refusalOf, type RouterOutputs } from "@landslide/api/client";
import { useControlApi, useResultsApi } from "@landslide/ui/client";
import { DecisionForm } from "./decision-form";
import { HeldGroupCard } from "./held-group-card";
import { HeldBallotsTable } from "./held-ballots-table";

export type FraudReview = RouterOutputs["official"]["fraud"]["groups"];

/** Held ballots of one election: the groups they form, each with its evidence, decided one by one or all at once. */
export default function FraudReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: electionId } = use(params);
  const control = useControlApi();
  const results = useResultsApi();
  const election = useQuery(results.elections.get.queryOptions({ electionId }));
  // Counts move as the aggregator opens cases and officials decide them: poll while the page is open.
  const review = useQuery(control.official.fraud.groups.queryOptions({ electionId }, { refetchInterval: 2_000 }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const cases = review.data?.cases ?? [];
  const count = (state: string) => cases.filter((c) => c.state === state).length;
  const stillHeld = [...selected].filter((key) => cases.some((c) => c.voterKey === key && c.state === "quarantined"));
  return (
    <>
      <p>
        <Link href={`/elections/${electionId}`}>← {election.data?.title ?? "Election"}</Link>
      </p>
      <h1>Fraud review</h1>
      {review.isError ? (
        <p role="alert" className="notice">
          {refusalOf(review.error)?.message ?? "The fraud cases could not be loaded; retrying."}
        </p>
      ) : null}
      {review.isPending ? <p role="status">Loading the held ballots…</p> : null}
      {review.data ? (
        <>
          <p aria-live="polite" data-testid="fraud-counts">
            <strong>{count("quarantined")}</strong> held for review, {count("released")} released, {count("voided")}{" "}
            voided.
          </p>
          <section aria-labelledby="groups-heading">
            <h2 id="groups-heading">Groups</h2>
            {review.data.groups.length === 0 ? (
              <p className="muted">No held ballots share a device or an address block, or came in a burst.</p>
            ) : (
              review.data.groups.map((group) => (
                <HeldGroupCard key={`${group.kind}:${group.key}`} electionId={electionId} group={group} cases={cases} />
              ))
            )}
          </section>
          <section aria-labelledby="ballots-heading">
            <h2 id="ballots-heading">Held ballots</h2>
            {cases.length === 0 ? (
              <p className="muted">
                Nothing is held in this election. Ballots the risk checks doubt appear here within seconds.
              </p>
            ) : (
              <>
                <HeldBallotsTable cases={cases} selected={selected} onSelect={setSelected} />
                {stillHeld.length > 0 ? (
                  <DecisionForm
                    electionId={electionId}
                    voterKeys={stillHeld}
                    what={`the ${stillHeld.length} selected`}
                  />
                ) : null}
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

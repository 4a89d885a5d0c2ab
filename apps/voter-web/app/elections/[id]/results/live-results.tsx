"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { refusalOf } from "@landslide/api/client";
import { useResultsApi } from "@landslide/ui/client";
import { Alert, Badge, DateTime } from "@landslide/ui/components";
import { QuestionResults, useLiveSnapshot } from "@landslide/ui/live-results";
import { refusalMessage } from "../../../../lib/refusal-messages";
import { FinalResult } from "./final-rounds";
import { Turnout } from "./turnout";

/**
 * Public results: turnout, then per question who leads (or won) in words, labelled bars and the
 * same figures with shares in a table. While voting goes on the figures are live and say so; once
 * it has ended the page shows the final count (the recount), with every instant-runoff round.
 */
export function LiveResults({ electionId }: { electionId: string }) {
  const results = useResultsApi();
  const { snapshot, live } = useLiveSnapshot(electionId);
  const election = useQuery(results.elections.get.queryOptions({ electionId }));
  const closed = election.data?.status === "closed" || election.data?.status === "certified";
  if (snapshot.isPending) return <p role="status">Loading the results…</p>;
  if (snapshot.isError)
    return (
      <Alert tone="warning">
        {refusalMessage(refusalOf(snapshot.error)?.reason, "The results could not be loaded; trying again shortly.")}
      </Alert>
    );
  const s = snapshot.data;
  return (
    <>
      <p>
        <Link href={`/elections/${electionId}`}>{closed ? "Back to the election" : "Back to the ballot"}</Link>
      </p>
      <h1>{closed ? "Results" : "Live results"}</h1>
      {election.data ? <p className="muted">{election.data.title}</p> : null}
      <p aria-live="polite">
        {closed ? (
          <Badge tone="neutral">Voting has ended</Badge>
        ) : (
          <Badge tone={live ? "success" : "warning"}>
            {live ? "Live" : "Reconnecting… (refreshing every few seconds)"}
          </Badge>
        )}{" "}
        <span className="muted">
          {closed ? "Counted as of " : "Updated "}
          <DateTime value={s.asOf} format="time" seconds />
        </span>
      </p>
      <Turnout snapshot={s} />
      {closed ? (
        <FinalResult electionId={electionId} />
      ) : (
        s.questions.map((q) => (
          <QuestionResults
            key={q.id}
            question={q}
            ballots={s.turnout}
            headingLevel={2}
            headingId={`results-${q.id}`}
            rankedNote="First preferences so far; the instant-runoff rounds are published with the final result."
            captionSuffix="votes per option"
            scrolls={false}
            zeroAbstentions="hidden"
          />
        ))
      )}
    </>
  );
}

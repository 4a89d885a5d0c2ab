"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { refusalOf } from "@landslide/api/client";
import { useResultsApi } from "@landslide/ui/client";
import { QuestionResults, useLiveSnapshot } from "@landslide/ui/live-results";
import { refusalMessage } from "../../../../lib/refusal-messages";
import { FinalRounds } from "./final-rounds";

/** Public live results: a bar chart per question, the same figures as a table, and honest freshness. */
export function LiveResults({ electionId }: { electionId: string }) {
  const results = useResultsApi();
  const { snapshot, live } = useLiveSnapshot(electionId);
  const election = useQuery(results.elections.get.queryOptions({ electionId }));
  const closed = election.data?.status === "closed" || election.data?.status === "certified";
  if (snapshot.isPending) return <p role="status">Loading the results…</p>;
  if (snapshot.isError)
    return (
      <p className="notice">
        {refusalMessage(refusalOf(snapshot.error)?.reason, "The results could not be loaded; trying again shortly.")}
      </p>
    );
  const s = snapshot.data;
  return (
    <>
      <p>
        <Link href={`/elections/${electionId}`}>Back to the ballot</Link>
      </p>
      <h1>{closed ? "Results" : "Live results"}</h1>
      {election.data ? <p className="muted">{election.data.title}</p> : null}
      <p aria-live="polite">
        <strong data-testid="turnout">{s.turnout.toLocaleString("en")}</strong> ballots counted
        {s.quarantined > 0 ? `, ${s.quarantined.toLocaleString("en")} under review` : ""}. Updated{" "}
        {new Date(s.asOf).toLocaleTimeString("en-GB")}{" "}
        {closed ? (
          <span className="badge">voting has ended</span>
        ) : (
          <span className={live ? "badge ok" : "badge"}>
            {live ? "live" : "reconnecting… (refreshing every few seconds)"}
          </span>
        )}
      </p>
      {closed ? <FinalRounds electionId={electionId} /> : null}
      {s.questions.map((q) => (
        <QuestionResults
          key={q.id}
          question={q}
          headingLevel={2}
          headingId={`results-${q.id}`}
          rankedNote={
            closed
              ? "First preferences; the instant-runoff rounds are above."
              : "First preferences so far; the instant-runoff rounds are published with the final result."
          }
          captionSuffix="votes per option"
          scrolls={false}
          zeroAbstentions="hidden"
        />
      ))}
    </>
  );
}

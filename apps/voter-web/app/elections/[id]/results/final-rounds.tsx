"use client";

import { useQuery } from "@tanstack/react-query";
import { refusalOf } from "@landslide/api/client";
import { useLandslide, useResultsApi } from "@landslide/ui/client";
import { Alert } from "@landslide/ui/components";
import { QuestionResults, RunoffRounds } from "@landslide/ui/live-results";
import { refusalMessage } from "../../../../lib/refusal-messages";

/**
 * Once an election has closed: the final count, recounted from the stored ballots. Each question
 * says who won (or that it is a tie); a ranked question shows its instant-runoff rounds and how
 * the votes moved between them.
 */
export function FinalResult({ electionId }: { electionId: string }) {
  const client = useLandslide();
  const results = useResultsApi();
  const final = useQuery(results.results.final.queryOptions({ electionId }));
  if (final.isPending) return <p role="status">Loading the final count…</p>;
  if (final.isError)
    return (
      <Alert tone="warning">
        {refusalMessage(refusalOf(final.error)?.reason, "The final count could not be loaded; trying again shortly.")}
      </Alert>
    );
  const f = final.data;
  return (
    <section aria-labelledby="final-heading">
      <h2 id="final-heading">Final result{f.status === "certified" ? " (certified)" : ""}</h2>
      <p className="muted">
        Recounted from every stored ballot after voting ended
        {f.status === "certified" ? ", and certified by the election's officials" : ""}:{" "}
        {f.turnout.toLocaleString("en")} {f.turnout === 1 ? "ballot" : "ballots"}.
      </p>
      {f.questions.map((q) => {
        const count = f.instantRunoff[q.id];
        return count ? (
          <RunoffRounds key={q.id} prompt={q.prompt} options={q.options} count={count} headingLevel={3} />
        ) : (
          <QuestionResults
            key={q.id}
            question={q}
            ballots={f.turnout}
            outcome="final"
            headingLevel={3}
            headingId={`final-${q.id}`}
            rankedNote=""
            captionSuffix="final votes per option"
            scrolls={false}
            zeroAbstentions="hidden"
          />
        );
      })}
      <p>
        Anyone can recompute this result: <a href={client.auditBundleUrl(electionId)}>download the audit bundle</a>{" "}
        (every counted ballot, the signed audit log and the keys) and run{" "}
        <code>election audit verify {electionId} --bundle FILE</code>.
      </p>
    </section>
  );
}

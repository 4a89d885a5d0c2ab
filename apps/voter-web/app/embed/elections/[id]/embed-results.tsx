"use client";

import { useQuery } from "@tanstack/react-query";
import { refusalOf } from "@landslide/api/client";
import { useResultsApi } from "@landslide/ui/client";
import { Alert, Badge } from "@landslide/ui/components";
import { ballotsWord, QuestionResults, useLiveSnapshot } from "@landslide/ui/live-results";
import { refusalMessage } from "../../../../lib/refusal-messages";

/**
 * The results widget: the standings of every question, live while votes are counted (who leads),
 * the final count once voting has ended (who won), and a link to the full results, which also show
 * a ranked question's instant-runoff rounds.
 */
export function EmbedResults({ electionId }: { electionId: string }) {
  const results = useResultsApi();
  const { snapshot, live } = useLiveSnapshot(electionId);
  const election = useQuery(results.elections.get.queryOptions({ electionId }));
  const closed = election.data?.status === "closed" || election.data?.status === "certified";
  const final = useQuery({ ...results.results.final.queryOptions({ electionId }), enabled: closed });
  // Opened from inside a frame: the full page goes to a new tab, not into the host page's frame.
  const full = (
    <a href={`/elections/${electionId}/results`} target="_blank" rel="noopener">
      {closed ? "See the final result on Landslide" : "See the full results on Landslide"}
    </a>
  );
  if (snapshot.isPending) return <p role="status">Loading the results…</p>;
  if (snapshot.isError)
    return (
      <div className="embed-widget">
        <Alert tone="warning">
          {refusalMessage(refusalOf(snapshot.error)?.reason, "The results could not be loaded; trying again shortly.")}
        </Alert>
      </div>
    );
  // Until the final count arrives, a closed election's live count is shown and called that.
  const s = (closed && final.data) || snapshot.data;
  const outcome = closed && final.data ? "final" : "live";
  return (
    <div className="embed-widget">
      <h1>{election.data?.title ?? "Results"}</h1>
      <p aria-live="polite">
        {closed ? (
          <Badge tone="neutral">{outcome === "final" ? "final result" : "voting has ended"}</Badge>
        ) : (
          <Badge tone={live ? "success" : "warning"}>{live ? "Live" : "Reconnecting…"}</Badge>
        )}{" "}
        <strong data-testid="turnout">{ballotsWord(s.turnout)}</strong> counted
        {s.quarantined > 0 ? `, ${s.quarantined.toLocaleString("en")} under review` : ""}.
      </p>
      {s.questions.map((q) => (
        <QuestionResults
          key={q.id}
          question={q}
          ballots={s.turnout}
          outcome={outcome}
          table="folded"
          headingLevel={2}
          headingId={`embed-${q.id}`}
          rankedNote="First preferences; the instant-runoff rounds come with the final result."
          captionSuffix="votes per option"
          scrolls={false}
          zeroAbstentions="hidden"
        />
      ))}
      <p className="embed-footer">{full}</p>
    </div>
  );
}

"use client";

import { QuestionResults } from "@landslide/ui/live-results";
import { failureMessage } from "./failure-message";
import { LiveFigures } from "./live-figures";
import { useElectionDashboard } from "./official-election";
import { DeploymentHealth, HeldByReason } from "./review-and-deployment";
import { TurnoutOverTime } from "./turnout-over-time";
import type { LiveFeed } from "./use-live-feed";

/**
 * The election as it happens: snapshots pushed over SSE (polled while the stream reconnects),
 * and the review and deployment figures, polled every few seconds. Nothing here needs a reload.
 */
export function LiveDashboard({
  electionId,
  live: { snapshot, live, history },
}: {
  electionId: string;
  live: LiveFeed;
}) {
  const dashboard = useElectionDashboard(electionId);
  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">Live results</h2>
      {snapshot.isPending ? <p role="status">Loading the live results…</p> : null}
      {snapshot.isError ? (
        <p className="notice" role="alert">
          {failureMessage(snapshot.error, "The results service does not answer; trying again every few seconds.")}
        </p>
      ) : null}
      {snapshot.data ? (
        <>
          <p>
            {/* Only the connection state is announced: the figures change too often to be read out. */}
            <span role="status" className={live ? "badge ok" : "badge"}>
              {live ? "live" : "reconnecting… (refreshing every few seconds)"}
            </span>{" "}
            <span className="muted">
              Snapshot {snapshot.data.version.toLocaleString("en")}, as of{" "}
              {new Date(snapshot.data.asOf).toLocaleTimeString("en-GB")}
            </span>
          </p>
          <LiveFigures snapshot={snapshot.data} history={history} />
          <TurnoutOverTime history={history} />
          {snapshot.data.questions.map((q) => (
            <QuestionResults
              key={q.id}
              question={q}
              headingLevel={3}
              headingId={`live-question-${q.id}`}
              rankedNote="Ranked question: live counts are first preferences; the recount below has the instant-runoff rounds."
              captionSuffix="live votes per option"
              scrolls
              zeroAbstentions="shown"
            />
          ))}
        </>
      ) : null}
      {dashboard.isError ? (
        <p className="notice" role="alert">
          {failureMessage(
            dashboard.error,
            "The control API does not answer: held ballots and deployment figures are out of date.",
          )}
        </p>
      ) : null}
      {dashboard.data ? (
        <>
          <HeldByReason electionId={electionId} dashboard={dashboard.data} />
          <DeploymentHealth deployment={dashboard.data.deployment} />
        </>
      ) : dashboard.isPending ? (
        <p role="status">Loading the held ballots and deployment figures…</p>
      ) : null}
    </section>
  );
}

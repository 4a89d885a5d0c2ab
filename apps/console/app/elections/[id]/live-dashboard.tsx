"use client";

import Link from "next/link";
import { Alert, Badge, DateTime, EmptyState } from "@landslide/ui/components";
import { QuestionResults } from "@landslide/ui/live-results";
import { useElection } from "./election-context";
import { votingUnderWay } from "./election-tabs";
import { failureMessage } from "./failure-message";
import { LiveFigures } from "./live-figures";
import { TurnoutOverTime } from "./turnout-over-time";

/**
 * The results tab. While voting is under way: snapshots pushed over SSE (polled while the stream
 * reconnects), the rate and the turnout line, with no reload. Once voting has ended nothing is
 * live any more: the same counts are shown as the tally's final figures, without a rate, and the
 * way to the recount that certifies them.
 */
export function LiveDashboard() {
  const {
    election,
    live: { snapshot, live, history },
  } = useElection();
  if (election.status === "draft" || election.status === "scheduled") {
    return (
      <EmptyState
        headingLevel={2}
        title="No results yet"
        body="Results appear here as soon as voting opens."
        action={<Link href={`/elections/${election.id}`}>Back to the overview</Link>}
      />
    );
  }
  const underWay = votingUnderWay(election.status);
  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">{underWay ? "Live results" : "Results as counted"}</h2>
      {snapshot.isPending ? <p role="status">Loading the results…</p> : null}
      {snapshot.isError ? (
        <Alert tone="danger" title="The results service does not answer">
          {failureMessage(snapshot.error, "Trying again every few seconds.")}
        </Alert>
      ) : null}
      {snapshot.data ? (
        <>
          {underWay ? (
            <p>
              {/* Only the connection state is announced: the figures change too often to be read out. */}
              <span role="status">
                <Badge tone={live ? "success" : "warning"}>
                  {live ? "Live" : "Reconnecting… (refreshing every few seconds)"}
                </Badge>
              </span>{" "}
              <span className="muted">
                as of <DateTime value={snapshot.data.asOf} format="time" seconds />
              </span>
            </p>
          ) : (
            <p>
              Voting has ended: these are the live tally&apos;s final counts.{" "}
              {election.status === "certified" ? (
                "The result is certified."
              ) : (
                <>
                  They become the result once a recount confirms them and the result is certified, on the{" "}
                  <Link href={`/elections/${election.id}/certification`}>Recount &amp; certification</Link> tab.
                </>
              )}
            </p>
          )}
          <LiveFigures snapshot={snapshot.data} history={history} showRate={underWay} />
          {underWay ? <TurnoutOverTime history={history} /> : null}
          {snapshot.data.questions.map((q) => (
            <QuestionResults
              key={q.id}
              question={q}
              ballots={snapshot.data.turnout}
              headingLevel={3}
              headingId={`live-question-${q.id}`}
              rankedNote={
                underWay
                  ? "Ranked question: live counts are first preferences; the instant-runoff rounds come with the recount once voting closes."
                  : "Ranked question: these are first preferences; the recount has the instant-runoff rounds."
              }
              captionSuffix={underWay ? "live votes per option" : "votes per option"}
              outcome={underWay ? "live" : "final"}
              scrolls
              zeroAbstentions="shown"
            />
          ))}
        </>
      ) : null}
    </section>
  );
}

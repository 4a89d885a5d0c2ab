"use client";

import { useTranslations } from "next-intl";
import { votesCast } from "@landslide/api/client";
import { Alert, Badge, DateTime, EmptyState } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
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
  const t = useTranslations();
  if (election.status === "draft" || election.status === "scheduled") {
    return (
      <EmptyState
        headingLevel={2}
        title={t("results.noneTitle")}
        body={t("results.none")}
        action={<Link href={`/elections/${election.id}`}>{t("certification.backToOverview")}</Link>}
      />
    );
  }
  const underWay = votingUnderWay(election.status);
  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">{underWay ? t("results.live") : t("results.counted")}</h2>
      {snapshot.isPending ? <p role="status">{t("results.loading")}</p> : null}
      {snapshot.isError ? (
        <Alert tone="danger" title={t("results.unansweredTitle")}>
          {failureMessage(snapshot.error, t("results.unanswered"), t)}
        </Alert>
      ) : null}
      {snapshot.data ? (
        <>
          {underWay ? (
            <p>
              {/* Only the connection state is announced: the figures change too often to be read out. */}
              <span role="status">
                <Badge tone={live ? "success" : "warning"}>
                  {live ? t("results.liveBadge") : t("results.reconnecting")}
                </Badge>
              </span>{" "}
              <span className="muted">
                {t.rich("results.asOf", {
                  time: () => <DateTime value={snapshot.data.asOf} format="time" seconds />,
                })}
              </span>
            </p>
          ) : (
            <p>
              {t("results.ended")}{" "}
              {election.status === "certified"
                ? t("results.certified")
                : t.rich("results.toCertify", {
                    link: (chunks) => <Link href={`/elections/${election.id}/certification`}>{chunks}</Link>,
                  })}
            </p>
          )}
          <LiveFigures snapshot={snapshot.data} history={history} showRate={underWay} />
          {underWay ? <TurnoutOverTime history={history} /> : null}
          {snapshot.data.questions.map((q) => (
            <QuestionResults
              key={q.id}
              question={q}
              ballots={votesCast(snapshot.data)}
              headingLevel={3}
              headingId={`live-question-${q.id}`}
              rankedNote={underWay ? t("results.rankedLive") : t("results.rankedEnded")}
              captionSuffix={underWay ? t("results.captionLive") : t("results.caption")}
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

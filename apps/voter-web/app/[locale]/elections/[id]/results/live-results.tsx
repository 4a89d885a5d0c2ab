"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { refusalOf, votesCast } from "@landslide/api/client";
import { useResultsApi } from "@landslide/ui/client";
import { Alert, Badge, DateTime } from "@landslide/ui/components";
import { QuestionResults, useLiveSnapshot } from "@landslide/ui/live-results";
import { Link } from "@landslide/ui/i18n/navigation";
import { shownResults } from "../../../../../lib/election-content";
import { useShownElection } from "../../../../../lib/use-shown-election";
import { refusalMessage } from "../../../../../lib/refusal-messages";
import { FinalResult } from "./final-rounds";
import { Turnout } from "./turnout";

/**
 * Public results: turnout, then per question who leads (or won) in words, labelled bars and the
 * same figures with shares in a table. While voting goes on the figures are live and say so; once
 * it has ended the page shows the final count (the recount), with every instant-runoff round.
 */
export function LiveResults({ electionId }: { electionId: string }) {
  const t = useTranslations();
  const results = useResultsApi();
  const { snapshot, live } = useLiveSnapshot(electionId);
  // The election's words in the page's language where translated; the snapshot's follow them (lib/election-content.ts).
  const election = useQuery(results.elections.get.queryOptions({ electionId }, { select: useShownElection() }));
  const closed = election.data?.status === "closed" || election.data?.status === "certified";
  if (snapshot.isPending) return <p role="status">{t("results.loading")}</p>;
  if (snapshot.isError)
    return (
      <Alert tone="warning">{refusalMessage(refusalOf(snapshot.error)?.reason, t("results.loadFailed"), t)}</Alert>
    );
  const s = shownResults(snapshot.data, election.data);
  const asOf = () => <DateTime value={s.asOf} format="time" seconds />;
  return (
    <>
      <p>
        <Link href={`/elections/${electionId}`}>
          {closed ? t("results.backToElection") : t("results.backToBallot")}
        </Link>
      </p>
      <h1>{closed ? t("results.heading") : t("results.liveHeading")}</h1>
      {election.data ? (
        <p className="muted">
          <bdi lang={election.data.titleLang}>{election.data.title}</bdi>
        </p>
      ) : null}
      <p aria-live="polite">
        {closed ? (
          <Badge tone="neutral">{t("results.ended")}</Badge>
        ) : (
          <Badge tone={live ? "success" : "warning"}>{live ? t("results.live") : t("results.reconnecting")}</Badge>
        )}{" "}
        <span className="muted">
          {closed ? t.rich("results.countedAsOf", { time: asOf }) : t.rich("results.updated", { time: asOf })}
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
            ballots={votesCast(s)}
            headingLevel={2}
            headingId={`results-${q.id}`}
            rankedNote={t("results.rankedNote")}
            captionSuffix={t("results.captionSuffix")}
            scrolls={false}
            zeroAbstentions="hidden"
          />
        ))
      )}
    </>
  );
}

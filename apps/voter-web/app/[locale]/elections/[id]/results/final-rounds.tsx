"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { refusalOf, votesCast } from "@landslide/api/client";
import { useLandslide, useResultsApi } from "@landslide/ui/client";
import { Alert } from "@landslide/ui/components";
import { MethodCountView, needsMethodView, QuestionResults, RunoffRounds } from "@landslide/ui/live-results";
import { shownResults } from "../../../../../lib/election-content";
import { useShownElection } from "../../../../../lib/use-shown-election";
import { refusalMessage } from "../../../../../lib/refusal-messages";

/**
 * Once an election has closed: the final count, recounted from the stored ballots. Each question
 * says who won (or that it is a tie); a ranked question shows its instant-runoff rounds and how
 * the votes moved between them; a question with several seats or another counting method shows
 * its count by that method (rounds, transfers, the head-to-head matrix, ties).
 */
export function FinalResult({ electionId }: { electionId: string }) {
  const t = useTranslations();
  const client = useLandslide();
  const results = useResultsApi();
  const final = useQuery(results.results.final.queryOptions({ electionId }));
  // The page's read of the election (the same query): the count's words in the page's language where translated.
  const election = useQuery(results.elections.get.queryOptions({ electionId }, { select: useShownElection() }));
  if (final.isPending) return <p role="status">{t("final.loading")}</p>;
  if (final.isError)
    return <Alert tone="warning">{refusalMessage(refusalOf(final.error)?.reason, t("final.loadFailed"), t)}</Alert>;
  const f = shownResults(final.data, election.data);
  const certified = f.status === "certified";
  return (
    <section aria-labelledby="final-heading">
      <h2 id="final-heading">{certified ? t("final.headingCertified") : t("final.heading")}</h2>
      <p className="muted">
        {certified ? t("final.recountedCertified", { count: f.turnout }) : t("final.recounted", { count: f.turnout })}
      </p>
      {f.questions.map((q) => {
        const byMethod = f.counts[q.id];
        if (byMethod && needsMethodView(byMethod))
          return <MethodCountView key={q.id} prompt={q.prompt} options={q.options} count={byMethod} headingLevel={3} />;
        const count = f.instantRunoff[q.id];
        return count ? (
          <RunoffRounds key={q.id} prompt={q.prompt} options={q.options} count={count} headingLevel={3} />
        ) : (
          <QuestionResults
            key={q.id}
            question={q}
            ballots={votesCast(f)}
            outcome="final"
            headingLevel={3}
            headingId={`final-${q.id}`}
            rankedNote=""
            captionSuffix={t("final.captionSuffix")}
            scrolls={false}
            zeroAbstentions="hidden"
          />
        );
      })}
      <p>
        {t.rich("final.audit", {
          link: (chunks) => <a href={client.auditBundleUrl(electionId)}>{chunks}</a>,
          code: (chunks) => <code dir="ltr">{chunks}</code>,
          command: `election audit verify ${electionId} --bundle FILE`,
        })}
      </p>
    </section>
  );
}

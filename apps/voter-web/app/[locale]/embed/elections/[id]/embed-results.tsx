"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { refusalOf, votesCast } from "@landslide/api/client";
import { useResultsApi } from "@landslide/ui/client";
import { Alert, Badge } from "@landslide/ui/components";
import { QuestionResults, useLiveSnapshot } from "@landslide/ui/live-results";
import { getPathname } from "@landslide/ui/i18n/navigation";
import { shownResults } from "../../../../../lib/election-content";
import { useShownElection } from "../../../../../lib/use-shown-election";
import { refusalMessage } from "../../../../../lib/refusal-messages";

/**
 * The results widget: the standings of every question, live while votes are counted (who leads),
 * the final count once voting has ended (who won), and a link to the full results, which also show
 * a ranked question's instant-runoff rounds.
 */
export function EmbedResults({ electionId }: { electionId: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const results = useResultsApi();
  const { snapshot, live } = useLiveSnapshot(electionId);
  // The election's words in the widget's language where translated; the counts' follow them (lib/election-content.ts).
  const election = useQuery(results.elections.get.queryOptions({ electionId }, { select: useShownElection() }));
  const closed = election.data?.status === "closed" || election.data?.status === "certified";
  const final = useQuery({ ...results.results.final.queryOptions({ electionId }), enabled: closed });
  // Opened from inside a frame: the full page, in the widget's language, goes to a new tab, not into the host page's frame.
  const full = (
    <a href={getPathname({ href: `/elections/${electionId}/results`, locale })} target="_blank" rel="noopener">
      {closed ? t("embed.finalLink") : t("embed.fullLink")}
    </a>
  );
  if (snapshot.isPending) return <p role="status">{t("results.loading")}</p>;
  if (snapshot.isError)
    return (
      <div className="embed-widget">
        <Alert tone="warning">{refusalMessage(refusalOf(snapshot.error)?.reason, t("results.loadFailed"), t)}</Alert>
      </div>
    );
  // Until the final count arrives, a closed election's live count is shown and called that.
  const s = shownResults((closed && final.data) || snapshot.data, election.data);
  const outcome = closed && final.data ? "final" : "live";
  const turnout = (chunks: ReactNode) => <strong data-testid="turnout">{chunks}</strong>;
  return (
    <div className="embed-widget">
      <h1>
        <bdi lang={election.data?.titleLang}>{election.data?.title ?? t("embed.title")}</bdi>
      </h1>
      <p aria-live="polite">
        {closed ? (
          <Badge tone="neutral">{outcome === "final" ? t("embed.final") : t("embed.ended")}</Badge>
        ) : (
          <Badge tone={live ? "success" : "warning"}>{live ? t("embed.live") : t("embed.reconnecting")}</Badge>
        )}{" "}
        {s.quarantined > 0
          ? t.rich("embed.countedWithReview", { count: s.turnout, review: s.quarantined, turnout })
          : t.rich("embed.counted", { count: s.turnout, turnout })}
      </p>
      {s.questions.map((q) => (
        <QuestionResults
          key={q.id}
          question={q}
          ballots={votesCast(s)}
          outcome={outcome}
          table="folded"
          headingLevel={2}
          headingId={`embed-${q.id}`}
          rankedNote={t("embed.rankedNote")}
          captionSuffix={t("results.captionSuffix")}
          scrolls={false}
          zeroAbstentions="hidden"
        />
      ))}
      <p className="embed-footer">{full}</p>
    </div>
  );
}

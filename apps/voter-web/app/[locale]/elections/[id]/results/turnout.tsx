import { useFormatter, useTranslations } from "next-intl";
import { Stat, StatGroup } from "@landslide/ui/components";
import type { Snapshot } from "@landslide/ui/live-results";

/**
 * How many took part. The snapshot counts ballots, not the voters who could have cast one: no
 * roll size is published, so no share of the electorate is claimed here. With a weighted roll the
 * votes those ballots carry are shown beside them, since every option's figure counts votes.
 */
export function Turnout({ snapshot }: { snapshot: Snapshot }) {
  const t = useTranslations("turnout");
  const format = useFormatter();
  return (
    <StatGroup label={t("label")}>
      <Stat label={t("counted")} value={<span data-testid="turnout">{format.number(snapshot.turnout)}</span>} />
      {snapshot.weightedVotes !== undefined ? (
        <Stat
          label={t("weighted")}
          value={<span data-testid="weighted-votes">{format.number(snapshot.weightedVotes)}</span>}
          hint={t("weightedHint")}
        />
      ) : null}
      {snapshot.quarantined > 0 ? (
        <Stat
          label={t("underReview")}
          value={format.number(snapshot.quarantined)}
          hint={t("underReviewHint")}
          tone="warning"
        />
      ) : null}
    </StatGroup>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import { Stat, StatGroup } from "@landslide/ui/components";
import type { Snapshot } from "@landslide/ui/live-results";

/**
 * How many took part. The snapshot counts ballots, not the voters who could have cast one: no
 * roll size is published, so no share of the electorate is claimed here.
 */
export function Turnout({ snapshot }: { snapshot: Snapshot }) {
  const t = useTranslations("turnout");
  const format = useFormatter();
  return (
    <StatGroup label={t("label")}>
      <Stat label={t("counted")} value={<span data-testid="turnout">{format.number(snapshot.turnout)}</span>} />
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

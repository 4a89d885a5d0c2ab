import { Stat, StatGroup } from "@landslide/ui/components";
import type { Snapshot } from "@landslide/ui/live-results";

/**
 * How many took part. The snapshot counts ballots, not the voters who could have cast one: no
 * roll size is published, so no share of the electorate is claimed here.
 */
export function Turnout({ snapshot }: { snapshot: Snapshot }) {
  return (
    <StatGroup label="Turnout">
      <Stat
        label="Ballots counted"
        value={<span data-testid="turnout">{snapshot.turnout.toLocaleString("en")}</span>}
      />
      {snapshot.quarantined > 0 ? (
        <Stat
          label="Under review"
          value={snapshot.quarantined.toLocaleString("en")}
          hint="Held for an official to release or void; not in the figures below."
          tone="warning"
        />
      ) : null}
    </StatGroup>
  );
}

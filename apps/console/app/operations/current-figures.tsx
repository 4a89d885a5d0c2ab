"use client";

import { Stat, StatGroup } from "@landslide/ui/components";
import type { currentFigures } from "./derive-series";
import { formatCount, formatLag, formatLatency, formatRate } from "./figures-format";
import type { OperationsSnapshot } from "./operations-history";

/** Aggregator lag beyond this is worth a look: results shown live are that far behind the votes. */
const LAG_WARNING_SECONDS = 5;

/**
 * The headline figures now. Not a live region: they change with every poll, and a screen reader
 * would announce nothing else; operators read them when they want to.
 */
export function CurrentFigures({
  snapshot,
  current,
}: {
  snapshot: OperationsSnapshot;
  current: ReturnType<typeof currentFigures>;
}) {
  const { votes, aggregator, resultsWatchers } = snapshot.metrics;
  const ready = snapshot.services.filter((s) => s.ready).length;
  const lag = aggregator.lagSeconds;
  const over = current ? `over the last ${Math.round(current.seconds)} s` : "measuring: a rate needs two readings";
  return (
    <StatGroup label="The deployment now">
      <Stat
        label="Services ready"
        value={`${ready} of ${snapshot.services.length}`}
        tone={ready === snapshot.services.length ? "success" : "danger"}
        hint={ready === snapshot.services.length ? "every service answers its health check" : "see the table below"}
      />
      <Stat
        label="Votes accepted per second"
        value={current ? formatRate(current.rates.accepted) : "—"}
        hint={`${over}; ${formatCount(votes.accepted)} accepted since the services started`}
      />
      <Stat
        label="Held for review per second"
        value={current ? formatRate(current.rates.held) : "—"}
        hint={`${formatCount(votes.quarantined)} held since the services started`}
      />
      <Stat
        label="Refused per second"
        value={current ? formatRate(current.rates.refused) : "—"}
        hint={`${formatCount(votes.refused)} refused since the services started`}
      />
      <Stat
        label="Casts answered within (95 in 100)"
        value={current ? formatLatency(current.percentiles.p95) : "—"}
        hint={
          current && current.percentiles.casts > 0
            ? `half within ${formatLatency(current.percentiles.p50)}; ${formatCount(current.percentiles.casts)} casts ${over}`
            : "no cast in the last 30 s"
        }
      />
      <Stat
        label="Counting behind the votes by"
        value={formatLag(lag)}
        tone={lag !== undefined && lag > LAG_WARNING_SECONDS ? "warning" : "neutral"}
        hint={
          lag === undefined
            ? "the aggregator's figures did not answer"
            : "from a vote being stored to its being counted"
        }
      />
      <Stat
        label="Watching live results"
        value={resultsWatchers === undefined ? "not reported" : formatCount(resultsWatchers)}
        hint="live results connections open now"
      />
    </StatGroup>
  );
}

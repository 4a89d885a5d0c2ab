"use client";

import Link from "next/link";
import type { RouterOutputs } from "@landslide/api/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { TableRegion } from "@landslide/ui/table-region";

type Dashboard = RouterOutputs["official"]["elections"]["dashboard"];

/** This election's fraud cases by the risk reasons that held them, and how many are still waiting. */
export function HeldByReason({ electionId, dashboard }: { electionId: string; dashboard: Dashboard }) {
  const reasons = Object.entries(dashboard.heldByReason).sort(([, a], [, b]) => b - a);
  const { quarantined, released, voided } = dashboard.casesByState;
  return (
    <section aria-labelledby="held-heading">
      <h3 id="held-heading">Ballots held for review</h3>
      <p>
        <strong>{quarantined.toLocaleString("en")}</strong> waiting for a decision, {released.toLocaleString("en")}{" "}
        released, {voided.toLocaleString("en")} voided. <Link href={`/elections/${electionId}/fraud`}>Review them</Link>
      </p>
      {reasons.length === 0 ? (
        <p className="muted">No ballot has been held for review.</p>
      ) : (
        <ReasonCounts
          rows={reasons}
          caption="Held ballots by risk reason, decided or not (a ballot held for several reasons counts under each)"
          label="Held ballots by risk reason"
          reasonHeader="Risk reason"
          countHeader="Ballots"
        />
      )}
    </section>
  );
}

/**
 * Refusals and aggregator lag come from the services' metrics, which are not kept per election:
 * they are labelled as the whole deployment's so that nobody reads them as this election's.
 */
export function DeploymentHealth({ deployment }: { deployment: Dashboard["deployment"] }) {
  const refusals = Object.entries(deployment.refusedByReason).sort(([, a], [, b]) => b - a);
  const lag = deployment.aggregatorLagSeconds;
  return (
    <section aria-labelledby="deployment-heading">
      <h3 id="deployment-heading">Across the whole deployment</h3>
      <p className="muted">
        These figures cover every election on this deployment since its services last started, not only this one.
      </p>
      <dl>
        <dt>Aggregator lag</dt>
        <dd>
          {lag === null
            ? "not reported (the aggregator's metrics did not answer)"
            : `${lag.toLocaleString("en", { maximumFractionDigits: 1 })} s behind the votes`}
        </dd>
        <dt>Votes received</dt>
        <dd>
          {deployment.votes.accepted.toLocaleString("en")} accepted, {deployment.votes.quarantined.toLocaleString("en")}{" "}
          held for review, {deployment.votes.refused.toLocaleString("en")} refused
        </dd>
      </dl>
      {refusals.length === 0 ? (
        <p className="muted">No vote refused.</p>
      ) : (
        <ReasonCounts
          rows={refusals}
          caption="Refused votes by reason, whole deployment"
          label="Refused votes by reason, whole deployment"
          reasonHeader="Reason"
          countHeader="Refused"
        />
      )}
    </section>
  );
}

/** Counts by a machine-readable reason, largest first, as a table. */
function ReasonCounts(props: {
  rows: ReadonlyArray<readonly [string, number]>;
  caption: string;
  label: string;
  reasonHeader: string;
  countHeader: string;
}) {
  return (
    <TableRegion label={props.label}>
      <FiguresTable
        caption={props.caption}
        columns={[props.reasonHeader, props.countHeader]}
        rows={props.rows.map(([reason, count]) => ({
          key: reason,
          header: <code>{reason || "unspecified"}</code>,
          cells: [count.toLocaleString("en")],
        }))}
      />
    </TableRegion>
  );
}

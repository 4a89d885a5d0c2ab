"use client";

import Link from "next/link";
import { CertificationPanel } from "./certification-panel";
import { ExportPanel } from "./export-panel";
import { failureMessage } from "./failure-message";
import { LifecyclePanel } from "./lifecycle-panel";
import { LiveDashboard } from "./live-dashboard";
import { type OfficialElection, useOfficialElection } from "./official-election";
import { RulesPanel } from "./rules-panel";
import { SchedulePanel } from "./schedule-form";
import { useLiveFeed } from "./use-live-feed";
import { useRecount } from "./use-recount";

/** One election: its lifecycle, schedule, rules, live results, recount, certification and exports. */
export function ElectionOverview({ electionId }: { electionId: string }) {
  const election = useOfficialElection(electionId);
  if (election.data) return <ElectionDetails election={election.data} />;
  return (
    <>
      <h1>Election</h1>
      <p>
        <Link href="/">All elections</Link>
      </p>
      {election.isPending ? <p role="status">Loading the election…</p> : null}
      {election.isError ? (
        <p className="notice" role="alert">
          {failureMessage(election.error, "The control API does not answer; the election cannot be shown right now.")}
        </p>
      ) : null}
      {election.isSuccess ? (
        <p className="notice">
          There is no election with this address. It may have been mistyped; pick one from the list.
        </p>
      ) : null}
    </>
  );
}

/**
 * Rendered once the election is known, so the live stream is only opened for a real one. The
 * recount is kept here because two panels use it: certification compares it, export writes it.
 */
function ElectionDetails({ election }: { election: OfficialElection }) {
  const live = useLiveFeed(election.id);
  const recount = useRecount(election.id);
  return (
    <>
      <ElectionHeader election={election} />
      <LifecyclePanel election={election} />
      <SchedulePanel election={election} />
      <RulesPanel election={election} />
      <LiveDashboard electionId={election.id} live={live} />
      <CertificationPanel election={election} live={live} recount={recount} />
      <ExportPanel election={election} latest={recount.latest} />
    </>
  );
}

function ElectionHeader({ election }: { election: OfficialElection }) {
  const base = `/elections/${election.id}`;
  return (
    <header>
      <p style={{ margin: 0 }}>
        <Link href="/">All elections</Link>
      </p>
      <h1>{election.title}</h1>
      <p>
        <span className={election.status === "open" ? "badge ok" : "badge"}>{election.status}</span>
        {election.status !== election.storedStatus ? (
          <span className="muted"> (by its schedule; recorded as {election.storedStatus})</span>
        ) : null}
      </p>
      {election.description ? <p className="muted">{election.description}</p> : null}
      <nav aria-label="This election">
        <ul className="actions" style={{ listStyle: "none", padding: 0, margin: "0 0 1rem" }}>
          <li>
            <Link href={`${base}/edit`}>Edit ballot</Link>
          </li>
          <li>
            <Link href={`${base}/roll`}>Voter roll</Link>
          </li>
          <li>
            <Link href={`${base}/fraud`}>Fraud review</Link>
          </li>
          <li>
            <Link href={`/audit?electionId=${election.id}`}>Audit trail</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}

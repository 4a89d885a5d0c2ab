"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Alert, TabNav } from "@landslide/ui/components";
import { StatusBadge } from "../../status-badge";
import { ElectionContext } from "./election-context";
import { electionTabs } from "./election-tabs";
import { failureMessage } from "./failure-message";
import { nextStep, pendingStop } from "./next-step";
import { type OfficialElection, useOfficialElection } from "./official-election";
import { useLiveFeed } from "./use-live-feed";
import { useRecount } from "./use-recount";

/** The election's header and tabs around whichever sub-page is open; the sub-pages wait until the election is known. */
export function ElectionShell({ electionId, children }: { electionId: string; children: ReactNode }) {
  const election = useOfficialElection(electionId);
  if (election.data) return <LoadedElection election={election.data}>{children}</LoadedElection>;
  return (
    <>
      <p>
        <Link href="/">All elections</Link>
      </p>
      <h1>Election</h1>
      {election.isPending ? <p role="status">Loading the election…</p> : null}
      {election.isError ? (
        <Alert tone="danger" title="The election cannot be shown right now">
          {failureMessage(election.error, "The control API does not answer; trying again every few seconds.")}
        </Alert>
      ) : null}
      {election.isSuccess ? (
        <Alert tone="warning" title="There is no election at this address">
          It may have been mistyped; pick one from <Link href="/">the list of elections</Link>.
        </Alert>
      ) : null}
    </>
  );
}

/**
 * Rendered once the election is known, so the live stream is only opened for a real one. The feed
 * and the recount live here, above the tabs, so that moving from one tab to another keeps them.
 */
function LoadedElection({ election, children }: { election: OfficialElection; children: ReactNode }) {
  const live = useLiveFeed(election.id);
  const recount = useRecount(election.id);
  const pathname = usePathname();
  return (
    <ElectionContext value={{ election, live, recount }}>
      <ElectionHeader election={election} />
      <TabNav label="This election" items={electionTabs(election.id, election.status, pathname)} />
      {children}
    </ElectionContext>
  );
}

function ElectionHeader({ election }: { election: OfficialElection }) {
  return (
    <header>
      <p style={{ margin: 0 }}>
        <Link href="/">All elections</Link>
      </p>
      <h1 style={{ marginBottom: "0.5rem", overflowWrap: "anywhere" }}>{election.title}</h1>
      <p style={{ margin: "0 0 1rem" }}>
        {/* Between an official's pause or close and its instant, what is coming rather than "Open". */}
        <StatusBadge status={election.status} pending={pendingStop(election)} />{" "}
        <span data-testid="next-step">{nextStep(election).sentence}</span>
      </p>
    </header>
  );
}

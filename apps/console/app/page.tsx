"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { countOf, refusalOf, type RouterOutputs } from "@landslide/api/client";
import { Alert, DateTime, EmptyState, Spinner, Table, type TableColumn } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { useConsoleSession } from "../lib/use-console-session";
import { StatusBadge } from "./status-badge";

type Election = RouterOutputs["official"]["elections"]["list"][number];

const numbers = new Intl.NumberFormat("en");

const columns: readonly TableColumn<Election>[] = [
  { key: "title", header: "Election", cell: (e) => <Link href={`/elections/${e.id}`}>{e.title}</Link> },
  { key: "status", header: "Status", cell: (e) => <StatusBadge status={e.status} /> },
  { key: "turnout", header: "Ballots counted", align: "end", cell: (e) => numbers.format(e.turnout) },
  {
    key: "quarantined",
    header: "Held for review",
    align: "end",
    // A count that needs an official links straight to where it is decided.
    cell: (e) =>
      e.quarantined > 0 ? (
        <Link href={`/elections/${e.id}/fraud`}>{countOf(e.quarantined, "ballot")}</Link>
      ) : (
        <span className="muted">none</span>
      ),
  },
  { key: "opensAt", header: "Opens", cell: (e) => <When iso={e.opensAt} /> },
  { key: "closesAt", header: "Closes", cell: (e) => <When iso={e.closesAt} /> },
];

function When({ iso }: { iso: string | null }) {
  return iso ? <DateTime value={iso} /> : <span className="muted">not set</span>;
}

/** Every election, drafts included: status as voters see it now, turnout, and what is held for review. */
export default function ElectionsPage() {
  const control = useControlApi();
  const session = useConsoleSession();
  const elections = useQuery(
    control.official.elections.list.queryOptions(undefined, { enabled: session.isOfficial, refetchInterval: 5_000 }),
  );
  if (!session.isOfficial) {
    return (
      <>
        <h1>Operations</h1>
        <p>
          Your account runs the deployment; elections are run by officials. See{" "}
          <Link href="/operations">the services and their health</Link>.
        </p>
      </>
    );
  }
  const newElection = (
    <Link className="ls-button ls-button-primary ls-button-md" href="/elections/new">
      New election
    </Link>
  );
  return (
    <>
      <div className="ls-card-header">
        <h1>Elections</h1>
        {newElection}
      </div>
      {elections.isPending ? <Spinner label="Loading the elections…" /> : null}
      {elections.isError ? (
        <Alert tone="danger" title="The elections cannot be listed right now">
          {refusalOf(elections.error)?.message ?? "The control API does not answer. This page tries again by itself."}
        </Alert>
      ) : null}
      {elections.data?.length === 0 ? (
        <EmptyState
          headingLevel={2}
          title="No election yet"
          body="Create the first: its ballot, who may vote, and when voting opens and closes."
          action={newElection}
        />
      ) : null}
      {elections.data && elections.data.length > 0 ? (
        <Table caption="All elections, newest first" columns={columns} rows={elections.data} rowKey={(e) => e.id} />
      ) : null}
    </>
  );
}

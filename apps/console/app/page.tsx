"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { refusalOf } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { useConsoleSession } from "../lib/use-console-session";

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
  return (
    <>
      <h1>Elections</h1>
      <p>
        <Link className="button" href="/elections/new">
          New election
        </Link>
      </p>
      {elections.isPending ? <p role="status">Loading the elections…</p> : null}
      {elections.isError ? (
        <p className="notice" role="alert">
          {refusalOf(elections.error)?.message ??
            "The control API does not answer; the elections cannot be listed right now."}
        </p>
      ) : null}
      {elections.data?.length === 0 ? <p>No election yet. Create the first with “New election”.</p> : null}
      {elections.data && elections.data.length > 0 ? (
        <FiguresTable
          caption="All elections, newest first"
          columns={["Title", "Status", "Turnout", "Under review", "Opens / closes"]}
          rows={elections.data.map((e) => ({
            key: e.id,
            header: <Link href={`/elections/${e.id}`}>{e.title}</Link>,
            cells: [
              <span key="status" className="badge">
                {e.status}
              </span>,
              e.turnout.toLocaleString("en"),
              e.quarantined.toLocaleString("en"),
              `${localTime(e.opensAt)} / ${localTime(e.closesAt)}`,
            ],
          }))}
        />
      ) : null}
    </>
  );
}

/** A time in the official's zone, named ("30/03/2025, 09:00:00 CEST"); a dash when not set. */
function localTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString("en-GB", { timeZoneName: "short" }) : "—";
}

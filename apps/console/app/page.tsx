"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { refusalOf } from "@landslide/api/client";
import { useSession } from "../lib/use-session";
import { useLandslide } from "./providers";

/** Every election, drafts included: status as voters see it now, turnout, and what is held for review. */
export default function ElectionsPage() {
  const client = useLandslide();
  const session = useSession();
  const elections = useQuery({
    queryKey: ["official-elections"],
    queryFn: () => client.control.official.elections.list.query(),
    enabled: session.isOfficial,
    refetchInterval: 5_000,
  });
  if (!session.isOfficial) {
    return (
      <>
        <h1>Operations</h1>
        <p>
          Your account runs the deployment; elections are run by officials. See <Link href="/operations">the services and their health</Link>.
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
          {refusalOf(elections.error)?.message ?? "The control API does not answer; the elections cannot be listed right now."}
        </p>
      ) : null}
      {elections.data?.length === 0 ? <p>No election yet. Create the first with “New election”.</p> : null}
      {elections.data && elections.data.length > 0 ? (
        <table className="health">
          <caption>All elections, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Turnout</th>
              <th scope="col">Under review</th>
              <th scope="col">Opens / closes</th>
            </tr>
          </thead>
          <tbody>
            {elections.data.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link href={`/elections/${e.id}`}>{e.title}</Link>
                </th>
                <td>
                  <span className="badge">{e.status}</span>
                </td>
                <td>{e.turnout.toLocaleString("en")}</td>
                <td>{e.quarantined.toLocaleString("en")}</td>
                <td>
                  {e.opensAt ? new Date(e.opensAt).toLocaleString("en-GB", { timeZoneName: "short" }) : "—"} /{" "}
                  {e.closesAt ? new Date(e.closesAt).toLocaleString("en-GB", { timeZoneName: "short" }) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

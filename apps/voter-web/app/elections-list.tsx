"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RouterOutputs } from "@landslide/api/client";
import { useVoteApi } from "@landslide/ui/client";

type Election = RouterOutputs["elections"]["list"][number];

const when = (date: Date | string | null) => (date ? new Date(date).toUTCString() : undefined);

/** Every public election, grouped as voters think of them: open now, coming up, and closed. */
export function ElectionsList() {
  const vote = useVoteApi();
  const elections = useQuery(vote.elections.list.queryOptions());
  if (elections.isPending) return <p role="status">Loading elections…</p>;
  if (elections.isError)
    return (
      <p className="notice" role="status">
        The list of elections is unavailable right now. Please try again in a moment.
      </p>
    );
  const open = elections.data.filter((e) => e.status === "open" || e.status === "paused");
  const upcoming = elections.data.filter((e) => e.status === "scheduled");
  const closed = elections.data.filter((e) => e.status === "closed" || e.status === "certified");
  return (
    <>
      <Group id="open" title="Open now" empty="No election is open right now." elections={open} />
      <Group id="upcoming" title="Coming up" empty="Nothing is scheduled yet." elections={upcoming} />
      <Group id="closed" title="Closed" empty="No election has closed yet." elections={closed} />
    </>
  );
}

function Group({ id, title, empty, elections }: { id: string; title: string; empty: string; elections: Election[] }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {elections.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul aria-label={`${title === "Open now" ? "Open" : title} elections`} style={{ listStyle: "none", padding: 0 }}>
          {elections.map((e) => (
            <li key={e.id} className="card">
              <h3>{e.title}</h3>
              {e.description ? <p>{e.description}</p> : null}
              <p className="muted">
                {e.questions.length} question{e.questions.length === 1 ? "" : "s"}
                {e.status === "paused" ? " · voting is paused" : ""}
                {e.status === "scheduled" && e.opensAt ? ` · opens ${when(e.opensAt)}` : ""}
                {(e.status === "open" || e.status === "paused") && e.closesAt ? ` · closes ${when(e.closesAt)}` : ""}
              </p>
              <p>
                {e.status === "open" ? (
                  <>
                    <Link href={`/elections/${e.id}`}>Vote in {e.title}</Link> ·{" "}
                  </>
                ) : null}
                <Link href={`/elections/${e.id}/results`}>
                  {e.status === "closed" || e.status === "certified" ? "Results" : "Live results"}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

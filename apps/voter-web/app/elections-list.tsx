"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { countOf, type RouterOutputs } from "@landslide/api/client";
import { useVoteApi } from "@landslide/ui/client";
import { formatDateTime, toIsoString } from "@landslide/ui/date-time";

type Election = RouterOutputs["elections"]["list"][number];

/** A date as the voter reads it, in their own time zone, and as machines read it in `dateTime`. */
const when = (date: Date | string) => <time dateTime={toIsoString(date)}>{formatDateTime(date)}</time>;

/** The line under an election's title: how many questions, and what is next for it (each keyed by what it says). */
function facts(e: Election): [string, ReactNode][] {
  const said: [string, ReactNode][] = [["questions", countOf(e.questions.length, "question")]];
  if (e.status === "paused") said.push(["paused", "voting is paused"]);
  if (e.status === "scheduled" && e.opensAt)
    said.push(["opens", <Fragment key="opens">opens {when(e.opensAt)}</Fragment>]);
  if ((e.status === "open" || e.status === "paused") && e.closesAt)
    said.push(["closes", <Fragment key="closes">closes {when(e.closesAt)}</Fragment>]);
  return said;
}

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
                {facts(e).map(([key, fact], i) => (
                  <Fragment key={key}>
                    {i > 0 ? " · " : null}
                    {fact}
                  </Fragment>
                ))}
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

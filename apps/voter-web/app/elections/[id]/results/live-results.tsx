"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { OptionVotesChart } from "@landslide/ui/option-votes-chart";
import { refusalOf } from "@landslide/api/client";
import { refusalMessage } from "../../../../lib/refusal-messages";
import { useLandslide } from "../../../providers";
import { FinalRounds } from "./final-rounds";
import { type Snapshot, useLiveSnapshot } from "./use-live-snapshot";

/** Public live results: a bar chart per question, the same figures as a table, and honest freshness. */
export function LiveResults({ electionId }: { electionId: string }) {
  const client = useLandslide();
  const { snapshot, live } = useLiveSnapshot(electionId);
  const election = useQuery({ queryKey: ["election", electionId], queryFn: () => client.results.elections.get.query({ electionId }) });
  const closed = election.data?.status === "closed" || election.data?.status === "certified";
  if (snapshot.isPending) return <p role="status">Loading the results…</p>;
  if (snapshot.isError) return <p className="notice">{refusalMessage(refusalOf(snapshot.error)?.reason, "The results could not be loaded; trying again shortly.")}</p>;
  const s = snapshot.data;
  return (
    <>
      <p>
        <Link href={`/elections/${electionId}`}>Back to the ballot</Link>
      </p>
      <h1>{closed ? "Results" : "Live results"}</h1>
      {election.data ? <p className="muted">{election.data.title}</p> : null}
      <p aria-live="polite">
        <strong data-testid="turnout">{s.turnout.toLocaleString("en")}</strong> ballots counted
        {s.quarantined > 0 ? `, ${s.quarantined.toLocaleString("en")} under review` : ""}. Updated {new Date(s.asOf).toLocaleTimeString("en-GB")}{" "}
        {closed ? (
          <span className="badge">voting has ended</span>
        ) : (
          <span className={live ? "badge ok" : "badge"}>{live ? "live" : "reconnecting… (refreshing every few seconds)"}</span>
        )}
      </p>
      {closed ? <FinalRounds electionId={electionId} /> : null}
      {s.questions.map((q) => (
        <QuestionResults key={q.id} question={q} closed={closed} />
      ))}
    </>
  );
}

function QuestionResults({ question: q, closed }: { question: Snapshot["questions"][number]; closed: boolean }) {
  const headingId = `results-${q.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{q.prompt}</h2>
      {q.counts === "first-preferences" ? (
        <p className="muted">{closed ? "First preferences; the instant-runoff rounds are above." : "First preferences so far; the instant-runoff rounds are published with the final result."}</p>
      ) : null}
      {/* The chart is for the eye; the table below carries the same figures for everyone. */}
      <OptionVotesChart options={q.options} />
      <table className="health">
        <caption>{q.prompt}: votes per option</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Votes</th>
          </tr>
        </thead>
        <tbody>
          {q.options.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.label}</th>
              <td>{o.votes.toLocaleString("en")}</td>
            </tr>
          ))}
          {q.abstentions > 0 ? (
            <tr>
              <th scope="row">Abstained</th>
              <td>{q.abstentions.toLocaleString("en")}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

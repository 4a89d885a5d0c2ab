"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@landslide/api/client";
import { useLandslide } from "../../../providers";

type Final = RouterOutputs["results"]["final"];

/** Once an election has closed: the winner of each ranked question and every instant-runoff round. */
export function FinalRounds({ electionId }: { electionId: string }) {
  const client = useLandslide();
  const final = useQuery({ queryKey: ["final", electionId], queryFn: () => client.results.results.final.query({ electionId }) });
  if (!final.data) return null;
  const ranked = final.data.questions.filter((q) => final.data.instantRunoff[q.id]);
  return (
    <section aria-labelledby="final-heading">
      <h2 id="final-heading">Final result{final.data.status === "certified" ? " (certified)" : ""}</h2>
      {ranked.map((q) => (
        <Rounds key={q.id} question={q} count={final.data.instantRunoff[q.id]!} />
      ))}
      <p>
        Anyone can recompute this result: <a href={client.auditBundleUrl(electionId)}>download the audit bundle</a> (every counted ballot, the signed
        audit log and the keys) and run <code>election audit verify {electionId} --bundle FILE</code>.
      </p>
    </section>
  );
}

function Rounds({ question: q, count }: { question: Final["questions"][number]; count: Final["instantRunoff"][string] }) {
  const label = (id: string | null) => q.options.find((o) => o.id === id)?.label ?? "no one";
  return (
    <div className="card">
      <h3>{q.prompt}</h3>
      <p>
        Elected by instant runoff: <strong>{label(count.winner)}</strong>
      </p>
      <table className="health">
        <caption>{q.prompt}: instant-runoff rounds</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            {count.rounds.map((r) => (
              <th key={r.round} scope="col">
                Round {r.round}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {q.options.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.label}</th>
              {count.rounds.map((r) => (
                <td key={r.round}>{r.tallies[o.id] === undefined ? "out" : r.tallies[o.id]}{r.eliminated.includes(o.id) ? " (eliminated)" : ""}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Exhausted ballots</th>
            {count.rounds.map((r) => (
              <td key={r.round}>{r.exhausted}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@landslide/api/client";
import { useLandslide, useResultsApi } from "@landslide/ui/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { roundRows } from "./round-rows";

type Final = RouterOutputs["results"]["final"];

/** Once an election has closed: the winner of each ranked question and every instant-runoff round. */
export function FinalRounds({ electionId }: { electionId: string }) {
  const client = useLandslide();
  const results = useResultsApi();
  const final = useQuery(results.results.final.queryOptions({ electionId }));
  if (!final.data) return null;
  const ranked = final.data.questions.filter((q) => final.data.instantRunoff[q.id]);
  return (
    <section aria-labelledby="final-heading">
      <h2 id="final-heading">Final result{final.data.status === "certified" ? " (certified)" : ""}</h2>
      {ranked.map((q) => (
        <Rounds key={q.id} question={q} count={final.data.instantRunoff[q.id]!} />
      ))}
      <p>
        Anyone can recompute this result: <a href={client.auditBundleUrl(electionId)}>download the audit bundle</a>{" "}
        (every counted ballot, the signed audit log and the keys) and run{" "}
        <code>election audit verify {electionId} --bundle FILE</code>.
      </p>
    </section>
  );
}

function Rounds({
  question: q,
  count,
}: {
  question: Final["questions"][number];
  count: Final["instantRunoff"][string];
}) {
  const label = (id: string | null) => q.options.find((o) => o.id === id)?.label ?? "no one";
  return (
    <div className="card">
      <h3>{q.prompt}</h3>
      <p>
        Elected by instant runoff: <strong>{label(count.winner)}</strong>
      </p>
      <FiguresTable
        caption={`${q.prompt}: instant-runoff rounds`}
        columns={["Option", ...count.rounds.map((r) => `Round ${r.round}`)]}
        rows={roundRows(q.options, count)}
      />
    </div>
  );
}

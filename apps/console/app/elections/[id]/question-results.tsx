"use client";

import { OptionVotesChart } from "@landslide/ui/option-votes-chart";
import { TableRegion } from "./table-region";
import type { Snapshot } from "./use-live-snapshot";

/** One question's live totals: a bar per option, and the same figures in a table. */
export function QuestionResults({ question: q }: { question: Snapshot["questions"][number] }) {
  const headingId = `live-question-${q.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{q.prompt}</h3>
      {q.counts === "first-preferences" ? <p className="muted">Ranked question: live counts are first preferences; the recount below has the instant-runoff rounds.</p> : null}
      {/* The chart is for the eye; the table below carries the same figures for everyone. */}
      <OptionVotesChart options={q.options} />
      <TableRegion label={`${q.prompt}: live votes per option`}>
        <table className="health">
          <caption>{q.prompt}: live votes per option</caption>
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
            <tr>
              <th scope="row">Abstained</th>
              <td>{q.abstentions.toLocaleString("en")}</td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

"use client";

import { OptionVotesChart } from "../option-votes-chart";
import { TableRegion } from "../table-region";
import { FiguresTable } from "../figures-table";
import type { Snapshot } from "./use-live-snapshot";
import { voteRows } from "./vote-rows";

export interface QuestionResultsProps {
  readonly question: Snapshot["questions"][number];
  /** 2 on the voter site's results page; 3 under the console's "Live results". */
  readonly headingLevel: 2 | 3;
  readonly headingId: string;
  /** Said under the heading of a ranked question, whose live counts are first preferences only. */
  readonly rankedNote: string;
  /** The table's caption after the prompt, e.g. "votes per option". */
  readonly captionSuffix: string;
  /** Whether the table scrolls in a region of its own (the console's wide layout does). */
  readonly scrolls: boolean;
  readonly zeroAbstentions: "shown" | "hidden";
}

/** One question's totals: a bar per option for the eye, and the same figures in a table for everyone. */
export function QuestionResults({
  question: q,
  headingLevel,
  headingId,
  rankedNote,
  captionSuffix,
  scrolls,
  zeroAbstentions,
}: QuestionResultsProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const caption = `${q.prompt}: ${captionSuffix}`;
  const table = <FiguresTable caption={caption} columns={["Option", "Votes"]} rows={voteRows(q, zeroAbstentions)} />;
  return (
    <section className="card" aria-labelledby={headingId}>
      <Heading id={headingId}>{q.prompt}</Heading>
      {q.counts === "first-preferences" ? <p className="muted">{rankedNote}</p> : null}
      <OptionVotesChart options={q.options} />
      {scrolls ? <TableRegion label={caption}>{table}</TableRegion> : table}
    </section>
  );
}

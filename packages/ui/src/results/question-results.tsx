"use client";

import { Badge } from "../components/badge";
import { Table, type TableColumn } from "../components/table";
import { OptionVotesChart } from "../option-votes-chart";
import type { UiText } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";
import { leadSentence, leaderMark, type Outcome } from "./standing-words";
import { standings } from "./standings";
import type { Snapshot } from "./use-live-snapshot";
import { type VoteRow, voteRows } from "./vote-rows";

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
  /** The ballots counted (the snapshot's turnout): a multi-choice question's shares are of the ballots that answered it. */
  readonly ballots: number;
  /** "live" (the default) says who leads; "final" who won, once the count is closed. */
  readonly outcome?: Outcome;
  /** "folded": the table opens from a disclosure (the compact embed widget); shown in full otherwise. */
  readonly table?: "shown" | "folded";
}

const columnsIn = (text: UiText): readonly TableColumn<VoteRow>[] => [
  {
    key: "option",
    header: text.say("columnOption"),
    cell: (row) => (
      <>
        {row.option}
        {row.mark ? (
          <>
            {" "}
            <Badge tone={row.mark.winner ? "success" : "info"}>{row.mark.text}</Badge>
          </>
        ) : null}
      </>
    ),
  },
  { key: "votes", header: text.say("columnVotes"), align: "end" },
  { key: "share", header: text.say("columnShare"), align: "end" },
];

/**
 * One question's standings: who leads (or that it is a tie) in a sentence, a labelled bar per
 * option for the eye, and the same figures with their shares in a table for everyone.
 */
export function QuestionResults({
  question: q,
  headingLevel,
  headingId,
  rankedNote,
  captionSuffix,
  scrolls,
  zeroAbstentions,
  ballots,
  outcome = "live",
  table = "shown",
}: QuestionResultsProps) {
  const text = useUiText();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const s = standings(q, ballots);
  const words = { kind: q.kind, standings: s, outcome };
  const mark = leaderMark(words, text);
  // A bar has little room beside its figures: a shared lead is just "Tied" there (the sentence names it in full).
  const barMark = s.tied ? text.say("markTied") : mark.text;
  const chart = s.options.map((o) => ({
    label: o.label,
    votes: o.votes,
    share: o.share,
    ...(o.leading ? { mark: barMark } : {}),
  }));
  const figures = (
    <Table
      caption={text.say("tableCaption", { prompt: q.prompt, what: captionSuffix })}
      columns={columnsIn(text)}
      rows={voteRows(s, q.abstentions, zeroAbstentions, mark, text)}
      rowKey={(row) => row.key}
      narrow={scrolls ? "scroll" : "stack"}
    />
  );
  return (
    <section className="card" aria-labelledby={headingId}>
      {/* The election's own words, in whatever direction they are written. */}
      <Heading id={headingId}>
        <bdi>{q.prompt}</bdi>
      </Heading>
      {q.counts === "first-preferences" ? <p className="muted">{rankedNote}</p> : null}
      <p data-testid="lead">
        <strong>{leadSentence(words, text)}</strong>
      </p>
      {q.kind === "multi" ? <p className="muted">{text.say("multiChoiceNote")}</p> : null}
      <OptionVotesChart options={chart} />
      {table === "folded" ? (
        <details>
          <summary>{text.say("figuresTable")}</summary>
          {figures}
        </details>
      ) : (
        figures
      )}
    </section>
  );
}

"use client";

import type { ReactNode } from "react";
import { Badge } from "../components/badge";
import { Table, type TableColumn } from "../components/table";
import { type ChartOption, OptionVotesChart } from "../option-votes-chart";
import type { UiText } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";
import { averageLength, countsScores, scoreStandings } from "./score-standings";
import {
  scoreBarFigures,
  scoreLeadSentence,
  scoreLeaderMark,
  scoreNote,
  type ScoreRow,
  scoreRows,
} from "./score-words";
import { type LeaderMark, leadSentence, leaderMark, type Outcome } from "./standing-words";
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
  /** The table's caption after the prompt, e.g. "votes per option" (a score question's table says its own). */
  readonly captionSuffix: string;
  /** Whether the table scrolls in a region of its own (the console's wide layout does). */
  readonly scrolls: boolean;
  readonly zeroAbstentions: "shown" | "hidden";
  /**
   * The votes the counted ballots carry (votesCast: the snapshot's turnout, or its weightedVotes with
   * a weighted roll): a multi-choice question's shares are of the ballots that answered it, and a
   * score question's averages of the votes counted on it (these less its abstentions).
   */
  readonly ballots: number;
  /** "live" (the default) says who leads; "final" who won, once the count is closed. */
  readonly outcome?: Outcome;
  /** "folded": the table opens from a disclosure (the compact embed widget); shown in full otherwise. */
  readonly table?: "shown" | "folded";
}

const optionCell = (row: { readonly option: string; readonly mark?: LeaderMark }) => (
  <>
    {row.option}
    {row.mark ? (
      <>
        {" "}
        <Badge tone={row.mark.winner ? "success" : "info"}>{row.mark.text}</Badge>
      </>
    ) : null}
  </>
);

const columnsIn = (text: UiText): readonly TableColumn<VoteRow>[] => [
  { key: "option", header: text.say("columnOption"), cell: optionCell },
  { key: "votes", header: text.say("columnVotes"), align: "end" },
  { key: "share", header: text.say("columnShare"), align: "end" },
];

const scoreColumnsIn = (text: UiText): readonly TableColumn<ScoreRow>[] => [
  { key: "option", header: text.say("columnOption"), cell: optionCell },
  { key: "average", header: text.say("columnAverageScore"), align: "end" },
  { key: "total", header: text.say("countColumnTotalScore"), align: "end" },
];

/** What the question shows, whichever its figures count: its sentence, its notes, its bars and its table. */
interface Parts {
  readonly lead: string;
  readonly note?: string;
  readonly chart: readonly ChartOption[];
  readonly figures: ReactNode;
}

type PartsInput = Pick<
  QuestionResultsProps,
  "question" | "captionSuffix" | "scrolls" | "zeroAbstentions" | "ballots"
> & {
  readonly outcome: Outcome;
  readonly text: UiText;
};

/** Votes and shares: single-choice, multi-choice and (live, first preferences) ranked questions. */
function voteParts({
  question: q,
  captionSuffix,
  scrolls,
  zeroAbstentions,
  ballots,
  outcome,
  text,
}: PartsInput): Parts {
  const s = standings(q, ballots);
  const words = { kind: q.kind, standings: s, outcome };
  const mark = leaderMark(words, text);
  // A bar has little room beside its figures: a shared lead is just "Tied" there (the sentence names it in full).
  const barMark = s.tied ? text.say("markTied") : mark.text;
  return {
    lead: leadSentence(words, text),
    ...(q.kind === "multi" ? { note: text.say("multiChoiceNote") } : {}),
    chart: s.options.map((o) => ({
      label: o.label,
      votes: o.votes,
      share: o.share,
      ...(o.leading ? { mark: barMark } : {}),
    })),
    figures: (
      <Table
        caption={text.say("tableCaption", { prompt: q.prompt, what: captionSuffix })}
        columns={columnsIn(text)}
        rows={voteRows(s, q.abstentions, zeroAbstentions, mark, text)}
        rowKey={(row) => row.key}
        narrow={scrolls ? "scroll" : "stack"}
      />
    ),
  };
}

/**
 * Average scores: a score question's votes are each option's total score, so its bars fill up to
 * the range's highest score and its table gives the average and the total, never a share.
 */
function scoreParts({ question: q, scrolls, zeroAbstentions, ballots, outcome, text }: PartsInput): Parts {
  const s = scoreStandings(q, ballots);
  const words = { standings: s, outcome };
  const mark = scoreLeaderMark(words, text);
  const barMark = s.tied ? text.say("markTied") : mark.text;
  return {
    lead: scoreLeadSentence(words, text),
    // STAR's live leader on scores may still lose the runoff: say so while voting goes on.
    note:
      outcome === "live" && q.counting?.method === "star"
        ? `${scoreNote(s, text)} ${text.say("scoreStarNote")}`
        : scoreNote(s, text),
    chart: s.options.map((o) => ({
      label: o.label,
      votes: o.total,
      share: averageLength(o.average, s.range),
      figures: scoreBarFigures(o.average, s, text),
      ...(o.leading ? { mark: barMark } : {}),
    })),
    figures: (
      <Table
        caption={text.say("scoreCaption", { prompt: q.prompt })}
        columns={scoreColumnsIn(text)}
        rows={scoreRows(s, q.abstentions, zeroAbstentions, mark, text)}
        rowKey={(row) => row.key}
        narrow={scrolls ? "scroll" : "stack"}
      />
    ),
  };
}

/**
 * One question's standings: who leads (or that it is a tie) in a sentence, a labelled bar per
 * option for the eye, and the same figures with their shares (a score question: its averages and
 * totals) in a table for everyone.
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
  const input = { question: q, captionSuffix, scrolls, zeroAbstentions, ballots, outcome, text };
  const { lead, note, chart, figures } = countsScores(q) ? scoreParts(input) : voteParts(input);
  return (
    <section className="card" aria-labelledby={headingId}>
      {/* The election's own words, in whatever direction they are written. */}
      <Heading id={headingId}>
        <bdi>{q.prompt}</bdi>
      </Heading>
      {q.counts === "first-preferences" ? <p className="muted">{rankedNote}</p> : null}
      <p data-testid="lead">
        <strong>{lead}</strong>
      </p>
      {note ? <p className="muted">{note}</p> : null}
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

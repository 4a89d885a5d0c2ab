"use client";

import { Badge } from "../components/badge";
import { Table, type TableColumn } from "../components/table";
import { englishUiText, type UiText } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";
import {
  type RunoffCount,
  type RunoffRound,
  runoffTransfers,
  transferSentence,
  winningRound,
} from "./runoff-transfers";
import { formatShare } from "./standings";

export interface RunoffRoundsProps {
  readonly prompt: string;
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly count: RunoffCount;
  readonly headingLevel: 3 | 4;
}

interface RoundsRow {
  readonly key: string;
  readonly label: string;
  readonly winner: boolean;
  readonly cells: readonly string[];
}

/** Each option's tally round by round ("out" once eliminated, marked in the round that eliminated it), then the ballots with no one left. */
export function roundsRows(
  options: RunoffRoundsProps["options"],
  { rounds, winner }: RunoffCount,
  text: UiText = englishUiText,
): RoundsRow[] {
  const cell = (r: RunoffRound, id: string) => {
    const tally = r.tallies[id];
    if (tally === undefined) return text.say("runoffOut");
    return r.eliminated.includes(id)
      ? text.say("runoffEliminated", { votes: tally })
      : tally.toLocaleString(text.locale);
  };
  return [
    ...options.map((o) => ({
      key: o.id,
      label: o.label,
      winner: o.id === winner,
      cells: rounds.map((r) => cell(r, o.id)),
    })),
    {
      key: "exhausted",
      label: text.say("runoffBallotsLeft"),
      winner: false,
      cells: rounds.map((r) => r.exhausted.toLocaleString(text.locale)),
    },
  ];
}

/**
 * A ranked question's final count: who was elected and how, the rounds as a table, and the flow
 * between rounds in words (whose ballots moved where when an option was eliminated).
 */
export function RunoffRounds({ prompt, options, count, headingLevel }: RunoffRoundsProps) {
  const text = useUiText();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const label = (id: string | null) => options.find((o) => o.id === id)?.label ?? text.say("runoffNoOne");
  const won = winningRound(count);
  const transfers = runoffTransfers(options, count, text);
  const columns: TableColumn<RoundsRow>[] = [
    {
      key: "label",
      header: text.say("columnOption"),
      cell: (row) => (
        <>
          {row.label}
          {row.winner ? (
            <>
              {" "}
              <Badge tone="success">{text.say("markWinner")}</Badge>
            </>
          ) : null}
        </>
      ),
    },
    ...count.rounds.map((r, at) => ({
      key: `round-${r.round}`,
      header: text.say("runoffRound", { round: r.round }),
      align: "end" as const,
      cell: (row: RoundsRow) => row.cells[at],
    })),
  ];
  return (
    <div className="card">
      <Heading>
        <bdi>{prompt}</bdi>
      </Heading>
      {count.winner === null ? (
        <p>
          <strong>{text.say("runoffNoWinner")}</strong>
        </p>
      ) : (
        <p>
          {text.say("runoffElected")} <strong>{label(count.winner)}</strong>
        </p>
      )}
      {won ? (
        <p className="muted">
          {text.say("runoffWinningRound", {
            round: won.round,
            option: label(count.winner),
            votes: won.votes,
            total: won.of,
            share: formatShare(won.of === 0 ? 0 : won.votes / won.of, text.locale),
          })}
        </p>
      ) : null}
      {transfers.length > 0 ? (
        <>
          <p>{text.say("runoffMoved")}</p>
          <ol>
            {transfers.map((t) => (
              <li key={t.afterRound}>{transferSentence(t, text)}</li>
            ))}
          </ol>
        </>
      ) : count.rounds.length === 1 ? (
        <p className="muted">{text.say("runoffMajority")}</p>
      ) : null}
      <Table
        caption={text.say("runoffCaption", { prompt })}
        columns={columns}
        rows={roundsRows(options, count, text)}
        rowKey={(row) => row.key}
      />
    </div>
  );
}

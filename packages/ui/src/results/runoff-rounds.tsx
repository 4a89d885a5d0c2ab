import { Badge } from "../components/badge";
import { Table, type TableColumn } from "../components/table";
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
export function roundsRows(options: RunoffRoundsProps["options"], { rounds, winner }: RunoffCount): RoundsRow[] {
  const cell = (r: RunoffRound, id: string) => {
    const tally = r.tallies[id];
    if (tally === undefined) return "out";
    return `${tally.toLocaleString("en")}${r.eliminated.includes(id) ? " (eliminated)" : ""}`;
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
      label: "Ballots with no choice left",
      winner: false,
      cells: rounds.map((r) => r.exhausted.toLocaleString("en")),
    },
  ];
}

/**
 * A ranked question's final count: who was elected and how, the rounds as a table, and the flow
 * between rounds in words (whose ballots moved where when an option was eliminated).
 */
export function RunoffRounds({ prompt, options, count, headingLevel }: RunoffRoundsProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const label = (id: string | null) => options.find((o) => o.id === id)?.label ?? "no one";
  const won = winningRound(count);
  const transfers = runoffTransfers(options, count);
  const columns: TableColumn<RoundsRow>[] = [
    {
      key: "label",
      header: "Option",
      cell: (row) => (
        <>
          {row.label}
          {row.winner ? (
            <>
              {" "}
              <Badge tone="success">Winner</Badge>
            </>
          ) : null}
        </>
      ),
    },
    ...count.rounds.map((r, at) => ({
      key: `round-${r.round}`,
      header: `Round ${r.round}`,
      align: "end" as const,
      cell: (row: RoundsRow) => row.cells[at],
    })),
  ];
  return (
    <div className="card">
      <Heading>{prompt}</Heading>
      {count.winner === null ? (
        <p>
          <strong>No ballot ranked any option: no one was elected.</strong>
        </p>
      ) : (
        <p>
          Elected by instant runoff: <strong>{label(count.winner)}</strong>
        </p>
      )}
      {won ? (
        <p className="muted">
          In round {won.round}, {label(count.winner)} had {won.votes.toLocaleString("en")} of the{" "}
          {won.of.toLocaleString("en")} votes still in the count (
          {formatShare(won.of === 0 ? 0 : won.votes / won.of, "en")}
          ).
        </p>
      ) : null}
      {transfers.length > 0 ? (
        <>
          <p>How the votes moved between rounds:</p>
          <ol>
            {transfers.map((t) => (
              <li key={t.afterRound}>{transferSentence(t)}</li>
            ))}
          </ol>
        </>
      ) : count.rounds.length === 1 ? (
        <p className="muted">A majority in the first round: no option had to be eliminated.</p>
      ) : null}
      <Table
        caption={`${prompt}: instant-runoff rounds`}
        columns={columns}
        rows={roundsRows(options, count)}
        rowKey={(row) => row.key}
      />
    </div>
  );
}

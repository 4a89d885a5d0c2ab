"use client";

import type { ReactNode } from "react";
import { Badge } from "../components/badge";
import { Table, type TableColumn } from "../components/table";
import type { UiText } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";
import {
  abstentionsSentence,
  condorcetSentence,
  countRoundsTable,
  countTransfers,
  countTransferSentence,
  type CountColumn,
  type CountRow,
  electedInOrder,
  type LabelledOption,
  type MethodCount,
  methodInWords,
  pairwiseTable,
  seatsFilledSentence,
  starRunoffSentence,
  tieBreakItems,
} from "./method-count";

export interface MethodCountViewProps {
  readonly prompt: string;
  /** The question's options in ballot order, with the words the page shows for them. */
  readonly options: readonly LabelledOption[];
  readonly count: MethodCount;
  readonly headingLevel: 2 | 3 | 4;
}

/** The label column, then one column per figure: what both of the view's tables share. */
function columnsOf<Row extends { readonly label: string; readonly cells: readonly string[] }>(
  figures: readonly CountColumn[],
  text: UiText,
  label: (row: Row) => ReactNode,
): TableColumn<Row>[] {
  return [
    { key: "label", header: text.say("columnOption"), cell: label },
    ...figures.map((column, at) => ({
      key: column.key,
      header: column.header,
      align: "end" as const,
      cell: (row: Row) => row.cells[at],
    })),
  ];
}

/**
 * A question's final count by whichever method it was counted: who was elected and in what
 * order, the rounds as a table, how votes moved between them, the head-to-head matrix of a
 * Condorcet method, and every tie with the rule that settled it. Everything a mark or a colour
 * says is also said in words.
 */
export function MethodCountView({ prompt, options, count, headingLevel }: MethodCountViewProps) {
  const text = useUiText();
  const Heading = `h${headingLevel}` as const;
  const elected = electedInOrder(options, count, text);
  const rounds = countRoundsTable(prompt, options, count, text);
  const transfers = countTransfers(options, count, text);
  const pairwise = pairwiseTable(prompt, options, count, text);
  const condorcet = condorcetSentence(options, count, text);
  const runoff = starRunoffSentence(options, count, text);
  const ties = tieBreakItems(options, count, text);
  const abstentions = abstentionsSentence(count, text);
  // A single seat's winner reads as the other results pages have it; several are each "Elected".
  const electedMark = text.say(count.seats === 1 ? "markWinner" : "countElectedBadge");

  const roundColumns = columnsOf<CountRow>(rounds.columns, text, (row) =>
    row.kind === "option" ? (
      <>
        <bdi>{row.label}</bdi>
        {row.elected ? (
          <>
            {" "}
            <Badge tone="success">{electedMark}</Badge>
          </>
        ) : null}
      </>
    ) : (
      row.label
    ),
  );
  return (
    <div className="card">
      <Heading>
        <bdi>{prompt}</bdi>
      </Heading>
      <p className="muted">{text.say("countMethod", { method: methodInWords(count.method, text) })}</p>
      {elected.length === 0 ? (
        <p>
          <strong>{text.say("countNoneElected")}</strong>
        </p>
      ) : elected.length === 1 ? (
        <p>
          {text.say("countElected", { count: 1 })}{" "}
          <strong>
            <bdi>{elected[0]!.label}</bdi>
          </strong>
        </p>
      ) : (
        <>
          <p>{text.say("countElected", { count: elected.length })}</p>
          <ol>
            {elected.map((o) => (
              <li key={o.id}>
                <strong>
                  <bdi>{o.label}</bdi>
                </strong>
              </li>
            ))}
          </ol>
        </>
      )}
      {count.seats > 1 || elected.length < count.seats ? <p>{seatsFilledSentence(count, text)}</p> : null}
      {runoff ? <p>{runoff}</p> : null}
      {transfers.length > 0 ? (
        <>
          <p>{text.say("countTransfersIntro")}</p>
          <ol>
            {transfers.map((t) => (
              <li key={t.key}>{countTransferSentence(t, text)}</li>
            ))}
          </ol>
        </>
      ) : null}
      {count.rounds.length > 0 ? (
        <Table caption={rounds.caption} columns={roundColumns} rows={rounds.rows} rowKey={(row) => row.key} />
      ) : null}
      {condorcet ? <p>{condorcet}</p> : null}
      {pairwise ? (
        <Table
          caption={pairwise.caption}
          columns={columnsOf<(typeof pairwise.rows)[number]>(pairwise.columns, text, (row) => (
            <bdi>{row.label}</bdi>
          ))}
          rows={pairwise.rows}
          rowKey={(row) => row.key}
          // A matrix only reads as a grid: on a narrow screen it scrolls rather than stacks.
          narrow="scroll"
        />
      ) : null}
      {ties.length > 0 ? (
        <>
          <p>{text.say("countTiesIntro")}</p>
          <ul>
            {ties.map((tie) => (
              <li key={tie.key}>
                {tie.sentence}{" "}
                <span className="muted">
                  {text.say("countTieRecord")}{" "}
                  <span lang="en" dir="ltr">
                    {tie.explanation}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {abstentions ? <p className="muted">{abstentions}</p> : null}
    </div>
  );
}

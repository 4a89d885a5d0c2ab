import type { RouterOutputs } from "@landslide/api/client";

/**
 * The result files of an election, from a recount (every stored vote counted again), never
 * from the live tally: byte for byte the files the console exports
 * (apps/console/app/elections/[id]/export-results.ts; the CLI tests compare the two).
 */

export type Recount = RouterOutputs["official"]["elections"]["recount"];

export interface ElectionShape {
  readonly id: string;
  readonly title: string;
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly kind: string;
    readonly prompt: string;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  }>;
}

// The tally's counter names (packages/vote-engine/src/tally/counter-keys.ts).
const TURNOUT = "__turnout";
const QUARANTINED = "__quarantined";
const ABSTAIN = "__abstain";
const optionCounter = (questionId: string, optionId: string) => `${questionId}#${optionId}`;

/** One counter of the tally, named for people. */
export interface NamedCounter {
  readonly counter: string;
  readonly question: ElectionShape["questions"][number] | undefined;
  readonly optionId: string | undefined;
  /** "Yes", "Abstained", "Ballots counted (turnout)". */
  readonly name: string;
}

/** Every counter the election's tally keeps, in ballot order: turnout and held first, then each question's options and abstentions. */
export function countersOf(election: ElectionShape): NamedCounter[] {
  const total = (counter: string, name: string): NamedCounter => ({ counter, question: undefined, optionId: undefined, name });
  return [
    total(TURNOUT, "Ballots counted (turnout)"),
    total(QUARANTINED, "Held for review (not counted)"),
    ...election.questions.flatMap((question) => [
      ...question.options.map((o) => ({ counter: optionCounter(question.id, o.id), question, optionId: o.id, name: o.label })),
      { counter: optionCounter(question.id, ABSTAIN), question, optionId: undefined, name: "Abstained" },
    ]),
  ];
}

export const CSV_HEADER = ["counter", "question_id", "question", "option_id", "option", "votes"] as const;

/** One field as RFC 4180 has it: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per counter (a counter the recount lacks is 0), CRLF line ends as RFC 4180 and spreadsheets expect. */
export function resultsCsv(election: ElectionShape, recount: Recount): string {
  const rows = countersOf(election).map((c) => [c.counter, c.question?.id ?? "", c.question?.prompt ?? "", c.optionId ?? "", c.name, recount.counters[c.counter] ?? 0]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The same figures by question, with every instant-runoff round and how the recount compared with the live tally. */
export function resultsJson(election: ElectionShape, recount: Recount, recountedAt: Date): string {
  const votes = (counter: string) => recount.counters[counter] ?? 0;
  const results = {
    election: { id: election.id, title: election.title },
    recountedAt: recountedAt.toISOString(),
    votesRead: recount.votesRead,
    turnout: votes(TURNOUT),
    heldForReview: votes(QUARANTINED),
    equalsLiveTally: recount.differences.length === 0,
    differences: recount.differences,
    questions: election.questions.map((q) => {
      const irv = recount.instantRunoff[q.id];
      const labelOf = (optionId: string | null) => (optionId === null ? null : { id: optionId, label: q.options.find((o) => o.id === optionId)?.label ?? optionId });
      return {
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options.map((o) => ({ id: o.id, label: o.label, votes: votes(optionCounter(q.id, o.id)) })),
        abstentions: votes(optionCounter(q.id, ABSTAIN)),
        ...(irv ? { instantRunoff: { winner: labelOf(irv.winner), abstentions: irv.abstentions, rounds: irv.rounds } } : {}),
      };
    }),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}

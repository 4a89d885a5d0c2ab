import type { CountResult } from "@landslide/vote-engine";
import { csvDocument } from "../csv-cell";
import { ABSTAIN, type BallotShape, countersOf, EXTRA_WEIGHT, optionCounter, QUARANTINED, TURNOUT } from "./counters";

/**
 * The result files an official downloads, built from a recount (every stored vote counted again),
 * never from the live tally. Pure functions: the download itself is in export-panel.tsx.
 */

export interface ExportElection extends BallotShape {
  readonly id: string;
  readonly title: string;
  readonly questions: ReadonlyArray<BallotShape["questions"][number] & { readonly kind: string }>;
}

/** One instant-runoff count, as the recount returns it (packages/vote-engine/src/tally/instant-runoff.ts). */
export interface InstantRunoffCount {
  readonly rounds: ReadonlyArray<{
    readonly round: number;
    readonly tallies: Readonly<Record<string, number>>;
    readonly exhausted: number;
    readonly eliminated: readonly string[];
    readonly tieBreak?: string;
  }>;
  readonly winner: string | null;
  readonly abstentions: number;
}

/** What `official.elections.recount` answers, as far as the exports need it. */
export interface RecountForExport {
  readonly votesRead: number;
  readonly counters: Readonly<Record<string, number>>;
  readonly instantRunoff: Readonly<Record<string, InstantRunoffCount>>;
  /** Every question's count by its method; absent from a recount made before methods existed. */
  readonly counts?: Readonly<Record<string, CountResult>>;
  readonly differences: ReadonlyArray<{ readonly counter: string; readonly live: number; readonly recount: number }>;
}

export const CSV_HEADER = ["counter", "question_id", "question", "option_id", "option", "votes"] as const;

/**
 * The results as CSV, one row per counter: turnout, held for review, then for each question one
 * row per option and one for abstentions. The `counter` column names the tally's counter, so a
 * row can be checked against the audit bundle. A counter absent from the recount is 0 (the
 * count drops counters that are zero). Cells go through `csvCell`: labels and prompts are
 * officials' free text, and a spreadsheet must show them, never run them.
 */
export function resultsCsv(election: ExportElection, recount: RecountForExport): string {
  const rows = countersOf(election, { weighted: isWeighted(recount) }).map((c) => [
    c.counter,
    c.question?.id ?? "",
    c.question?.prompt ?? "",
    c.optionId ?? "",
    c.name,
    recount.counters[c.counter] ?? 0,
  ]);
  return csvDocument([CSV_HEADER, ...rows]);
}

export const COUNTS_CSV_HEADER = [
  "question_id",
  "question",
  "method",
  "seats",
  "round",
  "option_id",
  "option",
  "votes",
  "outcome",
] as const;

/**
 * Every question's count by its method as CSV, one row per option per round (its votes, and
 * "elected" or "eliminated" in the round it was), then the round's exhausted ballots where the
 * method has them: the rounds a spreadsheet or a tabulator's comparison script reads. Figures are
 * the count's own (STV's fractional votes included); an option out of the count has no row.
 */
export function countsCsv(election: ExportElection, recount: RecountForExport): string {
  const rows = election.questions.flatMap((q) => {
    const count = recount.counts?.[q.id];
    if (!count) return [];
    const head = [q.id, q.prompt, count.method, count.seats] as const;
    return count.rounds.flatMap((round) => [
      ...q.options
        .filter((o) => o.id in round.tallies)
        .map((o) => [
          ...head,
          round.round,
          o.id,
          o.label,
          round.tallies[o.id]!,
          round.elected.includes(o.id) ? "elected" : round.eliminated.includes(o.id) ? "eliminated" : "",
        ]),
      ...(round.exhausted === undefined ? [] : [[...head, round.round, "", "Exhausted ballots", round.exhausted, ""]]),
    ]);
  });
  return csvDocument([COUNTS_CSV_HEADER, ...rows]);
}

/**
 * The results as JSON: the same figures by question, every instant-runoff round, each question's
 * count by its method (method, seats, rounds, winners, tie breaks), and how the recount compared
 * with the live tally.
 */
export function resultsJson(election: ExportElection, recount: RecountForExport, recountedAt: Date): string {
  const votes = (counter: string) => recount.counters[counter] ?? 0;
  const labelOf = (question: ExportElection["questions"][number], optionId: string | null) =>
    optionId === null
      ? null
      : { id: optionId, label: question.options.find((o) => o.id === optionId)?.label ?? optionId };
  const results = {
    election: { id: election.id, title: election.title },
    recountedAt: recountedAt.toISOString(),
    votesRead: recount.votesRead,
    turnout: votes(TURNOUT),
    // With a weighted roll every option's votes are weights: this is what they add up to.
    ...(isWeighted(recount) ? { weightedVotes: votes(TURNOUT) + votes(EXTRA_WEIGHT) } : {}),
    heldForReview: votes(QUARANTINED),
    equalsLiveTally: recount.differences.length === 0,
    differences: recount.differences,
    questions: election.questions.map((q) => {
      const irv = recount.instantRunoff[q.id];
      const count = recount.counts?.[q.id];
      return {
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options.map((o) => ({ id: o.id, label: o.label, votes: votes(optionCounter(q.id, o.id)) })),
        abstentions: votes(optionCounter(q.id, ABSTAIN)),
        ...(irv
          ? { instantRunoff: { winner: labelOf(q, irv.winner), abstentions: irv.abstentions, rounds: irv.rounds } }
          : {}),
        // The count by the question's method, whole (rounds, ties, the pairwise matrix), its winners labelled.
        ...(count ? { count: { ...count, winners: count.winners.map((id) => labelOf(q, id)) } } : {}),
      };
    }),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** Whether some counted ballot weighs more than one vote (a weighted roll). */
function isWeighted(recount: RecountForExport): boolean {
  return (recount.counters[EXTRA_WEIGHT] ?? 0) !== 0;
}

/** "quayside-market-committee-results-2025-03-30.csv": readable in a downloads folder. */
export function resultsFileName(
  election: { readonly title: string },
  recountedAt: Date,
  extension: "csv" | "json",
): string {
  const slug =
    election.title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "election";
  return `${slug}-results-${recountedAt.toISOString().slice(0, 10)}.${extension}`;
}

import type { CountResult, MethodName } from "@landslide/vote-engine";
import { table } from "./format";
import { terminalText } from "./terminal-text";

const METHOD_WORDS: Readonly<Record<MethodName, string>> = {
  plurality: "plurality",
  approval: "approval",
  "instant-runoff": "instant runoff",
  "stv-meek": "single transferable vote (Meek rules)",
  "stv-scottish": "single transferable vote (Scottish rules)",
  schulze: "Schulze (Condorcet)",
  "ranked-pairs": "ranked pairs (Condorcet)",
  score: "score voting",
  star: "STAR (score, then an automatic runoff)",
  borda: "Borda count",
};

/** What the one figure of a method without rounds is (STAR's two rounds have STAR_HEADERS). */
const SINGLE_ROUND_HEADER: Readonly<Record<MethodName, string>> = {
  plurality: "VOTES",
  approval: "APPROVALS",
  "instant-runoff": "VOTES",
  "stv-meek": "VOTES",
  "stv-scottish": "VOTES",
  schulze: "OPTIONS BEATEN",
  "ranked-pairs": "OPTIONS RANKED BELOW",
  score: "TOTAL SCORE",
  star: "TOTAL SCORE",
  borda: "POINTS",
};

/** STAR's rounds: the total scores that choose two finalists, then the ballots preferring each finalist. */
const STAR_HEADERS = ["TOTAL SCORE", "RUNOFF"];

interface Question {
  readonly prompt: string;
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}

/**
 * Whether a count says more than the results table above it: rounds (instant runoff, STV), more
 * than one seat, a method other than plurality and approval, or a tie settled by lot or by a
 * recorded draw (the table would show it as a tie).
 */
export function addsToTable(count: Pick<CountResult, "method" | "seats" | "tieBreaks">): boolean {
  return (
    count.seats > 1 ||
    (count.method !== "plurality" && count.method !== "approval") ||
    count.tieBreaks.some((tie) => tie.rule === "lot" || tie.rule === "recorded-draw")
  );
}

/**
 * A question's final count as people read it in a terminal: who was elected, by which method and
 * for how many seats; each option's figure round by round (the quota and exhausted ballots where
 * the method has them); the votes moved after each round; the head-to-head matrix of a Condorcet
 * method; and every tie with the rule that settled it.
 */
export function countView(question: Question, count: CountResult): string {
  const label = (id: string) => question.options.find((o) => o.id === id)?.label ?? id;
  const names = (ids: readonly string[]) => (ids.length ? ids.map(label).join(", ") : "no one");
  const figure = (value: number | undefined) => (value === undefined ? "—" : String(Number(value.toFixed(9))));
  // STAR's two rounds are not rounds of votes: total scores, then a runoff of ballots preferring each finalist.
  const star = count.method === "star";
  const lines = [
    terminalText(question.prompt),
    `  Counted by ${METHOD_WORDS[count.method]}, ${count.seats} ${count.seats === 1 ? "seat" : "seats"}: elected ${terminalText(names(count.winners))}.`,
  ];
  const rows = [
    ...question.options.map((o) => ({
      label: `${o.label}${count.winners.includes(o.id) ? " (elected)" : ""}`,
      cells: count.rounds.map((r) => figure(r.tallies[o.id])),
    })),
    ...(count.rounds.some((r) => r.exhausted !== undefined)
      ? [
          {
            label: star ? "Scored both the same" : "No choice left",
            cells: count.rounds.map((r) => figure(r.exhausted)),
          },
        ]
      : []),
    ...(count.rounds.some((r) => r.quota !== undefined)
      ? [{ label: "Quota", cells: count.rounds.map((r) => figure(r.quota)) }]
      : []),
  ];
  lines.push(
    table(
      rows,
      [
        { header: "OPTION", value: (r) => r.label },
        ...count.rounds.map((r, at) => ({
          header: star
            ? (STAR_HEADERS[at] ?? `ROUND ${r.round}`)
            : count.rounds.length === 1
              ? SINGLE_ROUND_HEADER[count.method]
              : `ROUND ${r.round}`,
          value: (row: (typeof rows)[number]) => row.cells[at] ?? "",
          align: "right" as const,
        })),
      ],
      "  ",
    ),
  );
  const runoff = star ? starRunoff(count, label) : undefined;
  if (runoff) lines.push(terminalText(`  ${runoff}`));
  for (const round of count.rounds) {
    for (const transfer of round.transfers ?? []) {
      const moved = Object.entries(transfer.to)
        .filter(([, votes]) => votes !== 0)
        .map(([to, votes]) => `${figure(votes)} to ${label(to)}`);
      if (transfer.exhausted) moved.push(`${figure(transfer.exhausted)} with no choice left`);
      lines.push(
        terminalText(
          `  After round ${round.round}, ${label(transfer.from)}'s votes moved: ${moved.join(", ") || "none"}.`,
        ),
      );
    }
  }
  if (count.pairwise) {
    const ids = question.options.map((o) => o.id);
    lines.push(
      "  Head to head (voters preferring the row's option over the column's):",
      table(
        ids,
        [
          { header: "", value: (row) => label(row) },
          ...ids.map((column) => ({
            header: terminalText(label(column)),
            value: (row: string) => (row === column ? "—" : figure(count.pairwise?.[row]?.[column] ?? 0)),
            align: "right" as const,
          })),
        ],
        "  ",
      ),
      `  ${count.condorcetWinner ? terminalText(`${label(count.condorcetWinner)} beats every other option head to head.`) : "No option beats every other head to head."}`,
    );
  }
  for (const tie of count.tieBreaks) lines.push(terminalText(`  Tie: ${tie.explanation}`));
  if (count.abstentions > 0) lines.push(`  ${count.abstentions} abstained on this question.`);
  return lines.join("\n");
}

/**
 * STAR's runoff in a sentence, the winner first: "Runoff between the two highest total scores:
 * Nashville preferred on 68 ballots, Chattanooga on 32, 2 scored both the same." Its figures are
 * votes (weights, with a weighted roll), as the table's.
 */
function starRunoff(count: CountResult, label: (id: string) => string): string | undefined {
  const runoff = count.rounds[1];
  if (!runoff) return undefined;
  const finalists = Object.entries(runoff.tallies).sort(
    ([a], [b]) => Number(runoff.elected.includes(b)) - Number(runoff.elected.includes(a)),
  );
  const parts = finalists.map(([id, n], at) =>
    at === 0 ? `${label(id)} preferred on ${n} ${n === 1 ? "ballot" : "ballots"}` : `${label(id)} on ${n}`,
  );
  if ((runoff.exhausted ?? 0) > 0) parts.push(`${runoff.exhausted} scored both the same`);
  return `Runoff between the two highest total scores: ${parts.join(", ")}.`;
}

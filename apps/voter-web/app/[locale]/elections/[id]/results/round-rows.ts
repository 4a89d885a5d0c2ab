import type { FiguresRow } from "@landslide/ui/figures-table";

interface Round {
  readonly round: number;
  readonly tallies: Readonly<Record<string, number>>;
  readonly eliminated: readonly string[];
  readonly exhausted: number;
}

/**
 * An instant-runoff count as table rows: each option's tally round by round ("out" once it has
 * been eliminated, marked in the round that eliminated it), then the ballots with no one left.
 */
export function roundRows(
  options: ReadonlyArray<{ readonly id: string; readonly label: string }>,
  { rounds }: { readonly rounds: readonly Round[] },
): FiguresRow[] {
  const cell = (r: Round, id: string) =>
    `${r.tallies[id] === undefined ? "out" : r.tallies[id]}${r.eliminated.includes(id) ? " (eliminated)" : ""}`;
  return [
    ...options.map((o) => ({ key: o.id, header: o.label, cells: rounds.map((r) => cell(r, o.id)) })),
    { key: "exhausted", header: "Exhausted ballots", cells: rounds.map((r) => r.exhausted) },
  ];
}

import type { FiguresRow } from "../figures-table";

interface QuestionTotals {
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string; readonly votes: number }>;
  readonly abstentions: number;
}

/**
 * A question's totals as table rows: one per option, then the abstentions. The voter site leaves
 * out an abstentions row of zero (most questions allow none); the console always shows it.
 */
export function voteRows({ options, abstentions }: QuestionTotals, zeroAbstentions: "shown" | "hidden"): FiguresRow[] {
  const rows: FiguresRow[] = options.map((o) => ({
    key: o.id,
    header: o.label,
    cells: [o.votes.toLocaleString("en")],
  }));
  if (abstentions > 0 || zeroAbstentions === "shown")
    rows.push({ key: "abstained", header: "Abstained", cells: [abstentions.toLocaleString("en")] });
  return rows;
}

import { terminalLines, terminalText } from "./terminal-text";

/**
 * How commands show things to people: padded tables, labelled facts, short times, counts. Every
 * cell and value is made safe to print (terminal-text.ts): most of them came from a server.
 */

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number;
  /** Numbers read best right-aligned. */
  readonly align?: "left" | "right";
}

/** Rows as simple padded columns under a header line, for `ux.stdout`; the last column is not padded. */
export function table<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>, indent = ""): string {
  const cells = [
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => terminalText(String(c.value(row))))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells
    .map(
      (line) =>
        indent +
        line
          .map((cell, i) => {
            if (columns[i]!.align === "right") return cell.padStart(widths[i]!);
            return i === line.length - 1 ? cell : cell.padEnd(widths[i]!);
          })
          .join("  "),
    )
    .join("\n");
}

/** "2026-05-01 08:00:12Z": a moment to the second (the ballots of a burst are seconds apart); "—" for none. */
export function exactTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Date(value)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "Z");
}

/** "2026-05-01 08:00Z": a moment, short and unambiguous; "—" for none. */
export function shortTime(value: string | Date | null | undefined): string {
  return exactTime(value).replace(/:\d\dZ$/, "Z");
}

/** Labelled values, one a line, the labels padded to one width; a value of several lines (a description) stays under its first. */
export function facts(pairs: ReadonlyArray<readonly [label: string, value: string]>, indent = ""): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  const under = `\n${indent}${" ".repeat(width + 2)}`;
  return pairs
    .map(([label, value]) => `${indent}${label.padEnd(width)}  ${terminalLines(value).replaceAll("\n", under)}`)
    .join("\n");
}

/** "1 ballot", "3 ballots". */
export const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;

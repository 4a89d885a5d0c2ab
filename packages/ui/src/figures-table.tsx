import type { ReactNode } from "react";

/**
 * One row: what it counts (its row header) and a cell per column after the first. The table keys
 * each cell by its column; an element among the cells still takes a key, as in any array of elements.
 */
export interface FiguresRow {
  readonly key: string;
  readonly header: ReactNode;
  readonly cells: readonly ReactNode[];
}

/**
 * Figures as a table screen readers can walk: a caption (its accessible name), column headers,
 * and a header on every row, so each number is read with what it counts.
 */
export function FiguresTable({
  caption,
  columns,
  rows,
}: {
  caption: ReactNode;
  columns: readonly string[];
  rows: readonly FiguresRow[];
}) {
  return (
    <table className="health">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.header}</th>
            {columns.slice(1).map((column, at) => (
              <td key={column}>{row.cells[at]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

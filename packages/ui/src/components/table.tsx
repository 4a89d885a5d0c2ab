import type { ReactNode } from "react";
import { classNames } from "./class-names";

export interface TableColumn<Row> {
  /** Unique among the columns; also the property read from the row when there is no `cell`. */
  readonly key: string;
  /** The column's header, also shown beside each value when the rows stack at 390 px. */
  readonly header: string;
  /** The cell for a row; `row[key]` when left out. */
  readonly cell?: (row: Row) => ReactNode;
  /** "end" for figures, so digits line up. */
  readonly align?: "start" | "end";
}

export interface TableProps<Row> {
  /** Names the table (its accessible name); `captionHidden` keeps it for screen readers only. */
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** A stable key per row (an id, not the index, so React keeps the right row when the list changes). */
  rowKey: (row: Row) => string;
  /** The column whose cells head their rows (read before every other cell); the first unless told. */
  rowHeader?: string;
  /**
   * Under 40rem: "stack" (each row a small card, every value with its column's header beside it) or
   * "scroll" (the table keeps its grid and scrolls sideways in a focusable, named region).
   */
  narrow?: "stack" | "scroll";
  /** Shown in place of the body when there are no rows (an EmptyState or a sentence). */
  empty?: ReactNode;
  className?: string;
}

function valueOf<Row>(row: Row, column: TableColumn<Row>): ReactNode {
  if (column.cell) return column.cell(row);
  return (row as Record<string, ReactNode>)[column.key];
}

/** A table of records: a caption, a header on every column and every row, labels kept at 390 px. */
export function Table<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  rowHeader,
  narrow = "stack",
  empty,
  className,
}: TableProps<Row>) {
  const headerKey = rowHeader ?? columns[0]?.key;
  const table = (
    <table className={classNames("ls-table", `ls-table-${narrow}`, className)}>
      <caption className={captionHidden ? "ls-visually-hidden" : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.align === "end" ? "ls-align-end" : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={columns.length} className="ls-table-empty">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => {
              const props = {
                // The stacked layout shows this beside the value (CSS `attr(data-label)`).
                "data-label": column.header,
                className: column.align === "end" ? "ls-align-end" : undefined,
              };
              return column.key === headerKey ? (
                <th key={column.key} scope="row" {...props}>
                  {valueOf(row, column)}
                </th>
              ) : (
                <td key={column.key} {...props}>
                  {valueOf(row, column)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (narrow === "stack") return table;
  return (
    // A wide table's own scroll, so the page never scrolls sideways; focusable (arrow keys scroll it)
    // and named, as a scrollable region must be.
    <div
      className="ls-table-scroll"
      role="region"
      aria-label={typeof caption === "string" ? caption : "Table"}
      tabIndex={0}
    >
      {table}
    </div>
  );
}

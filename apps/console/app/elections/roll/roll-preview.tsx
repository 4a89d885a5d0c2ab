import type { RollColumn, RollRow } from "@landslide/api/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { TableRegion } from "@landslide/ui/table-region";

const PREVIEW_ROWS = 10;

/** The first rows as they will be sent, so the official sees the columns were read as they meant. */
export function RollPreview({ rows, columns }: { rows: readonly RollRow[]; columns: readonly RollColumn[] }) {
  const first = rows.slice(0, PREVIEW_ROWS);
  return (
    <TableRegion label="First rows of the roll">
      <FiguresTable
        caption={
          rows.length <= PREVIEW_ROWS
            ? `All ${rows.length} rows`
            : `The first ${PREVIEW_ROWS} of ${rows.length.toLocaleString("en")} rows`
        }
        columns={["Row", ...columns]}
        // "Row 2", not "2": on a narrow screen the column headings are hidden and each row reads on its own.
        rows={first.map((row) => ({
          key: String(row.row),
          header: `Row ${row.row}`,
          cells: columns.map(
            (column) =>
              row.values[column] ?? (
                <span key={column} className="muted">
                  empty
                </span>
              ),
          ),
        }))}
      />
    </TableRegion>
  );
}

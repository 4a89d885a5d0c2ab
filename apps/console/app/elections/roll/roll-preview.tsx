import type { RollColumn, RollRow } from "@landslide/api/client";
import { TableRegion } from "../[id]/table-region";

const PREVIEW_ROWS = 10;

/** The first rows as they will be sent, so the official sees the columns were read as they meant. */
export function RollPreview({ rows, columns }: { rows: readonly RollRow[]; columns: readonly RollColumn[] }) {
  const first = rows.slice(0, PREVIEW_ROWS);
  return (
    <TableRegion label="First rows of the roll">
      <table className="health">
        <caption>
          {rows.length <= PREVIEW_ROWS ? `All ${rows.length} rows` : `The first ${PREVIEW_ROWS} of ${rows.length.toLocaleString("en")} rows`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first.map((row) => (
            <tr key={row.row}>
              {/* "Row 2", not "2": on a narrow screen the column headings are hidden and each row reads on its own. */}
              <th scope="row">Row {row.row}</th>
              {columns.map((column) => (
                <td key={column}>{row.values[column] ?? <span className="muted">empty</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

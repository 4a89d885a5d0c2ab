import type { ImportReport } from "@landslide/api/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { TableRegion } from "@landslide/ui/table-region";

/** Enough to fix a file by; the rest follow once those are fixed and the file is imported again. */
const LISTED_ERRORS = 200;

/** What an import did: how many rows went onto the roll, and what is wrong with each refused row. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const finished = report.stoppedBy === undefined;
  const repeated = report.total - report.imported - report.errors.length;
  const listed = report.errors.slice(0, LISTED_ERRORS);
  return (
    <>
      <p className={finished && report.errors.length === 0 ? "notice ok" : "notice"}>
        Imported {report.imported.toLocaleString("en")} of {report.total.toLocaleString("en")} rows.
        {report.errors.length > 0
          ? ` ${report.errors.length.toLocaleString("en")} rows have a problem, listed below.`
          : ""}
        {/* Only meaningful once every row was sent: the API counts a row that repeats another in its batch once. */}
        {finished && repeated > 0
          ? ` ${repeated.toLocaleString("en")} rows repeat another row and were not added twice.`
          : ""}
      </p>
      {report.errors.length > 0 ? (
        <>
          <h4>Rows with a problem</h4>
          <TableRegion label="Rows with a problem">
            <FiguresTable
              caption={
                listed.length < report.errors.length
                  ? `The first ${listed.length} of ${report.errors.length.toLocaleString("en")} rows with a problem; fix them and import the file again to see the rest`
                  : "Each row with a problem, numbered as in your spreadsheet"
              }
              columns={["Row", "Problem"]}
              rows={listed.map((error) => ({
                key: `${error.row}-${error.message}`,
                header: `Row ${error.row}`,
                cells: [error.message],
              }))}
            />
          </TableRegion>
        </>
      ) : null}
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { RollColumn, RollRow } from "@landslide/api/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { TableRegion } from "@landslide/ui/table-region";

const PREVIEW_ROWS = 10;

/** The first rows as they will be sent, so the official sees the columns were read as they meant. */
export function RollPreview({ rows, columns }: { rows: readonly RollRow[]; columns: readonly RollColumn[] }) {
  const t = useTranslations("rollImport.preview");
  const first = rows.slice(0, PREVIEW_ROWS);
  return (
    <TableRegion label={t("label")}>
      <FiguresTable
        caption={
          rows.length <= PREVIEW_ROWS
            ? t("all", { count: rows.length })
            : t("first", { shown: PREVIEW_ROWS, count: rows.length })
        }
        columns={[t("row"), ...columns]}
        // "Row 2", not "2": on a narrow screen the column headings are hidden and each row reads on its own.
        rows={first.map((row) => ({
          key: String(row.row),
          header: t("rowNumber", { row: row.row }),
          cells: columns.map(
            (column) =>
              row.values[column] ?? (
                <span key={column} className="muted">
                  {t("empty")}
                </span>
              ),
          ),
        }))}
      />
    </TableRegion>
  );
}

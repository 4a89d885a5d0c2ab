"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ImportReport } from "@landslide/api/client";
import { FiguresTable } from "@landslide/ui/figures-table";
import { TableRegion } from "@landslide/ui/table-region";
import { rowProblemText } from "./roll-problems";

/** Enough to fix a file by; the rest follow once those are fixed and the file is imported again. */
const LISTED_ERRORS = 200;

/** What an import did: how many rows went onto the roll, and what is wrong with each refused row. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("rollImport.report");
  const words = useTranslations();
  const locale = useLocale();
  const finished = report.stoppedBy === undefined;
  const repeated = report.total - report.imported - report.errors.length;
  const listed = report.errors.slice(0, LISTED_ERRORS);
  return (
    <>
      <p className={finished && report.errors.length === 0 ? "notice ok" : "notice"}>
        {t("imported", { imported: report.imported, total: report.total })}
        {report.errors.length > 0 ? ` ${t("problems", { count: report.errors.length })}` : ""}
        {/* Only meaningful once every row was sent: the API counts a row that repeats another in its batch once. */}
        {finished && repeated > 0 ? ` ${t("repeated", { count: repeated })}` : ""}
      </p>
      {report.errors.length > 0 ? (
        <>
          <h4>{t("heading")}</h4>
          <TableRegion label={t("heading")}>
            <FiguresTable
              caption={
                listed.length < report.errors.length
                  ? t("captionFirst", { listed: listed.length, total: report.errors.length })
                  : t("caption")
              }
              columns={[t("row"), t("problem")]}
              rows={listed.map((error) => ({
                key: `${error.row}-${error.problem}`,
                header: t("rowNumber", { row: error.row }),
                cells: [rowProblemText(error.problem, words, locale)],
              }))}
            />
          </TableRegion>
        </>
      ) : null}
    </>
  );
}

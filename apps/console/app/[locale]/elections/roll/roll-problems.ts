import { mailLanguages, MAX_VALUE_LENGTH, type RollFileProblem, type RowProblem } from "@landslide/api/client";
import type { Translate } from "../../../../i18n/english";

/**
 * A roll's problems in the official's language: the client library and the API say what is wrong
 * as codes (with English beside them, for the CLI and the logs), and the console says it in words.
 */

/** Why the file cannot be read as a roll at all. */
export function fileProblemText(problem: RollFileProblem, t: Translate, locale: string): string {
  switch (problem.kind) {
    case "empty":
      return t("rollImport.fileProblems.empty");
    case "unclosed-quote":
      return t("rollImport.fileProblems.unclosed-quote", { row: problem.row });
    case "no-identifier-column":
      return t("rollImport.fileProblems.no-identifier-column", {
        row: problem.row,
        names: listOf(
          problem.names.map((name) => `“${name}”`),
          locale,
        ),
      });
    case "repeated-column":
      return t("rollImport.fileProblems.repeated-column", { column: problem.column });
  }
}

/** What is wrong with one row. */
export function rowProblemText(problem: RowProblem, t: Translate, locale: string): string {
  switch (problem) {
    case "unknown-language":
      return t("rollImport.rowProblems.unknown-language", { languages: listOf(mailLanguages, locale, "disjunction") });
    case "too-long":
      return t("rollImport.rowProblems.too-long", { max: MAX_VALUE_LENGTH });
    default:
      return t(`rollImport.rowProblems.${problem}`);
  }
}

function listOf(items: readonly string[], locale: string, type: "conjunction" | "disjunction" = "conjunction") {
  return new Intl.ListFormat(locale, { type, style: "long" }).format(items);
}

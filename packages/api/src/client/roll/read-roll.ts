import { type CsvRecord, guessDelimiter, parseCsv } from "./parse-csv";

/**
 * The columns the API reads: who the voter is (`email` or `externalId`) and, optionally, the
 * `language` their e-mails are written in and the `weight` of their vote (a whole number; 1 when
 * blank). Other columns (names, notes) are allowed and left out.
 */
export const ROLL_COLUMNS = ["email", "externalId", "language", "weight"] as const;
const IDENTIFIER_COLUMNS: readonly RollColumn[] = ["email", "externalId"];
export type RollColumn = (typeof ROLL_COLUMNS)[number];

export interface RollRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  readonly row: number;
  /** Only the roll columns that hold something, as the API takes a row: `{ email }` or `{ externalId }`. */
  readonly values: Readonly<Record<string, string>>;
}

/** Why a file cannot be read as a roll at all, for an app's own words (`message` beside it is the English). */
export type RollFileProblem =
  | { readonly kind: "empty" }
  | { readonly kind: "unclosed-quote"; readonly row: number }
  | { readonly kind: "no-identifier-column"; readonly row: number; readonly names: readonly string[] }
  | { readonly kind: "repeated-column"; readonly column: RollColumn };

export type RollFile =
  | {
      readonly ok: true;
      readonly columns: readonly RollColumn[];
      readonly ignoredColumns: readonly string[];
      readonly rows: readonly RollRow[];
      readonly blankRows: number;
    }
  | { readonly ok: false; readonly problem: RollFileProblem; readonly message: string };

/**
 * A voter roll from CSV text: a header row naming `email` and/or `externalId` (any case), then
 * one voter per row. Blank rows are skipped but keep their numbers, so that every row number we
 * report is the one the official sees in their spreadsheet. Whether each value is a valid e-mail
 * address or id is for the API to say: it is the one rule that matters, and it says it per row.
 */
export function readRoll(text: string): RollFile {
  const body = text.replace(/^\uFEFF/, ""); // spreadsheets often start a UTF-8 file with a byte-order mark
  const parsed = parseCsv(body, guessDelimiter(body));
  if (!parsed.ok) return parsed;
  const records = parsed.records.filter((record) => !isBlank(record));
  const [header, ...data] = records;
  if (!header) return { ok: false, problem: { kind: "empty" }, message: "The file is empty." };

  const names = header.fields.map((name) => name.trim());
  const positionOf = (column: RollColumn) => names.findIndex((name) => name.toLowerCase() === column.toLowerCase());
  const columns = ROLL_COLUMNS.filter((column) => positionOf(column) >= 0);
  if (!columns.some((column) => IDENTIFIER_COLUMNS.includes(column))) {
    return {
      ok: false,
      problem: { kind: "no-identifier-column", row: header.row, names },
      message: `Row ${header.row} must be a header naming an “email” column, an “externalId” column, or both. It reads: ${names.map((name) => `“${name}”`).join(", ")}.`,
    };
  }
  const repeated = columns.find(
    (column) => names.filter((name) => name.toLowerCase() === column.toLowerCase()).length > 1,
  );
  if (repeated)
    return {
      ok: false,
      problem: { kind: "repeated-column", column: repeated },
      message: `The header names the “${repeated}” column twice; keep one.`,
    };

  const rows = data.map((record) => ({
    row: record.row,
    values: Object.fromEntries(
      columns
        .map((column): [RollColumn, string] => [column, record.fields[positionOf(column)]?.trim() ?? ""])
        .filter(([, value]) => value !== ""),
    ),
  }));
  const ignoredColumns = names.filter(
    (name) => name !== "" && !columns.some((column) => column.toLowerCase() === name.toLowerCase()),
  );
  return { ok: true, columns, ignoredColumns, rows, blankRows: parsed.records.length - records.length };
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === "");
}

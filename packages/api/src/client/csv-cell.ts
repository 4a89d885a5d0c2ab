/**
 * The one way Landslide writes a CSV cell. Every CSV the product hands out (the results export
 * today) goes through here, because a CSV is opened in a spreadsheet, and a spreadsheet runs
 * formulas: an option label `=HYPERLINK(...)` or `+cmd|' /C calc'!A0` typed by anyone who can
 * create an election would otherwise run on the machine of whoever opens the download.
 */

/**
 * What makes a spreadsheet read a cell as a formula, as OWASP's CSV injection guidance lists it:
 * `=`, `+`, `-`, `@`, a tab or a carriage return first. Quoting alone does not help: the quotes
 * are CSV syntax and are gone by the time the spreadsheet looks at the value.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field holding a quote, a comma or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * One cell. Numbers (the counts) stay plain numbers, so sums still work; text that a spreadsheet
 * would take for a formula gets a leading `'` (which spreadsheets read as "this is text" and do
 * not show) and is quoted; other text is quoted only when RFC 4180 needs it.
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  if (FORMULA_START.test(value)) return quoted(`'${value}`);
  return NEEDS_QUOTES.test(value) ? quoted(value) : value;
}

/** Rows of cells as one CSV document: cells through `csvCell`, CRLF after every row (RFC 4180, and what spreadsheets expect). */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

/**
 * A small CSV reader (RFC 4180, as spreadsheets write it): fields separated by the delimiter,
 * records by CRLF, LF or CR; a field in double quotes may hold delimiters, line breaks and
 * doubled quotes (""). A quote inside an unquoted field is kept as text, as spreadsheets do.
 *
 * Each record keeps its row number as a spreadsheet shows it: records count from 1, blank lines
 * count too, and a quoted line break does not start a new row.
 */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

export type CsvParse =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | {
      readonly ok: false;
      readonly problem: { readonly kind: "unclosed-quote"; readonly row: number };
      readonly message: string;
    };

export function parseCsv(text: string, delimiter = ","): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let row = 1;
  let atFieldStart = true;
  let quotedSince: number | null = null; // the row a still-open quote started on

  const endField = () => {
    fields.push(field);
    field = "";
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row += 1;
  };

  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quotedSince !== null) {
      if (char !== '"') {
        field += char;
      } else if (text[at + 1] === '"') {
        field += '"'; // a doubled quote is one quote character
        at += 1;
      } else {
        quotedSince = null;
      }
    } else if (char === '"' && atFieldStart) {
      quotedSince = row;
      atFieldStart = false;
    } else if (char === delimiter) {
      endField();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[at + 1] === "\n") at += 1;
      endRecord();
    } else {
      field += char;
      atFieldStart = false;
    }
  }

  if (quotedSince !== null)
    return {
      ok: false,
      problem: { kind: "unclosed-quote", row: quotedSince },
      message: `The quote opened on row ${quotedSince} is never closed.`,
    };
  // The last record, unless the text ended with a line break (which closes a record, not opens one).
  if (!atFieldStart || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** Commas, unless the first line only has semicolons (spreadsheets in many European locales write those). */
export function guessDelimiter(text: string): "," | ";" {
  const end = text.search(/[\r\n]/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  return !firstLine.includes(",") && firstLine.includes(";") ? ";" : ",";
}

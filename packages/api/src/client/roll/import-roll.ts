import type { RollRowProblem } from "@landslide/vote-engine";
import type { RollRow } from "./read-roll";

/** Rows per request (the API refuses more): a roll of millions goes in batches, each safe to resend. */
export const ROWS_PER_BATCH = 500;
/** The API refuses a whole batch when one value is longer than this, so such rows are caught before sending. */
export const MAX_VALUE_LENGTH = 320;

/** What is wrong with a row: the API's reasons, and one found before sending (a value over MAX_VALUE_LENGTH). */
export type RowProblem = RollRowProblem | "too-long";

export interface RowError {
  readonly row: number;
  /** For an app's own words; `message` is the English. */
  readonly problem: RowProblem;
  readonly message: string;
}

export interface ImportReport {
  readonly total: number;
  /** Rows sent or set aside so far: all of them unless the import stopped. */
  readonly done: number;
  readonly imported: number;
  /** By row number. */
  readonly errors: readonly RowError[];
  /** Why the import stopped before the end (a batch unanswered or refused); undefined when it finished. */
  readonly stoppedBy?: unknown;
}

export type SendBatch = (batch: {
  rows: Array<Record<string, string>>;
  firstRow: number;
}) => Promise<{ imported: number; errors: readonly RowError[] }>;

/**
 * Sends the roll in batches, one after the other, and gathers what the API says about each row.
 * A batch that fails stops the import with what was done so far: rows are safe to send again, so
 * running the whole import again finishes the job.
 */
export async function importRoll(
  rows: readonly RollRow[],
  send: SendBatch,
  onProgress: (done: number) => void,
): Promise<ImportReport> {
  const tooLong = (row: RollRow) => Object.values(row.values).some((value) => value.length > MAX_VALUE_LENGTH);
  const errors: RowError[] = rows.filter(tooLong).map((row) => ({
    row: row.row,
    problem: "too-long" as const,
    message: `longer than ${MAX_VALUE_LENGTH} characters`,
  }));
  const sendable = rows.filter((row) => !tooLong(row));
  let done = errors.length;
  let imported = 0;
  const report = (stoppedBy?: unknown): ImportReport => ({
    total: rows.length,
    done,
    imported,
    errors: [...errors].sort((a, b) => a.row - b.row),
    ...(stoppedBy === undefined ? {} : { stoppedBy }),
  });

  onProgress(done);
  for (let start = 0; start < sendable.length; start += ROWS_PER_BATCH) {
    const batch = sendable.slice(start, start + ROWS_PER_BATCH);
    // firstRow is the file's number for the batch's first row, so that the audit trail says which rows were sent.
    const firstRow = batch[0]!.row;
    let answer: Awaited<ReturnType<SendBatch>>;
    try {
      answer = await send({ rows: batch.map((row) => ({ ...row.values })), firstRow });
    } catch (error) {
      return report(error);
    }
    imported += answer.imported;
    // The API numbers a batch's rows by position from firstRow; blank and over-long rows left out
    // of the batch make positions and file rows differ, so positions are turned back into rows.
    for (const error of answer.errors) errors.push({ ...error, row: batch[error.row - firstRow]?.row ?? error.row });
    done += batch.length;
    onProgress(done);
  }
  return report();
}

/**
 * The last error-level log records of this process, kept in memory for the operations view:
 * logs go to stdout and on to CloudWatch, which an operator at the console may not have open.
 * Bounded (the oldest go first), so a failure that repeats a thousand times a second costs a
 * fixed amount of memory. Only what says what went wrong is kept: no stack, no request body.
 */
export interface RecentError {
  /** When it was logged (ISO 8601, as the log line says). */
  readonly at: string;
  /** The log message ("request failed"). */
  readonly message: string;
  /** The error's own type and message, when the record carried one. */
  readonly error?: string;
  /** The request it happened in, to find the full log lines. */
  readonly requestId?: string;
}

/** pino's number for "error"; "fatal" (60) is kept too. */
const ERROR_LEVEL = 50;
/** Enough to read what a request's failure said, not enough to carry a dump into the console. */
const MAX_TEXT = 300;

export class RecentErrors {
  private readonly kept: RecentError[] = [];
  private seen = 0;

  constructor(private readonly capacity = 50) {}

  /** Takes one serialized log line, as a pino destination does; lines below error level are ignored. */
  write(line: string): void {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (typeof record.level !== "number" || record.level < ERROR_LEVEL) return;
    this.seen += 1;
    const err = record.err as { type?: unknown; message?: unknown } | undefined;
    const type = typeof err?.type === "string" ? err.type : "Error";
    const error = typeof err?.message === "string" ? `${type}: ${err.message}` : undefined;
    this.kept.push({
      at: typeof record.time === "string" ? record.time : new Date().toISOString(),
      message: clip(typeof record.msg === "string" ? record.msg : "(no message)"),
      ...(error ? { error: clip(error) } : {}),
      ...(typeof record.requestId === "string" ? { requestId: clip(record.requestId) } : {}),
    });
    if (this.kept.length > this.capacity) this.kept.shift();
  }

  /** Newest first, and how many were logged since the process started (more than are kept, after a while). */
  snapshot(): { readonly total: number; readonly errors: readonly RecentError[] } {
    return { total: this.seen, errors: this.kept.toReversed() };
  }
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

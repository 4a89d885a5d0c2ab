/**
 * A problem with the machine or the configuration that a person can fix.
 * Its message is one line and says what to do; entry points print it without a stack trace.
 */
export class LocalStackError extends Error {
  override readonly name = "LocalStackError";
}

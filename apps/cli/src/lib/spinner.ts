import { ux } from "@oclif/core";
import { terminalText } from "./terminal-text";

/**
 * Runs a network call behind a spinner on stderr, and stops the spinner however the call ends:
 * oclif holds back stdout while one spins, so a spinner left running would swallow the
 * `--json` error document.
 */
export async function withSpinner<T>(doing: string, call: () => Promise<T>): Promise<T> {
  // `doing` often names an election ("Recounting <title>"): printed, so made safe to print.
  ux.action.start(terminalText(doing), undefined, { stdout: false });
  try {
    const result = await call();
    ux.action.stop();
    return result;
  } catch (error) {
    ux.action.stop("failed");
    throw error;
  }
}

import { Command, Errors } from "@oclif/core";
import { ConfigError } from "@landslide/config";
import { LocalStackError } from "@landslide/local-stack";
import { carryExitCode } from "./exit-code";
import { terminalLines } from "./terminal-text";

/**
 * What every `election` command shares: `--json` (one JSON document on stdout, nothing else),
 * and errors that read as one line of advice instead of a stack trace.
 */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  // Every line a command prints goes through here, and most carry a server's text (a title, a
  // reason): its control characters are shown, never obeyed (see terminal-text.ts). Under
  // --json oclif prints none of these; the JSON document escapes controls itself.
  override log(message = "", ...args: unknown[]): void {
    super.log(terminalLines(message), ...args);
  }

  override logToStderr(message = "", ...args: unknown[]): void {
    super.logToStderr(terminalLines(message), ...args);
  }

  override warn(input: string | Error): string | Error {
    return super.warn(typeof input === "string" ? terminalLines(input) : input);
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if (!this.jsonEnabled()) makePrintable(error);
    if (error instanceof ConfigError || error instanceof LocalStackError) {
      // oclif prints the message (or a JSON envelope under --json) and exits with this code.
      return super.catch(carryExitCode(new Errors.CLIError(error.message, { exit: 1 })));
    }
    return super.catch(carryExitCode(error));
  }
}

/**
 * An error's message may quote the API's refusal or a server's text: printed to a terminal, so
 * made safe to print. oclif prints an unexpected error (not a CLIError) with its stack, which
 * repeats the message as it was when the error was made, so that is made safe too.
 */
function makePrintable(error: Error): void {
  try {
    error.message = terminalLines(error.message);
    if (!(error instanceof Errors.CLIError) && typeof error.stack === "string")
      error.stack = terminalLines(error.stack);
  } catch {
    // A read-only message (a getter without a setter) is printed as it is.
  }
}

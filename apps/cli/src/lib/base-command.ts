import { Command, Errors } from "@oclif/core";
import { ConfigError } from "@landslide/config";
import { LocalStackError } from "@landslide/local-stack";
import { carryExitCode } from "./exit-code";

/**
 * What every `election` command shares: `--json` (one JSON document on stdout, nothing else),
 * and errors that read as one line of advice instead of a stack trace.
 */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if (error instanceof ConfigError || error instanceof LocalStackError) {
      // oclif prints the message (or a JSON envelope under --json) and exits with this code.
      return super.catch(carryExitCode(new Errors.CLIError(error.message, { exit: 1 })));
    }
    return super.catch(carryExitCode(error));
  }
}

/**
 * Under --json, oclif exits with `error.exitCode`, but its own CLIError keeps the code in
 * `error.oclif.exit`: without this every refusal would exit 1 there. (Belongs in BaseCommand.catch.)
 */
export function carryExitCode<E extends Error & { exitCode?: number; oclif?: { exit?: number } }>(error: E): E {
  error.exitCode ??= error.oclif?.exit;
  return error;
}

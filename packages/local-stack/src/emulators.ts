import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { LocalStackError } from "./errors";

/**
 * The stand-ins for AWS (DynamoDB Local, cognito-local, the embedded PostgreSQL binaries, the local SES) are
 * development dependencies of this package: a production install (npm ci --omit=dev) leaves
 * them out, so the API's image and a production install of the CLI do not carry them. Where they
 * are missing, starting the local stack says so in one line instead of a module-not-found trace.
 * Returns the path of the package's package.json, found where Node would look for the package
 * (not through its "exports", which need not list package.json).
 */
export function resolveEmulator(packageName: string): string {
  for (const folder of createRequire(import.meta.url).resolve.paths(packageName) ?? []) {
    const manifest = join(folder, packageName, "package.json");
    if (existsSync(manifest)) return manifest;
  }
  throw new LocalStackError(missingEmulatorMessage(packageName));
}

export function missingEmulatorMessage(packageName: string): string {
  return (
    `The local stack's stand-ins for AWS are not installed (no ${packageName}): they are development dependencies, ` +
    "which a production install (npm ci --omit=dev) leaves out. Run 'npm install' (or 'npm ci') without --omit=dev in the repository to use 'election local'."
  );
}

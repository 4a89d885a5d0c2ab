// Is the built CLI (dist/, see ../build.mjs) the build of the sources as they are now? Read by
// bin/run.js on every call, so it only stats files: a file whose size and modification time are
// those recorded at build time is unchanged; only one that differs is read and hashed, so a
// checkout or a turbo cache restore that touches files without changing them does not make the
// build look stale. Plain JavaScript: it runs before anything can compile TypeScript.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The file build.mjs writes last: what the build was made from. */
export const BUILD_INFO = "build-info.json";

/** What a file looked like when it was read for the build. */
export function fingerprint(path) {
  const stat = statSync(path);
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha1: sha1(path) };
}

/** The names in a folder, sorted: a command file added or removed changes it. */
export function listing(path) {
  return readdirSync(path).sort().join("\n");
}

/**
 * Why `distDir` cannot be used, or null when it is the build of the current sources. Paths in
 * the build information are relative to `baseDir` (the CLI's folder).
 */
export function staleReason(baseDir, distDir) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(distDir, BUILD_INFO), "utf8"));
  } catch {
    return "it has not been built";
  }
  for (const [relative, recorded] of Object.entries(info.files ?? {})) {
    const path = resolve(baseDir, relative);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return `${relative} is gone`;
    }
    if (stat.size === recorded.size && stat.mtimeMs === recorded.mtimeMs) continue;
    if (stat.size !== recorded.size || sha1(path) !== recorded.sha1) return `${relative} changed`;
  }
  for (const [relative, names] of Object.entries(info.folders ?? {})) {
    let now;
    try {
      now = listing(resolve(baseDir, relative));
    } catch {
      return `${relative} is gone`;
    }
    if (now !== names) return `a file was added to or removed from ${relative}`;
  }
  return null;
}

function sha1(path) {
  return createHash("sha1").update(readFileSync(path)).digest("hex");
}

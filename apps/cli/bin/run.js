#!/usr/bin/env node
// The CLI runs its build (dist/: the commands bundled by ../build.mjs, with an oclif manifest) when
// that build is of the sources as they are now: a call then loads one command and what it imports,
// in a fraction of a second. When the sources changed since (or nothing was built), it runs the
// TypeScript sources through tsx, as it always could, and says so once per call on stderr: a stale
// build is never run. LANDSLIDE_CLI_SOURCES=1 runs the sources without the notice.
import * as nodeModule from "node:module";
import { fileURLToPath } from "node:url";

// V8 keeps the compiled code of oclif and the commands on disk (in the system's temporary
// folder): calls after the first skip most of the parsing, about half of what --version costs.
// Node 22.1 and later: the project's own Node (24, installed by npm install) has it; a shell's
// older node runs without the cache rather than failing.
nodeModule.enableCompileCache?.();
const { staleReason } = await import("./freshness.js");

const cliDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = fileURLToPath(new URL("../dist", import.meta.url));

const fromSources = process.env.LANDSLIDE_CLI_SOURCES === "1";
const stale = fromSources ? "" : staleReason(cliDir, distDir);
if (stale) {
  process.stderr.write(
    `election: running from the TypeScript sources, which is slower: the built CLI is out of date (${stale}). ` +
      "'npm run build -w @landslide/cli' builds it (npm run dev does too).\n",
  );
}
if (stale !== null) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { execute } = await import("@oclif/core");
// oclif finds the package.json at or above `dir`: dist/ has one of its own pointing at the bundled commands.
await execute({ dir: stale === null ? distDir : cliDir });

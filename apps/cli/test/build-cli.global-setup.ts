import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// @ts-expect-error: plain JavaScript beside bin/run.js, which must run before anything compiles TypeScript.
import { staleReason } from "../bin/freshness.js";

/**
 * The tests run bin/run.js as people do, and it runs the build (dist/) when that is of the current
 * sources: build it first when it is not, so the tests exercise the bundle people run, and never
 * see run.js's notice about running the sources instead.
 */
export default function setup(): void {
  const cliDir = fileURLToPath(new URL("..", import.meta.url));
  if ((staleReason as (base: string, dist: string) => string | null)(cliDir, `${cliDir}/dist`) === null) return;
  execFileSync(process.execPath, ["build.mjs"], { cwd: cliDir, stdio: "inherit" });
}

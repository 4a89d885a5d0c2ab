#!/usr/bin/env node
// `npm run dev`: brings the builds up to date, then starts the local stack with `election local up`.
// The web apps are served from production builds (`next start`) unless --web says otherwise: the
// first `next dev` compile took ~3 minutes on a busy two-core machine (issue #20), a `next start`
// answers in seconds. turbo rebuilds only what changed since the last build (npm install makes the
// first one), so an unchanged tree costs a few seconds here. `npm run dev -- --web dev` runs
// `next dev` for hot reload instead, and does not build the web apps. The services run from the
// API's bundle (what the image runs) rather than through tsx, which compiled the API at each start.
import { spawn, spawnSync } from "node:child_process";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const webFlag = args.findIndex((arg) => arg === "--web" || arg.startsWith("--web="));
const web = webFlag === -1 ? "prod" : (args[webFlag].split("=")[1] ?? args[webFlag + 1]);
const packages = [
  "@landslide/cli",
  "@landslide/api",
  ...(web === "prod" ? ["@landslide/voter-web", "@landslide/console"] : []),
];

const root = fileURLToPath(new URL("../../..", import.meta.url));
console.log(
  `Bringing the builds up to date (the CLI, the services${web === "prod" ? " and both web apps" : ""}; turbo skips what has not changed)…`,
);
const built = spawnSync(
  "turbo",
  ["run", "build", "--output-logs=errors-only", ...packages.map((name) => `--filter=${name}`)],
  { cwd: root, stdio: "inherit" },
);
if (built.status !== 0) {
  console.error(
    web === "prod"
      ? "The build failed (above). Fix it, or run the web apps from their sources: npm run dev -- --web dev"
      : "The build failed (above).",
  );
  process.exit(built.status ?? 1);
}

const up = spawn(
  process.execPath,
  [
    fileURLToPath(new URL("./run.js", import.meta.url)),
    "local",
    "up",
    ...(webFlag === -1 ? ["--web", "prod"] : []),
    ...(args.some((arg) => arg.startsWith("--services")) ? [] : ["--services", "built"]),
    ...args,
  ],
  { stdio: "inherit" },
);
// Ctrl-C reaches `local up` from the terminal itself (same process group): passing it on as well
// would be a second Ctrl-C, which stops nothing cleanly. A SIGTERM (npm passes on its own) is passed on.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => up.kill("SIGTERM"));
up.once("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));

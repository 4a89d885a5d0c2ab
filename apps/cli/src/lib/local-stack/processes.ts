import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "@landslide/config";
import { LocalStackError, ManagedChild } from "@landslide/local-stack";
import { serviceEntryPoints, type ServiceName } from "@landslide/api/services";

export type WebMode = "dev" | "prod" | "none";
/** Run the services from their TypeScript (through tsx) or from the API's production bundle. */
export type ServiceCode = "sources" | "built";

export interface LaunchedProcess {
  readonly child: ManagedChild;
  /** The URL that answers 200 once the process is ready to serve. */
  readonly readyUrl: string;
  /** Ready once `readyUrl` answers at all, whatever the status (DynamoDB Local answers a GET with 400). */
  readonly readyOnAnyAnswer?: boolean;
  readonly url: string;
}

const require = createRequire(import.meta.url);

/**
 * Each service is its own Node process, as in production (docs/design.md §6). From the sources,
 * tsx compiles the API at every start (tens of seconds of CPU for four services on a busy machine);
 * the bundle (packages/api/build.mjs, what the image runs) starts at once.
 */
export function launchService(
  name: ServiceName,
  code: ServiceCode,
  config: Config,
  env: NodeJS.ProcessEnv,
  logDir: string,
): LaunchedProcess {
  const url = {
    "vote-api": config.urls.voteApi,
    "control-api": config.urls.controlApi,
    results: config.urls.results,
    aggregator: config.urls.aggregator,
  }[name];
  const child = new ManagedChild({
    name,
    command: process.execPath,
    args:
      code === "built"
        ? ["--enable-source-maps", builtService(name)]
        : ["--import", "tsx", fileURLToPath(serviceEntryPoints[name])],
    env,
    logFile: join(logDir, `${name}.log`),
  });
  return { child, url, readyUrl: `${url}/healthz` };
}

function builtService(name: ServiceName): string {
  // packages/api/src/services/<name>.ts is bundled into packages/api/dist/<name>.mjs.
  const bundle = fileURLToPath(new URL(`../../dist/${name}.mjs`, serviceEntryPoints[name]));
  if (!existsSync(bundle))
    throw new LocalStackError(
      `The ${name} has no build: run 'npm run build -w @landslide/api' first, or leave out '--services built'.`,
    );
  return bundle;
}

export const webApps = {
  "voter-web": { workspace: "@landslide/voter-web", port: (c: Config) => c.ports.voterWeb },
  console: { workspace: "@landslide/console", port: (c: Config) => c.ports.console },
} as const;

export type WebAppName = keyof typeof webApps;

/** Starts a Next.js app with `next dev`, or `next start` on its production build. */
export function launchWebApp(
  name: WebAppName,
  mode: Exclude<WebMode, "none">,
  config: Config,
  env: NodeJS.ProcessEnv,
  logDir: string,
): LaunchedProcess {
  const app = webApps[name];
  const appDir = dirname(require.resolve(`${app.workspace}/package.json`));
  if (mode === "prod" && !existsSync(join(appDir, ".next", "BUILD_ID"))) {
    throw new LocalStackError(`${name} has no production build: run 'npm run build' first, or use '--web dev'.`);
  }
  const nextBin = require.resolve("next/dist/bin/next", { paths: [appDir] });
  const port = app.port(config);
  const child = new ManagedChild({
    name,
    command: process.execPath,
    args: [nextBin, mode === "dev" ? "dev" : "start", "--port", String(port), "--hostname", config.host],
    cwd: appDir,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    logFile: join(logDir, `${name}.log`),
  });
  const bound = `http://${config.host}:${port}`;
  // Browsers refuse passkeys on an IP address: people are sent to the voter site as localhost (the relying party the API expects).
  const url = name === "voter-web" && config.host === "127.0.0.1" ? `http://localhost:${port}` : bound;
  return { child, url, readyUrl: bound };
}

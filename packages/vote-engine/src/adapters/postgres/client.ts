import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type ControlPlaneDb = NodePgDatabase<typeof schema>;

export interface ControlPlaneConnection {
  readonly db: ControlPlaneDb;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** One pool per process. The embedded PGlite multiplexes connections, so keep the pool small. */
export function connectControlPlane(url: string, { maxConnections = 4 } = {}): ControlPlaneConnection {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 5000 });
  // A dropped idle connection must not crash the process; the pool opens a new one.
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The embedded PostgreSQL's URL: the local stack generates its password when it creates the
 * cluster and keeps it inside the cluster folder (owner-only), so any command run against the
 * local stack finds it there. Before the cluster exists there is no password to give.
 */
export function embeddedPostgresUrl(host: string, port: number, dataDir: string): string {
  const password = readPassword(join(resolve(dataDir), "data", "postgres", "landslide-password"));
  const credentials = password === undefined ? "postgres" : `postgres:${encodeURIComponent(password)}`;
  return `postgres://${credentials}@${host}:${port}/postgres`;
}

function readPassword(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import type { ControlPlaneDb } from "./client";

const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/**
 * Applies the committed drizzle-kit migrations that have not run yet; a no-op when up to date.
 * Returns how many migrations were applied.
 */
export async function migrateControlPlane(db: ControlPlaneDb): Promise<number> {
  const before = await appliedCount(db);
  await migrate(db, { migrationsFolder });
  return (await appliedCount(db)) - before;
}

async function appliedCount(db: ControlPlaneDb): Promise<number> {
  const result = await db.execute<{ count: string }>(
    sql`select count(*)::text as count from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  if (result.rows[0]?.count !== "1") return 0;
  const applied = await db.execute<{ count: string }>(
    sql`select count(*)::text as count from drizzle.__drizzle_migrations`,
  );
  return Number(applied.rows[0]?.count ?? 0);
}

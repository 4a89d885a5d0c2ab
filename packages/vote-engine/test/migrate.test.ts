import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { RunningPostgres } from "@landslide/local-stack";
import { startTestPostgres } from "@landslide/local-stack/testing";
import { connectControlPlane, type ControlPlaneConnection, migrateControlPlane } from "../src/adapters/postgres";

let postgres: RunningPostgres;
let connection: ControlPlaneConnection;
beforeAll(async () => {
  postgres = await startTestPostgres();
  connection = connectControlPlane(postgres.url);
});
afterAll(async () => {
  await connection.close();
  await postgres.stop();
});

it("applies the committed drizzle migrations to PostgreSQL once, and a second run applies none", async () => {
  expect(await migrateControlPlane(connection.db)).toBeGreaterThanOrEqual(1);
  const tables = await connection.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["elections", "questions"]));
  const columns = await connection.db.execute<{ column_name: string }>(
    sql`select column_name from information_schema.columns where table_name = 'elections'`,
  );
  // drizzle's snake_case casing reaches the database.
  expect(columns.rows.map((r) => r.column_name)).toContain("allow_abstain");
  expect(await migrateControlPlane(connection.db)).toBe(0);
});

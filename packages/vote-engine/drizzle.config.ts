import { defineConfig } from "drizzle-kit";

// `npm run db:generate -w @landslide/vote-engine` writes a new migration after a schema change.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/adapters/postgres/schema.ts",
  out: "./drizzle",
  casing: "snake_case",
});

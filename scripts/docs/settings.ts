import { join } from "node:path";
import { environmentSchema } from "../../packages/config/src/schema";
import { code, markdownTable } from "./markdown";
import { repoRoot } from "./sections";
import { propertyComments } from "./source-comments";

/**
 * generated:settings — every environment setting, from the schema that validates them
 * (packages/config/src/schema.ts), in its order: the default is what the schema gives when the
 * variable is unset, "accepts" is the message a bad value stops start-up with, and the
 * description is the comment above the setting.
 */

const SCHEMA_FILE = join(repoRoot, "packages/config/src/schema.ts");

/** A value no setting should take as meaningful: what a setting accepts is the error it gives. */
const NOT_A_VALUE = "\u0001 not a value";

interface Parser {
  safeParse(
    value: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: readonly { message: string }[] } };
}

export function settingsTable(): string {
  const comments = propertyComments(SCHEMA_FILE, "environmentSchema");
  const rows = Object.entries(environmentSchema.shape as Record<string, Parser>).map(([name, schema]) => {
    const comment = comments.get(name);
    if (comment === undefined)
      throw new Error(`${SCHEMA_FILE}: ${name} is in environmentSchema but not among its written properties`);
    return [code(name), defaultOf(schema), accepts(schema), comment];
  });
  return markdownTable(["variable", "default", "accepts", "what it is"], rows);
}

function defaultOf(schema: Parser): string {
  const parsed = schema.safeParse(undefined);
  if (!parsed.success) return "required";
  const value = parsed.data;
  if (value === undefined) return "unset";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((item) => code(String(item))).join(", ");
  return typeof value === "string" ? code(value) : String(value);
}

function accepts(schema: Parser): string {
  const parsed = schema.safeParse(NOT_A_VALUE);
  return parsed.success ? "any text" : (parsed.error.issues[0]?.message ?? "");
}

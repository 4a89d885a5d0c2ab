import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { AccountCredentials } from "../adapters/cognito";
import { roleGroups } from "../adapters/cognito";

const credentialsFileSchema = z.object({
  userPoolId: z.string(),
  accounts: z.array(z.object({ email: z.string(), group: z.enum(roleGroups), password: z.string() })),
});

export type CredentialsFile = z.infer<typeof credentialsFileSchema>;

/** Reads the demo passwords of an earlier run; a missing or unreadable file means "none known". */
export function readCredentials(path: string): CredentialsFile | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = credentialsFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the demo passwords readable by the owner only, in a folder only the owner can open (it is git-ignored). */
export function writeCredentials(path: string, userPoolId: string, accounts: readonly AccountCredentials[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const content: CredentialsFile = { userPoolId, accounts: [...accounts] };
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface StoredUser {
  readonly Username: string;
  readonly ConfirmationCode?: string;
  readonly Attributes?: ReadonlyArray<{ Name: string; Value: string }>;
}

/**
 * The sign-up confirmation code cognito-local would have e-mailed, read from its database under
 * `<dataDir>/.cognito/db/` (with `npm run dev`: .landslide/data/cognito). Real Cognito e-mails it;
 * locally it is also printed in cognito-local's log. Undefined when there is no such pending user.
 */
export function readConfirmationCode(cognitoDataDir: string, email: string): string | undefined {
  const dbDir = join(cognitoDataDir, ".cognito", "db");
  let files: string[];
  try {
    files = readdirSync(dbDir).filter((file) => file.endsWith(".json") && file !== "clients.json");
  } catch {
    return undefined;
  }
  const wanted = email.trim().toLowerCase();
  for (const file of files) {
    const pool = JSON.parse(readFileSync(join(dbDir, file), "utf8")) as { Users?: Record<string, StoredUser> };
    for (const user of Object.values(pool.Users ?? {})) {
      const userEmail = user.Attributes?.find((a) => a.Name === "email")?.Value ?? user.Username;
      if (userEmail.toLowerCase() === wanted && user.ConfirmationCode) return user.ConfirmationCode;
    }
  }
  return undefined;
}

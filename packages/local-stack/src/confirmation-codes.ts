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
    let pool: { Users?: Record<string, StoredUser> };
    try {
      pool = JSON.parse(readFileSync(join(dbDir, file), "utf8")) as typeof pool;
    } catch {
      continue; // cognito-local is rewriting the file this instant; the caller asks again
    }
    for (const user of Object.values(pool.Users ?? {})) {
      const userEmail = user.Attributes?.find((a) => a.Name === "email")?.Value ?? user.Username;
      if (userEmail.toLowerCase() === wanted && user.ConfirmationCode) return user.ConfirmationCode;
    }
  }
  return undefined;
}

/** Waits for the code to appear (cognito-local writes its database a moment after answering). */
export async function waitForConfirmationCode(
  cognitoDataDir: string,
  email: string,
  timeoutMs = 5000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = readConfirmationCode(cognitoDataDir, email);
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no confirmation code for ${email} in ${cognitoDataDir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

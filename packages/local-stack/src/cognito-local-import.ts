import { randomUUID } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One account to import: confirmed, e-mail verified, in `groups`, signed in once (it holds `refreshToken`). */
export interface ImportedAccount {
  readonly email: string;
  readonly groups: readonly string[];
  /** An opaque secret: REFRESH_TOKEN_AUTH with it gets the account's tokens, as after a sign-in. */
  readonly refreshToken: string;
}

interface StoredPool {
  Users: Record<string, unknown>;
  Groups?: Record<string, { members?: string[] }>;
}

/**
 * Imports accounts into a cognito-local user pool in one write of its database file, as
 * Cognito's user import job does on AWS. cognito-local rewrites the whole file on every write
 * (4.4 MB at 3,000 accounts), so creating 20,000 accounts through its API takes hours; an import
 * takes one write. cognito-local reads its pools when it starts: restart it afterwards, and write
 * only while nothing else writes the pool (its own writes would replace this one).
 * Returns the usernames (subs) given, in the order of `accounts`.
 */
export function importCognitoLocalAccounts(
  cognitoDataDir: string,
  userPoolId: string,
  accounts: readonly ImportedAccount[],
): string[] {
  const file = join(cognitoDataDir, ".cognito", "db", `${userPoolId}.json`);
  const pool = JSON.parse(readFileSync(file, "utf8")) as StoredPool;
  const groups = pool.Groups ?? {};
  const now = new Date().toISOString();
  const usernames = accounts.map((account) => {
    const username = randomUUID();
    pool.Users[username] = {
      Username: username,
      Attributes: [
        { Name: "email", Value: account.email },
        { Name: "email_verified", Value: "true" },
        { Name: "sub", Value: username },
      ],
      Enabled: true,
      UserStatus: "CONFIRMED",
      UserCreateDate: now,
      UserLastModifiedDate: now,
      RefreshTokens: [account.refreshToken],
    };
    for (const name of account.groups) {
      const group = groups[name];
      if (!group) throw new Error(`The user pool ${userPoolId} has no group "${name}" to import accounts into.`);
      (group.members ??= []).push(username);
    }
    return username;
  });
  // Whole or not at all: cognito-local never reads half a file.
  const written = `${file}.import-${process.pid}`;
  writeFileSync(written, JSON.stringify(pool), { mode: 0o600 });
  renameSync(written, file);
  return usernames;
}

import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AuthError, type CognitoSession, type DeviceKey } from "@landslide/api/client";
import { createCognitoClient, ensureAccountWithPassword } from "@landslide/vote-engine/cognito";
import { voterDeviceKey } from "./voter-device";

/** Where a deployment's test voters sign in (its voter app client), and the pool an operator creates them in. */
export interface TestVoterPool {
  readonly cognito: { readonly region: string; readonly endpoint?: string; readonly clientId: string };
  /** The user pool, for the admin API: test voters are created the way provisioning creates accounts. */
  readonly userPoolId: string;
}

export interface TestVoter {
  readonly index: number;
  readonly email: string;
  readonly password: string;
  /** Its one device, the same in every run. */
  deviceKey(): Promise<DeviceKey>;
}

/**
 * The load test's voters: `loadtest-000001@loadtest.landslide.test` and on, each with a password
 * derived from a secret kept (owner-only) in the CLI's config folder, so a later run signs the
 * same voters in again, on the same devices, instead of creating new ones. No password or key
 * is stored or printed.
 */
export function testVoters(configDir: string, count: number): TestVoter[] {
  const secret = loadOrCreateSecret(configDir);
  return Array.from({ length: count }, (_, index) => {
    const email = `loadtest-${String(index + 1).padStart(6, "0")}@loadtest.landslide.test`;
    // Letters, a digit and a symbol whatever the digest: Cognito's default password policy.
    const password = `Lt-${createHmac("sha256", secret).update(email).digest("base64url").slice(0, 24)}9a`;
    return { index, email, password, deviceKey: () => voterDeviceKey(secret, email) };
  });
}

/**
 * Creates test voters with the operator's own AWS credentials (the local stack's, or the default
 * chain's against AWS), through the admin API as provisioning creates accounts: e-mail verified,
 * no message sent, the derived password set as permanent, in the voters group. Self sign-up is
 * not the way: it needs a sign-up ticket, which at most five sign-ups per network per ten
 * minutes get, and a load test is not a sign-up abuse test.
 */
export function testVoterAdmin(pool: TestVoterPool) {
  const cognito = createCognitoClient({ region: pool.cognito.region, endpoint: pool.cognito.endpoint });
  return {
    /** Creates the voter, or sets its derived password again; whether it was created. */
    ensure: async (voter: TestVoter) =>
      (
        await ensureAccountWithPassword(
          cognito,
          pool.userPoolId,
          { email: voter.email, group: "voters" },
          voter.password,
        )
      ).created,
    close: () => cognito.destroy(),
  };
}

export type TestVoterAdmin = ReturnType<typeof testVoterAdmin>;

/**
 * Signs the voter in on `auth` (its own client's session), creating it first when it does not
 * exist, or setting its derived password again when the CLI's secret changed since it was
 * created (its config folder was reset). Returns whether it was created. Many voters may be
 * signed in and created at once: cognito-local 5.x keeps every account and group membership
 * written concurrently (test/loadtest-parallel-accounts.test.ts holds it to that).
 */
export async function signInOrCreate(auth: CognitoSession, admin: TestVoterAdmin, voter: TestVoter): Promise<boolean> {
  try {
    await auth.signIn(voter.email, voter.password);
    return false;
  } catch (error) {
    if (!(error instanceof AuthError) || (error.reason !== "INVALID_CREDENTIALS" && error.reason !== "NOT_CONFIRMED"))
      throw error;
  }
  const created = await admin.ensure(voter);
  await auth.signIn(voter.email, voter.password);
  return created;
}

function loadOrCreateSecret(configDir: string): Buffer {
  const path = join(configDir, "loadtest-secret");
  if (existsSync(path)) return Buffer.from(readFileSync(path, "utf8").trim(), "base64url");
  mkdirSync(configDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString("base64url")}\n`, { mode: 0o600 });
  return secret;
}

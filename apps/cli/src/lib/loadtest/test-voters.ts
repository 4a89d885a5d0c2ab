import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AuthError, type CognitoSession, type DeviceKey } from "@landslide/api/client";
import { waitForConfirmationCode } from "@landslide/local-stack";
import { voterDeviceKey } from "./voter-device";

/** Where a deployment's test voters sign up: its voter app client, and the local Cognito's data folder for their codes. */
export interface TestVoterPool {
  readonly cognito: { readonly region: string; readonly endpoint?: string; readonly clientId: string };
  /** cognito-local keeps the confirmation codes it would have e-mailed here. */
  readonly cognitoDataDir: string;
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
 * Signs the voter in on `auth` (its own client's session), signing it up first, and confirming
 * it with the code the local Cognito would have e-mailed, when it does not exist yet. Returns
 * whether it was created. Call it for one voter at a time: cognito-local loses sign-ups written
 * concurrently.
 */
export async function signInOrSignUp(auth: CognitoSession, pool: TestVoterPool, voter: TestVoter): Promise<boolean> {
  try {
    await auth.signIn(voter.email, voter.password);
    return false;
  } catch (error) {
    if (!(error instanceof AuthError) || (error.reason !== "INVALID_CREDENTIALS" && error.reason !== "NOT_CONFIRMED")) throw error;
  }
  try {
    await auth.signUp(voter.email, voter.password);
  } catch (error) {
    if (error instanceof AuthError && error.reason === "ACCOUNT_EXISTS") {
      throw new Error(`${voter.email} exists with another password (was the CLI's config folder reset?): reset the local stack with 'election local reset'.`);
    }
    throw error;
  }
  await auth.confirmSignUp(voter.email, await waitForConfirmationCode(pool.cognitoDataDir, voter.email, 10_000));
  await auth.signIn(voter.email, voter.password);
  return true;
}

function loadOrCreateSecret(configDir: string): Buffer {
  const path = join(configDir, "loadtest-secret");
  if (existsSync(path)) return Buffer.from(readFileSync(path, "utf8").trim(), "base64url");
  mkdirSync(configDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString("base64url")}\n`, { mode: 0o600 });
  return secret;
}

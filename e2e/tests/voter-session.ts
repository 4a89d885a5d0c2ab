import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { calculateJwkThumbprint, exportJWK, importJWK, type JWK } from "jose";
import {
  createLandslideClient,
  type DeviceKey,
  type DeviceKeyStore,
  type LandslideClient,
} from "@landslide/api/client";
import { waitForConfirmationCode } from "@landslide/local-stack";
import { e2eServiceUrls } from "../stack-ports";

// The e2e stack's data folder (see playwright.config.ts).
const dataDir = fileURLToPath(new URL("../../.landslide/e2e", import.meta.url));
/** The e2e stack's data folder: cognito-local's confirmation codes are read from it. */
export const e2eDataDir = dataDir;

export const DEMO_ELECTION = "00000000-0000-4000-8000-00000000de30";

/** The password of every voter account the tests make. */
export const e2eVoterPassword = "E2e-Voter-Passw0rd";

/** A person's browser: headless Chromium's user agent announces automation, which the risk score weighs (tested in packages/api). */
export const personsUserAgent =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Creates an account on the ballot page the browser is on, confirms it with the code cognito-local keeps, and signs in. */
export async function signUpOnBallotPage(page: Page): Promise<{ email: string; password: string }> {
  const account = await signUpOnPage(page);
  await expect(page.getByRole("form", { name: "Ballot" })).toBeVisible();
  return account;
}

/** The same, up to being signed in: what comes next (the ballot, or what holds it back) is the caller's to check. */
export async function signUpOnPage(page: Page): Promise<{ email: string; password: string }> {
  const email = `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = e2eVoterPassword;
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
  await page.getByLabel("Confirmation code").fill(await waitForConfirmationCode(`${dataDir}/data/cognito`, email));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  return { email, password };
}

/** The demo accounts' passwords, as provisioning saved them for the e2e stack. */
export function demoPassword(email: string): string {
  const saved = JSON.parse(readFileSync(`${dataDir}/credentials.json`, "utf8")) as {
    accounts: Array<{ email: string; password: string }>;
  };
  return saved.accounts.find((a) => a.email === email)!.password;
}

/** The e2e stack's Cognito settings, from the launcher's run file. */
export function stackCognito(): { region: string; endpoint?: string; clientIds: Record<string, string> } {
  return (
    JSON.parse(readFileSync(`${dataDir}/stack.json`, "utf8")) as {
      cognito: { region: string; endpoint?: string; clientIds: Record<string, string> };
    }
  ).cognito;
}

/**
 * The script's one device for a demo account, kept in the stack's data folder: a machine running
 * scripts is one device, and an account may vote from only a few (DEVICE_LIMIT), so every test
 * that signs a demo account in through the SDK must not look like a new phone.
 */
function scriptDevice(email: string): DeviceKeyStore {
  const folder = `${dataDir}/script-devices`;
  const file = `${folder}/${email}.jwk`;
  const read = async (): Promise<DeviceKey> => {
    const privateJwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
    const publicJwk: JWK = { kty: privateJwk.kty!, crv: privateJwk.crv!, x: privateJwk.x!, y: privateJwk.y! };
    const privateKey = (await importJWK(privateJwk, "ES256")) as CryptoKey;
    return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
  };
  return {
    // The key is made here rather than by the client, whose keys cannot be exported to a file.
    async load() {
      if (existsSync(file)) return read();
      const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign"]);
      mkdirSync(folder, { recursive: true });
      try {
        // "wx": when two workers make the same account's device at once, the first one written is it.
        writeFileSync(file, JSON.stringify(await exportJWK(pair.privateKey)), { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      return read();
    },
    async save() {},
  };
}

function stackClient(
  app: "voter-web" | "console",
  options: { automated?: boolean; deviceKeys?: DeviceKeyStore } = {},
): LandslideClient {
  const cognito = stackCognito();
  return createLandslideClient({
    urls: e2eServiceUrls,
    cognito: { region: cognito.region, endpoint: cognito.endpoint, clientId: cognito.clientIds[app]! },
    userAgent: "landslide-e2e/1.0",
    ...(options.deviceKeys ? { deviceKeys: options.deviceKeys } : {}),
    // A script driving a browser announces it (navigator.webdriver); the risk layer weighs it.
    ...(options.automated ? { clientHints: () => ({ webdriver: true }) } : {}),
  });
}

/** A demo account signed in through the SDK, as a script or the CLI would be. */
export async function signedInClient(email: string, app: "voter-web" | "console"): Promise<LandslideClient> {
  const client = stackClient(app, { deviceKeys: scriptDevice(email) });
  await client.auth.signIn(email, demoPassword(email));
  return client;
}

/** A new voter account, signed up, confirmed with the code cognito-local keeps, and signed in through the SDK. */
export async function signedUpClient(
  options: { automated?: boolean } = {},
): Promise<{ client: LandslideClient; email: string }> {
  const email = `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = e2eVoterPassword;
  const client = stackClient("voter-web", options);
  await client.auth.signUp(email, password);
  await client.auth.confirmSignUp(email, await waitForConfirmationCode(`${dataDir}/data/cognito`, email));
  await client.auth.signIn(email, password);
  return { client, email };
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { createLandslideClient, type LandslideClient } from "@landslide/api/client";
import { waitForConfirmationCode } from "@landslide/local-stack";

// The e2e stack's data folder (see playwright.config.ts).
const dataDir = fileURLToPath(new URL("../../.landslide/e2e", import.meta.url));

export const DEMO_ELECTION = "00000000-0000-4000-8000-00000000de30";

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
  const password = "E2e-Voter-Passw0rd";
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

function stackClient(app: "voter-web" | "console", options: { automated?: boolean } = {}): LandslideClient {
  const cognito = stackCognito();
  return createLandslideClient({
    urls: { voteApi: "http://127.0.0.1:4000", controlApi: "http://127.0.0.1:4001", results: "http://127.0.0.1:4002" },
    cognito: { region: cognito.region, endpoint: cognito.endpoint, clientId: cognito.clientIds[app]! },
    userAgent: "landslide-e2e/1.0",
    // A script driving a browser announces it (navigator.webdriver); the risk layer weighs it.
    ...(options.automated ? { clientHints: () => ({ webdriver: true }) } : {}),
  });
}

/** A demo account signed in through the SDK, as a script or the CLI would be. */
export async function signedInClient(email: string, app: "voter-web" | "console"): Promise<LandslideClient> {
  const client = stackClient(app);
  await client.auth.signIn(email, demoPassword(email));
  return client;
}

/** A new voter account, signed up, confirmed with the code cognito-local keeps, and signed in through the SDK. */
export async function signedUpClient(
  options: { automated?: boolean } = {},
): Promise<{ client: LandslideClient; email: string }> {
  const email = `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = "E2e-Voter-Passw0rd";
  const client = stackClient("voter-web", options);
  await client.auth.signUp(email, password);
  await client.auth.confirmSignUp(email, await waitForConfirmationCode(`${dataDir}/data/cognito`, email));
  await client.auth.signIn(email, password);
  return { client, email };
}

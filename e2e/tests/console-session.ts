import { expect, type Page } from "@playwright/test";
import { demoPassword } from "./voter-session";

/** Signs a demo account in on the console's sign-in form, as an official would. */
export async function signInToConsole(page: Page, email: string, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the console" })).toBeVisible();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(demoPassword(email));
  await page.getByRole("button", { name: "Sign in" }).click();
}

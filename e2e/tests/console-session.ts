import { expect, type Page } from "@playwright/test";
import { demoPassword } from "./voter-session";

/**
 * Signs a demo account in on the console's sign-in form, as an official would, at `path` in
 * English: every console address carries its language (/en/…); one given without it gets /en.
 */
export async function signInToConsole(page: Page, email: string, path = "/"): Promise<void> {
  await page.goto(inEnglish(path));
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the console" })).toBeVisible();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(demoPassword(email));
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The English address of a console page: "/audit" → "/en/audit", "/" → "/en"; one with its language stays. */
export function inEnglish(path: string): string {
  if (/^\/[a-z]{2}(?:[/?]|$)/.test(path)) return path;
  return path === "/" ? "/en" : `/en${path}`;
}

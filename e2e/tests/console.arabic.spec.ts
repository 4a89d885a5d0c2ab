import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { demoPassword, DEMO_ELECTION } from "./voter-session";

/**
 * The console in Arabic: a first visit in an Arabic browser lands on /ar, the document reads from
 * the right (<html lang="ar" dir="rtl">), the elections list and an election's page are shot at
 * 320 and 1280 px into e2e/tour/console-ar/ without scrolling sideways, and the language switcher
 * leads to the same page in English with the official still signed in.
 */
const OFFICIAL = "official@demo.landslide.test";
const shots = fileURLToPath(new URL("../tour/console-ar/", import.meta.url));

/** The console's sign-in form, whatever its language: by its fields' types, not their words. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(demoPassword(email));
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('input[type="password"]')).toHaveCount(0, { timeout: 15_000 });
}

/** A full-page shot at each width, after checking that nothing makes the page scroll sideways. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: width === 320 ? 720 : 800 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}${name}-${width}.png`, fullPage: true });
  }
}

test("the console in Arabic reads from the right, and its switcher keeps the page and the session", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  mkdirSync(shots, { recursive: true });

  // A first visit without a language in the address is answered in the browser's.
  const context = await browser.newContext({ locale: "ar-EG", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/ar$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "سجّل الدخول إلى وحدة التحكم" })).toBeVisible();

  await signIn(page, OFFICIAL);
  await expect(page.getByRole("heading", { level: 1, name: "الانتخابات" })).toBeVisible();
  await expect(page.getByRole("table", { name: "كل الانتخابات، الأحدث أولًا" })).toBeVisible({ timeout: 15_000 });
  await shoot(page, "elections");

  // The demo election, reached by its link (a reload would sign out: the session lives in the tab).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator(`a[href="/ar/elections/${DEMO_ELECTION}"]`).first().click();
  await expect(page).toHaveURL(`/ar/elections/${DEMO_ELECTION}`);
  await expect(page.getByRole("navigation", { name: "هذه الانتخابات" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 2, name: "الجدول الزمني" })).toBeVisible();
  await shoot(page, "election");

  // English, from the switcher: the same election, still signed in, the document left to right.
  await page.setViewportSize({ width: 1280, height: 800 });
  const languages = page.getByRole("navigation", { name: "اللغة" });
  await expect(languages.getByRole("link", { name: "العربية" })).toHaveAttribute("aria-current", "true");
  await languages.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(`/en/elections/${DEMO_ELECTION}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("navigation", { name: "This election" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Schedule" })).toBeVisible();
  await expect(page.locator('input[type="password"]')).toHaveCount(0);

  // And back, by keyboard: the switcher's links are ordinary links in the tab order.
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/ar/elections/${DEMO_ELECTION}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await context.close();
});

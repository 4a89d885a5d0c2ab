import { expect, type Page } from "@playwright/test";

/**
 * What an official does on an election's pages in the console, as the specs that run one do it.
 */

/** The election's sub-pages, as tabs under its title. */
export const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "This election" }).getByRole("link", { name, exact: true });

/** Picks a lifecycle action ("Open") on the overview, answers why, confirms ("Open voting"). */
export async function move(page: Page, action: "Open" | "Close", reason: string) {
  const question = { Open: "Why open voting now?", Close: "Why close voting?" }[action];
  await page.getByRole("button", { name: action, exact: true }).click();
  await page.getByLabel(question).fill(reason);
  await page.getByRole("button", { name: `${action} voting` }).click();
  // In effect before the test moves on (a close takes a moment, announced): the tabs it opens come with it.
  const badge = page
    .getByRole("main")
    .locator("header")
    .getByText({ Open: "Open", Close: "Closed" }[action], { exact: true });
  if (action === "Close") await expect(page.getByText("Close recorded: voting stops within seconds.")).toBeVisible();
  await expect(badge).toBeVisible({ timeout: 10_000 });
}

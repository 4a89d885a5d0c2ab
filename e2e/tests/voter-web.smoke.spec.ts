import { expect, test } from "@playwright/test";

test("the voter site shows the open demo election and a healthy platform", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Landslide");
  await expect(page.getByRole("heading", { level: 1, name: "Elections" })).toBeVisible();
  const open = page.getByRole("list", { name: "Open elections" });
  await expect(open.getByRole("heading", { name: "Landslide Demo Election" })).toBeVisible();

  const health = page.getByRole("table", { name: "Each service and the dependencies it checks" });
  for (const service of ["Vote API", "Control API", "Results fan-out", "Aggregator"]) {
    const row = health
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${service}`) }) });
    await expect(row.getByText("Ready", { exact: true })).toBeVisible();
  }
});

test("the skip link moves keyboard focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the live results are public: a chart and a table per question, no sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Live results" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Live results" })).toBeVisible();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  for (const prompt of [
    "Which animal should be the city's mascot?",
    "Which parks should get new playgrounds? Choose one to three.",
    "Rank the candidates for council chair in order of preference.",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: prompt })).toBeVisible();
    await expect(page.getByRole("table", { name: `${prompt}: votes per option` })).toBeVisible();
  }
  await expect(page.locator(".recharts-bar-rectangle, .recharts-bar").first()).toBeAttached();
});

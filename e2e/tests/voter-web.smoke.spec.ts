import { expect, test } from "@playwright/test";

test("the voter site shows the open demo election, and no platform internals", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Landslide");
  await expect(page.getByRole("heading", { level: 1, name: "Elections" })).toBeVisible();
  const open = page.getByRole("list", { name: "Open elections" });
  await expect(open.getByRole("heading", { name: "Landslide Demo Election" })).toBeVisible();

  // Dates in words, counts that read right.
  const demo = open
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Landslide Demo Election" }) });
  const facts = demo.getByText(/^3 questions · closes /);
  await expect(facts).toBeVisible();
  // The month as a word and the viewer's time zone, not "Tue, 03 Mar 2026 14:05:00 GMT".
  expect(await facts.textContent()).toMatch(
    /closes (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}, /,
  );

  // Voting is up, so nothing is said of it; and the services, their addresses and timings are
  // the operators' business (the console), not the public's.
  await expect(page.getByText("Voting is temporarily unavailable", { exact: false })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/https?:\/\/|\d+\s?ms\b|Vote API|Control API|Aggregator|Results fan-out/);
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
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
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

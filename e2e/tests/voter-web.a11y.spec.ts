import { expect, test } from "@playwright/test";
import { seriousViolations } from "./serious-violations";

const DEMO = "/elections/00000000-0000-4000-8000-00000000de30";

for (const [name, path, ready] of [
  ["the elections list", "/", "Elections"],
  ["the ballot page, signed out", DEMO, "Landslide Demo Election"],
  ["the live results", `${DEMO}/results`, "Live results"],
  ["checking a receipt", "/receipts", "Check a receipt"],
] as const) {
  for (const width of [1280, 320]) {
    test(`${name} has no serious accessibility violation at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: ready })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

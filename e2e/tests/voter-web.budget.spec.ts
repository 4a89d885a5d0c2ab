import { expect, test } from "@playwright/test";

// The ballot page must stay light on a phone over a poor connection.
const BUDGET_BYTES = 200 * 1024;

test("the ballot page's JavaScript for first load stays under 200 KB gzipped", async ({ page }) => {
  await page.goto("/elections/00000000-0000-4000-8000-00000000de30");
  await expect(page.getByRole("heading", { level: 1, name: "Landslide Demo Election" })).toBeVisible();
  // Bytes on the wire (next start compresses), as the browser measured them.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter(
        (entry): entry is PerformanceResourceTiming =>
          entry instanceof PerformanceResourceTiming && entry.initiatorType === "script",
      )
      .map((entry) => ({ name: entry.name, bytes: entry.encodedBodySize })),
  );
  const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
  console.log(
    `ballot page, first load: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB compressed (budget ${BUDGET_BYTES / 1024} KB)`,
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(total).toBeLessThan(BUDGET_BYTES);
});

import { expect, test } from "@playwright/test";

test("the console lists the demo election as open and every service as ready", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Landslide Console");
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();

  const elections = page.getByRole("table", { name: "All elections and their status" });
  const demo = elections.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Landslide Demo Election" }) });
  await expect(demo.getByRole("cell", { name: "open" })).toBeVisible();

  const health = page.getByRole("table", { name: "Each service and the dependencies it checks" });
  await expect(health.getByText("Ready", { exact: true })).toHaveCount(4);
  await expect(page.getByText("No service answers")).toHaveCount(0);
});

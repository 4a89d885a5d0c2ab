import { expect, test } from "@playwright/test";
import { refusalOf } from "@landslide/api/client";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient } from "./voter-session";

test("an official signs in and sees every election; an operator also sees every service ready", async ({ page }) => {
  await signInToConsole(page, "official@demo.landslide.test");
  await expect(page).toHaveTitle("Landslide Console");
  await expect(page.getByRole("heading", { level: 1, name: "Elections" })).toBeVisible();
  const demo = page
    .getByRole("table", { name: "All elections, newest first" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Landslide Demo Election" }) });
  // The status in words, not the stored code.
  await expect(demo.getByRole("cell", { name: "Open" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The console's sections, the current one marked; officials are not operators: no operations view offered.
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link")).toHaveText(["Elections", "Fraud review", "Audit"]);
  await expect(nav.getByRole("link", { name: "Elections" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Operations", exact: true })).toHaveCount(0);
  await nav.getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Elections" })).not.toHaveAttribute("aria-current");
  await nav.getByRole("link", { name: "Elections" }).click();

  // On a phone the sections fold into a menu: shut, the page starts under a one-line header.
  await page.setViewportSize({ width: 390, height: 844 });
  const menu = nav.getByRole("button", { name: /^Menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Audit" })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Fraud review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fraud review" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // Esc shuts the open menu and gives focus back to its button.
  await menu.click();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInToConsole(page, "operator@demo.landslide.test");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Operations" }).click();
  const health = page.getByRole("table", { name: "Each service and the dependencies it checks" });
  await expect(health.getByText("Ready", { exact: true })).toHaveCount(4);
});

test("a voter's account opens no console page and is refused every official procedure", async ({ page }) => {
  for (const path of ["/", "/elections/new", "/audit", `/elections/00000000-0000-4000-8000-00000000de30/fraud`]) {
    await signInToConsole(page, "voter1@demo.landslide.test", path);
    await expect(page.getByRole("heading", { level: 1, name: "This console is for election officials" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console" })).toHaveCount(0);
  }
  expect(await seriousViolations(page)).toEqual([]);

  // The API decides, not the page: every official procedure refuses the voter's token.
  const voter = await signedInClient("voter1@demo.landslide.test", "console");
  const reasonOf = (call: () => Promise<unknown>) =>
    call().then(
      () => "accepted",
      (e: unknown) => refusalOf(e)?.reason ?? String(e),
    );
  const electionId = "00000000-0000-4000-8000-00000000de30";
  const attempts = {
    list: () => voter.control.official.elections.list.query(),
    dashboard: () => voter.control.official.elections.dashboard.query({ electionId }),
    transition: () =>
      voter.control.official.elections.transition.mutate({ electionId, to: "closed", reason: "voter tries" }),
    recount: () => voter.control.official.elections.recount.mutate({ electionId }),
    roll: () => voter.control.official.voterRoll.import.mutate({ electionId, rows: [{ email: "me@example.org" }] }),
    fraud: () => voter.control.official.fraud.groups.query({ electionId }),
    audit: () => voter.control.official.audit.list.query({}),
  };
  for (const [name, call] of Object.entries(attempts))
    expect([name, await reasonOf(call)]).toEqual([name, "ROLE_REQUIRED"]);
});

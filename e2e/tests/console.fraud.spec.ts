import { expect, type Page, test } from "@playwright/test";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { DEMO_ELECTION, signedUpClient } from "./voter-session";

test.setTimeout(180_000);

const BOTS = 5;
// The demo election's ballot (vote-engine/src/election/demo.ts).
const ballot = {
  answers: { mascot: { choices: ["otter"] }, parks: { choices: ["hilltop"] }, "council-chair": { choices: ["bruno"] } },
};

async function shots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px`,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an official finds held ballots from the header, reviews them once each, decides them, and finds the decision in the audit trail", async ({
  page,
}) => {
  // A burst of scripted accounts announcing automation, from one address: held for review, in one
  // burst and one address block at once (two groups of the same ballots, which the page lists once).
  const bots: Awaited<ReturnType<typeof signedUpClient>>[] = [];
  // The launcher may still be writing the stack's description when the first spec starts (this one
  // runs first): the first sign-up waits for it; it fails before creating any account, so it is safe to repeat.
  await expect(async () => {
    bots.push(await signedUpClient({ automated: true }));
  }).toPass({ timeout: 60_000 });
  while (bots.length < BOTS) bots.push(await signedUpClient({ automated: true }));
  await Promise.all(bots.map((b) => b.client.prepareHumanCheck()));
  await new Promise((resolve) => setTimeout(resolve, 1600)); // a person's pace after the check, so only automation is held
  for (const bot of bots)
    expect((await bot.client.castBallot({ electionId: DEMO_ELECTION, ballot })).decision).toBe("quarantined");

  // Deployment-wide, from the header: the elections with ballots waiting, each linking to its review.
  await signInToConsole(page, "official@demo.landslide.test");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(page.getByRole("table", { name: "All elections, newest first" })).toContainText(`${BOTS} ballots`);
  await shots(page, "home");
  await nav.getByRole("link", { name: "Fraud review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fraud review" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Fraud review" })).toHaveAttribute("aria-current", "page");
  const waiting = page.getByRole("table", { name: "Elections with ballots held for review, most first" });
  await expect(waiting.getByRole("row").filter({ hasText: "Landslide Demo Election" })).toContainText(
    `${BOTS} ballots`,
    { timeout: 15_000 },
  );
  expect(await seriousViolations(page)).toEqual([]);
  await shots(page, "fraud-overview");
  await waiting.getByRole("link", { name: "Landslide Demo Election" }).click();

  // The election's review: still under "Fraud review" in the header.
  await expect(page.getByTestId("fraud-counts")).toContainText(`${BOTS} held for review, 0 released, 0 voided`);
  await expect(nav.getByRole("link", { name: "Fraud review" })).toHaveAttribute("aria-current", "true");
  // One group listed, collapsed to its summary line (the API's other group of the same ballots is
  // named inside it, not listed again), and no ballot listed a second time on its own.
  const groups = page.getByRole("region", { name: /: \d+ ballots?$/ });
  await expect(groups).toHaveCount(1);
  const group = page.getByRole("region", {
    name: new RegExp(`^(A burst of held ballots|Several ballots from one address block): ${BOTS} ballots$`),
  });
  await expect(group).toContainText("Automated browser");
  await expect(page.getByRole("heading", { name: /Held ballots in no group/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await shots(page, "fraud-review-collapsed");

  // Opened: why they were held in words, the overlap, and each ballot once, selectable on its own.
  await group.getByText("Evidence and decision").click();
  await expect(group.getByRole("listitem").filter({ hasText: `Automated browser (${BOTS} of ${BOTS})` })).toContainText(
    "The browser said it was driven by automation.",
  );
  // Five ballots from one address inside ten seconds are a burst and an address block at once.
  await expect(group).toContainText(`Also: ${BOTS} of these are in “`);
  await expect(page.getByRole("checkbox", { name: /^Ballot \d+$/ })).toHaveCount(BOTS);
  await expect(group.getByText("AUTOMATION_DECLARED")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await shots(page, "fraud-review-open");

  // One released alone, through the selection; the outcome in a success tone.
  await page
    .getByRole("checkbox", { name: /^Ballot \d+$/ })
    .first()
    .check();
  await expect(page.getByText("1 ballot selected")).toBeVisible();
  const selected = page.getByRole("form", { name: "Decide the 1 selected" });
  await selected.getByLabel("Reason for deciding the 1 selected").fill("voter confirmed in person");
  await selected.getByRole("button", { name: "Release the 1 selected (count)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded" })).toContainText(
    "1 ballot released (counted).",
  );
  await expect(page.getByTestId("fraud-counts")).toContainText(`${BOTS - 1} held for review, 1 released, 0 voided`);

  // The rest voided together.
  const rest = page.getByRole("region", { name: new RegExp(`: ${BOTS - 1} ballots$`) });
  if (!(await rest.getByLabel(/^Reason for deciding all/).isVisible()))
    await rest.getByText("Evidence and decision").click();
  await rest.getByLabel(/^Reason for deciding all/).fill("one script, five accounts");
  await rest.getByRole("button", { name: `Void all ${BOTS - 1} in this group (never count)` }).click();
  await expect(page.getByTestId("fraud-counts")).toContainText(`0 held for review, 1 released, ${BOTS - 1} voided`);
  await expect(page.getByRole("heading", { name: "Nothing is held in this election" })).toBeVisible();
  await page.getByText(`Decided ballots (${BOTS})`).click();
  await expect(page.getByText("Released and counted")).toHaveCount(1);
  await shots(page, "fraud-review-decided");

  // The audit trail: the decision in words, the recorded action small beside it, filtered by its label.
  await nav.getByRole("link", { name: "Audit" }).click();
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Held ballots voided" });
  await page.getByRole("button", { name: "Show actions" }).click();
  await expect(page).toHaveURL(/action=fraud\.void/);
  const row = page
    .getByRole("table", { name: "Recorded actions, newest first" })
    .getByRole("row")
    .filter({ hasText: "one script, five accounts" });
  await expect(row).toContainText("Held ballots voided");
  await expect(row.locator("code", { hasText: "fraud.void" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Landslide Demo Election" })).toBeVisible();
  await expect(row).toContainText(`Ballots decided: ${BOTS - 1} ballots`);
  expect(await seriousViolations(page)).toEqual([]);
  await shots(page, "audit");
});

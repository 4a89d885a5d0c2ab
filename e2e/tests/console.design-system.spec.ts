import { expect, type Page, test } from "@playwright/test";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";

// The gallery of @landslide/ui/components (apps/console/app/design-system): each group of
// components photographed at a phone's width and a desktop's, and compared with the committed
// baselines, so a change to the shared styles that moves a pixel anywhere shows up here first.
// A fixed zone and locale: the dates are drawn in the viewer's.
test.use({ locale: "en-GB", timezoneId: "Europe/Paris" });

const groups = [
  "tokens",
  "buttons",
  "fields",
  "choices",
  "feedback",
  "panels",
  "tables",
  "dialogs",
  "tabs",
  "dates",
  "legacy",
];
const widths = [390, 1280] as const;
const tolerance = { maxDiffPixelRatio: 0.01, animations: "disabled" } as const;

async function openGallery(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await signInToConsole(page, "official@demo.landslide.test", "/design-system");
  await expect(page.getByRole("heading", { level: 1, name: "Design system" })).toBeVisible();
  // Hydrated: the dates have been rewritten in the viewer's zone (Paris, an hour ahead of UTC in December).
  await expect(page.locator("[data-gallery=dates] time").first()).toHaveText("2 Dec 2026, 15:05 CET");
}

for (const width of widths) {
  test(`every component group looks as it did, at ${width} px`, async ({ page }) => {
    await openGallery(page, width);
    // Nothing scrolls the page sideways, at a phone's width either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    for (const group of groups) {
      const section = page.locator(`[data-gallery="${group}"]`);
      await expect(section).toHaveScreenshot(`${group}-${width}.png`, {
        ...tolerance,
        // "5 months ago" changes with the day the test runs.
        mask: [page.locator("[data-relative]")],
      });
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  test(`a dialog traps focus, closes on Esc and gives focus back, at ${width} px`, async ({ page }) => {
    await openGallery(page, width);
    const trigger = page.getByRole("button", { name: "Open a dialog" });
    await trigger.click();
    const dialog = page.getByRole("dialog", { name: "Rename the election" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(
      "Voters see the new name at once, on the ballot and the results page.",
    );
    await expect(dialog).toHaveScreenshot(`dialog-${width}.png`, tolerance);
    // Tab cycles inside: past the last button, focus comes back to the first control of the dialog.
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });
}

test("a confirmation asks for the typed text, shows a failure and keeps the dialog open", async ({ page }) => {
  await openGallery(page, 390);
  await page.getByRole("button", { name: "Certify…" }).click();
  const certify = page.getByRole("alertdialog", { name: "Certify the results?" });
  await expect(certify.getByRole("button", { name: "Cancel" })).toBeFocused();
  const confirm = certify.getByRole("button", { name: "Certify", exact: true });
  await expect(confirm).toBeDisabled();
  await certify.getByLabel("Type City council 2026 to confirm").fill("City council 2026");
  await expect(certify).toHaveScreenshot("confirm-typed-390.png", tolerance);
  await confirm.click();
  await expect(certify).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Certified." })).toBeVisible();

  await page.getByRole("button", { name: "A confirmation that fails…" }).click();
  const failing = page.getByRole("alertdialog", { name: "Close voting now?" });
  await failing.getByRole("button", { name: "Close voting" }).click();
  await expect(failing.getByRole("alert")).toHaveText("The control API did not answer. Nothing changed.");
  await expect(failing).toHaveScreenshot("confirm-failed-390.png", tolerance);
  await failing.getByRole("button", { name: "Cancel" }).click();
  await expect(failing).toBeHidden();
});

test("radios, checkboxes and tabs answer the keyboard", async ({ page }) => {
  await openGallery(page, 1280);
  const decision = page.getByRole("radiogroup", { name: "Decision on the held ballots" });
  await decision.getByRole("radio", { name: "Release" }).focus();
  // Held down as a person holds a key: Radix checks the radio the arrow moves to while the key is down.
  await page.keyboard.down("ArrowDown");
  await expect(decision.getByRole("radio", { name: "Void" })).toBeFocused();
  await expect(decision.getByRole("radio", { name: "Void" })).toBeChecked();
  await page.keyboard.up("ArrowDown");
  const copy = page.getByRole("checkbox", { name: "Send me a copy" });
  await copy.focus();
  await page.keyboard.press("Space");
  await expect(copy).toBeChecked();
  const tabs = page.getByRole("tablist", { name: "Results views" });
  await tabs.getByRole("tab", { name: "Table" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Chart" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Chart" })).toHaveText("Votes per option, as bars.");
});

import { existsSync, readdirSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "./serious-violations";
import { demoPassword, signedInClient } from "./voter-session";

/**
 * axe (WCAG 2.2 A and AA rules: no serious or critical violation) on the console's main pages at
 * 1280 and 320 px, in each of the console's languages: one per apps/console/messages/<locale>.json
 * once the console has that folder, English alone until then. Addresses carry no language: the
 * browser's (its Accept-Language) picks it, as the console's proxy redirects them. Nothing here
 * reads the console's words: controls are found by their type and pages by the election's title.
 */

const consoleMessages = new URL("../../apps/console/messages/", import.meta.url);
const consoleLocales: readonly string[] = existsSync(consoleMessages)
  ? readdirSync(consoleMessages)
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.slice(0, -".json".length))
      .sort()
  : ["en"];

const OFFICIAL = "official@demo.landslide.test";
const OPERATOR = "operator@demo.landslide.test";

/** Signs a demo account in on the sign-in form the page shows, whatever its language. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(demoPassword(email));
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
}

/** Nothing on the page is still loading: no spinner, no "Loading…" status. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator(".ls-spinner")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: /…\s*$/ })).toHaveCount(0, { timeout: 15_000 });
}

/** One election on a voter roll, open, as an official made it: every tab has something to show. */
let election: { id: string; title: string };

test.beforeAll(async () => {
  const official = await signedInClient(OFFICIAL, "console");
  const title = `Harbour council for the console's accessibility (${new Date().toISOString().slice(11, 19)})`;
  const created = await official.control.official.elections.create.mutate({
    election: {
      title,
      eligibility: "voter-roll",
      questions: [
        {
          id: "ferry",
          kind: "single",
          prompt: "Keep the night ferry?",
          minChoices: 1,
          maxChoices: 1,
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
        {
          id: "chair",
          kind: "ranked",
          prompt: "Rank the candidates for chair",
          minChoices: 1,
          maxChoices: 3,
          options: [
            { id: "ines", label: "Ines Duarte" },
            { id: "tomas", label: "Tomas Berg" },
            { id: "wen", label: "Wen Li" },
          ],
        },
      ],
    },
    reason: "e2e: the console's accessibility",
  });
  await official.control.official.voterRoll.import.mutate({
    electionId: created.id,
    rows: [{ email: "voter1@demo.landslide.test" }, { email: `e2e.console.${Date.now()}@example.org`, language: "es" }],
  });
  await official.control.official.elections.transition.mutate({ electionId: created.id, to: "open", reason: "e2e" });
  election = { id: created.id, title };
});

for (const locale of consoleLocales)
  test.describe(`the console in ${locale}`, () => {
    test.use({ locale });

    test("the main pages: no serious accessibility violation at 1280 and 320 px", async ({ page }) => {
      test.setTimeout(120_000);
      /** Once `ready` shows and nothing is loading, axe at each width; soft, so every page and width is reported. */
      const check = async (name: string, ready: Locator) => {
        await expect(ready).toBeVisible({ timeout: 15_000 });
        await settled(page);
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 900 });
          expect.soft(await seriousViolations(page), `${name} (${locale}) at ${width} px`).toEqual([]);
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      };
      // A session lives in its tab: once signed in, the pages are reached by their links (found by
      // where they lead, not by their words), each marked as the current one once it is shown.
      const follow = async (path: string) => {
        // Not the language switcher's links: they lead to this same page in each language.
        const link = page.locator(`a[href$="${path}"]:not([hreflang])`).first();
        await link.click();
        await expect(link).toHaveAttribute("aria-current", "page");
      };
      const title = page.getByRole("heading", { level: 1, name: election.title });

      await page.goto("/operations");
      await check("the sign-in gate", page.locator('input[type="password"]'));
      await signIn(page, OPERATOR);
      await check("the operations view", page.getByRole("table").first());

      await page.goto("/");
      await signIn(page, OFFICIAL);
      await check("the elections list", page.getByRole("link", { name: election.title }));
      await page.getByRole("link", { name: election.title }).click();
      await check("an election's overview", title);
      for (const [name, tab] of [
        ["ballot", "ballot"],
        ["voter roll", "roll"],
        ["fraud review", "fraud"],
        ["mail", "mail"],
      ] as const) {
        await follow(`/elections/${election.id}/${tab}`);
        await check(`an election's ${name}`, title);
      }
      await follow("/audit");
      await check("the audit trail", page.getByRole("table"));
    });
  });

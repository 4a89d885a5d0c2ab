import { expect, type Locator, type Page } from "@playwright/test";
import {
  type AccessibilityElections,
  everyKind,
  expectAccessibleAtEveryWidth,
  newVoter,
  say,
  signInOnBallotPage,
  tagged,
  test,
  type VoterMessages,
  voterLocales,
  voterMessages,
} from "./accessibility";
import { personsUserAgent } from "./voter-session";

/**
 * axe (WCAG 2.2 A and AA rules: no serious or critical violation) and reflow (no sideways
 * scrolling) on every page of the voter site, in every language the site has a messages file
 * for, at 1280 and 320 px. What a page shows after sign-in and a cast is checked along one
 * voter's way per language, so each language signs in and casts once.
 */

// A person's browser: the voter who casts must not be held for review as a script.
test.use({ userAgent: personsUserAgent });

interface PageUnderTest {
  readonly name: string;
  readonly path: (elections: AccessibilityElections) => string;
  /** Shown once the page has what it loads: axe runs on that, not on a "Loading…" line. */
  readonly ready: (page: Page, t: VoterMessages) => Locator;
}

/** The pages anyone sees without signing in. */
const publicPages: readonly PageUnderTest[] = [
  {
    name: "the elections list",
    path: () => "/",
    ready: (page, t) => page.getByRole("list", { name: t.elections.open.label }),
  },
  {
    name: "the live results",
    path: (e) => `/elections/${e.open}/results`,
    ready: (page) => page.getByRole("heading", { level: 2, name: everyKind.ranked.prompt }),
  },
  {
    name: "the final result",
    path: (e) => `/elections/${e.closed}/results`,
    ready: (page, t) => page.getByText(t.ui.runoffElected).first(),
  },
  {
    name: "the results widget",
    path: (e) => `/embed/elections/${e.open}`,
    ready: (page) => page.getByTestId("turnout"),
  },
  {
    name: "checking a receipt",
    path: () => "/receipts",
    ready: (page, t) => page.getByRole("button", { name: t.receipts.check }),
  },
  {
    name: "the unsubscribe page without its token",
    path: () => "/unsubscribe",
    ready: (page, t) => page.getByRole("status").getByText(t.unsubscribe.noToken),
  },
  {
    name: "the unsubscribe page",
    path: () => "/unsubscribe?token=an-unsubscribe-token-from-an-e-mail",
    ready: (page, t) => page.getByRole("button", { name: t.unsubscribe.stop }),
  },
  {
    name: "a page that does not exist",
    path: () => "/no-such-page",
    ready: (page, t) => page.getByRole("heading", { level: 1, name: t.notFound.heading }),
  },
];

for (const locale of voterLocales) {
  const t = voterMessages(locale);

  test.describe(`the voter site in ${locale}`, () => {
    test(`the public pages: no serious violation, no sideways scrolling (${publicPages.map((p) => p.name).join(", ")})`, async ({
      page,
      elections,
    }) => {
      test.setTimeout(90_000);
      for (const { name, path, ready } of publicPages)
        await test.step(name, async () => {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.goto(`/${locale}${path(elections)}`);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await expect(ready(page, t)).toBeVisible({ timeout: 15_000 });
          await expectAccessibleAtEveryWidth(page, `${name} (${locale})`);
        });
    });

    test("a voter's way: signed out, signed in, a ballot not ready, the review, the receipt, the receipt checked", async ({
      page,
      elections,
    }) => {
      test.setTimeout(90_000);
      const voter = await newVoter();
      await page.goto(`/${locale}/elections/${elections.open}`);
      await expect(page.getByRole("button", { name: t.ui.createAccount })).toBeVisible();
      await expectAccessibleAtEveryWidth(page, `the ballot page signed out (${locale})`);

      await page.setViewportSize({ width: 1280, height: 900 });
      await signInOnBallotPage(page, t, voter);
      await expectAccessibleAtEveryWidth(page, `the ballot (${locale})`);

      // Reviewing an empty ballot: what is missing is said, and the page stays accessible saying it.
      await page.getByRole("button", { name: t.vote.reviewBallot }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectAccessibleAtEveryWidth(page, `the ballot with its problems (${locale})`);

      const ballot = page.getByRole("form", { name: t.vote.ballotLabel });
      await ballot.getByRole("radio", { name: "Puffin" }).check();
      await ballot.getByRole("checkbox", { name: "Harbour Green" }).check();
      await ballot.getByRole("button", { name: say(t.ballot.rank, { option: "Chiara Esposito" }) }).click();
      await ballot.getByRole("button", { name: say(t.ballot.rank, { option: "Bjørn Halvorsen" }) }).click();
      await ballot
        .getByRole("group", { name: everyKind.abstained.prompt })
        .getByRole("checkbox", { name: t.ballot.abstain })
        .check();
      await page.getByRole("button", { name: t.vote.reviewBallot }).click();
      await expect(page.getByRole("heading", { name: t.review.heading })).toBeVisible();
      await expectAccessibleAtEveryWidth(page, `the review (${locale})`);

      await page.getByRole("button", { name: t.review.cast }).click();
      const receipt = page.getByRole("region", { name: t.receipt.heading });
      // The signature is checked in the browser: the receipt is complete once it says so.
      await expect(receipt.getByText(t.receipt.genuineYes)).toBeVisible({ timeout: 20_000 });
      await expectAccessibleAtEveryWidth(page, `the receipt after a cast (${locale})`);

      await receipt.getByRole("link", { name: tagged(t.receipt.keep, "link") }).click();
      await expect(page.getByRole("region", { name: t.receipts.resultLabel })).toBeVisible({ timeout: 15_000 });
      await expectAccessibleAtEveryWidth(page, `the receipt checked (${locale})`);
    });
  });
}

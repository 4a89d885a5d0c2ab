import { expect, type Page } from "@playwright/test";
import { everyKind, newVoter, say, sidewaysScroll, signInOnBallotPage, test, voterMessages } from "./accessibility";
import { personsUserAgent } from "./voter-session";

// A person's browser: the voter who casts must not be held for review as a script.
test.use({ userAgent: personsUserAgent });

const en = voterMessages("en");

/**
 * Every element that moves for longer than a blink (0.01 s) under the page's current media: a CSS
 * animation (its duration times its iterations, an infinite one at any duration) or a transition.
 */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (value: string) =>
      Math.max(...value.split(",").map((part) => parseFloat(part) * (part.trim().endsWith("ms") ? 0.001 : 1)));
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const style = getComputedStyle(element);
      const iterations = style.animationIterationCount.includes("infinite")
        ? Infinity
        : Math.max(...style.animationIterationCount.split(",").map(Number));
      const animation = style.animationName !== "none" ? seconds(style.animationDuration) * iterations : 0;
      const transition = style.transitionProperty !== "none" ? seconds(style.transitionDuration) : 0;
      if (animation > 0.01 || transition > 0.01)
        found.push(
          `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}">: animation ${style.animationName} ${style.animationDuration} × ${style.animationIterationCount}, transition ${style.transitionProperty} ${style.transitionDuration}`,
        );
    }
    return found;
  });
}

/** The busy indicators the shared styles define (packages/ui), put on the page as the console shows them. */
async function addBusyIndicators(page: Page): Promise<void> {
  await page.evaluate(() => {
    const busy = document.createElement("div");
    busy.innerHTML =
      '<span role="status" class="ls-spinner-with-label"><span class="ls-spinner" aria-hidden="true"></span><span>Loading…</span></span>' +
      '<button type="button" class="ls-button ls-button-primary ls-button-md" aria-busy="true" aria-disabled="true"><span class="ls-spinner" aria-hidden="true"></span>Saving</button>';
    document.querySelector("main")!.append(busy);
  });
}

test("asked for reduced motion, nothing on the voter site animates: live results, the widget, the ballot while it is sent, the shared spinner", async ({
  page,
  elections,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const path of [`/en/elections/${elections.open}/results`, `/en/embed/elections/${elections.open}`]) {
    await page.goto(path);
    await expect(page.getByTestId("turnout")).toBeVisible();
    await addBusyIndicators(page);
    expect(await moving(page), path).toEqual([]);
  }

  await page.goto(`/en/elections/${elections.open}`);
  await signInOnBallotPage(page, en, await newVoter());
  const ballot = page.getByRole("form", { name: en.vote.ballotLabel });
  for (const question of [everyKind.single, everyKind.multi, everyKind.ranked, everyKind.abstained])
    await ballot
      .getByRole("group", { name: question.prompt })
      .getByRole("checkbox", { name: en.ballot.abstain })
      .check();
  await page.getByRole("button", { name: en.vote.reviewBallot }).click();
  // The ballot on its way: held back a moment, so the page is looked at while it says it is sending.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/trpc/voter.cast**", async (route) => {
    await released;
    await route.continue();
  });
  await page.getByRole("button", { name: en.review.cast }).click();
  await expect(page.getByText(en.outcome.sending)).toBeVisible();
  expect(await moving(page), "the ballot being sent").toEqual([]);
  release();
  await expect(page.getByRole("heading", { name: en.receipt.heading })).toBeVisible({ timeout: 20_000 });
  expect(await moving(page), "the receipt").toEqual([]);

  // Without the preference, the spinner does turn: the check above would see it.
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await addBusyIndicators(page);
  expect(await moving(page)).not.toEqual([]);
});

test.describe("at 200% zoom (a 1280 px screen: 640 CSS px wide, 2 device pixels each)", () => {
  test.use({ viewport: { width: 640, height: 512 }, deviceScaleFactor: 2 });

  test("the ballot, its review and the receipt reflow: nothing scrolls sideways, every option and the cast button can be reached and seen", async ({
    page,
    elections,
  }) => {
    await page.goto(`/en/elections/${elections.open}`);
    await signInOnBallotPage(page, en, await newVoter());
    expect(await sidewaysScroll(page), "the ballot scrolls sideways").toBeLessThanOrEqual(0);
    const ballot = page.getByRole("form", { name: en.vote.ballotLabel });
    for (const question of Object.values(everyKind)) {
      const group = ballot.getByRole("group", { name: question.prompt });
      const controls =
        question.kind === "ranked"
          ? question.options.map((o) => group.getByRole("button", { name: say(en.ballot.rank, { option: o.label }) }))
          : question.options.map((o) =>
              group.getByRole(question.kind === "single" ? "radio" : "checkbox", { name: o.label }),
            );
      for (const control of [...controls, group.getByRole("checkbox", { name: en.ballot.abstain })]) {
        await control.scrollIntoViewIfNeeded();
        await expect(control).toBeInViewport();
      }
    }
    await ballot.getByRole("radio", { name: "Otter" }).check();
    await ballot.getByRole("checkbox", { name: "Riverside Park" }).check();
    for (const option of everyKind.ranked.options)
      await ballot.getByRole("button", { name: say(en.ballot.rank, { option: option.label }) }).click();
    // The ranking, its three buttons per option included, fits too.
    expect(await sidewaysScroll(page), "the ranked ballot scrolls sideways").toBeLessThanOrEqual(0);
    await ballot.getByRole("radio", { name: "Yes" }).check();
    await page.getByRole("button", { name: en.vote.reviewBallot }).click();

    const cast = page.getByRole("button", { name: en.review.cast });
    await cast.scrollIntoViewIfNeeded();
    await expect(cast).toBeInViewport();
    expect(await sidewaysScroll(page), "the review scrolls sideways").toBeLessThanOrEqual(0);
    await cast.click();
    await expect(page.getByRole("heading", { name: en.receipt.heading })).toBeVisible({ timeout: 20_000 });
    expect(await sidewaysScroll(page), "the receipt scrolls sideways").toBeLessThanOrEqual(0);
  });

  test("the public pages reflow: nothing scrolls sideways", async ({ page, elections }) => {
    for (const [path, ready] of [
      ["/en", page.getByRole("list", { name: en.elections.open.label })],
      [`/en/elections/${elections.open}/results`, page.getByTestId("turnout")],
      [`/en/elections/${elections.closed}/results`, page.getByText(en.ui.runoffElected).first()],
      [`/en/embed/elections/${elections.open}`, page.getByTestId("turnout")],
      ["/en/receipts", page.getByRole("button", { name: en.receipts.check })],
      [
        "/en/unsubscribe?token=an-unsubscribe-token-from-an-e-mail",
        page.getByRole("button", { name: en.unsubscribe.stop }),
      ],
    ] as const) {
      await page.goto(path);
      await expect(ready).toBeVisible();
      expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

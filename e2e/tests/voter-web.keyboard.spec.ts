import { expect, type Locator, type Page } from "@playwright/test";
import { everyKind, focusProblem, newVoter, say, test, voterMessages } from "./accessibility";
import { personsUserAgent } from "./voter-session";

// A person's browser: the voter who casts must not be held for review as a script.
test.use({ userAgent: personsUserAgent });

const ar = voterMessages("ar");

/**
 * Moves focus with Tab (or Shift+Tab) until the target has it, as a keyboard user goes through the
 * page; every control focused on the way must show where focus is (WCAG 2.4.7) and be on screen.
 */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let presses = 0; presses <= 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
    expect(await focusProblem(page), `after ${presses + 1} × ${key} towards ${target.toString()}`).toBeNull();
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** A text, as a regular expression that matches exactly it. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** After a key press that changes the page, focus is still on something visible, never dropped to the page. */
async function focusKept(page: Page, after: string): Promise<void> {
  expect(await focusProblem(page), `after ${after}`).toBeNull();
}

test("in Arabic, the keyboard alone signs in and casts a ballot with every kind of question and an abstention; focus stays visible and lands on the receipt", async ({
  page,
  elections,
}) => {
  test.setTimeout(60_000);
  const voter = await newVoter();
  await page.goto(`/ar/elections/${elections.open}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  // Signing in: typed, then Enter submits the form.
  await tabTo(page, page.getByLabel(ar.ui.signInEmail, { exact: true }));
  await page.keyboard.type(voter.email);
  await tabTo(page, page.getByLabel(ar.ui.signInPassword, { exact: true }));
  await page.keyboard.type(voter.password);
  await page.keyboard.press("Enter");
  const ballot = page.getByRole("form", { name: ar.vote.ballotLabel });
  await expect(ballot).toBeVisible();

  // One choice: Tab into the group, the arrows move the choice (down is the next one in either direction).
  const single = ballot.getByRole("group", { name: everyKind.single.prompt });
  await tabTo(page, single.getByRole("radio", { name: "Otter" }));
  await page.keyboard.press("ArrowDown");
  await expect(single.getByRole("radio", { name: "Heron" })).toBeChecked();
  await expect(single.getByRole("radio", { name: "Heron" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(single.getByRole("radio", { name: "Puffin" })).toBeChecked();
  await focusKept(page, "the arrow keys in a radio group");

  // Several choices: Space ticks each box.
  const multi = ballot.getByRole("group", { name: everyKind.multi.prompt });
  await tabTo(page, multi.getByRole("checkbox", { name: "Riverside Park" }));
  await page.keyboard.press("Space");
  await tabTo(page, multi.getByRole("checkbox", { name: "Harbour Green" }));
  await page.keyboard.press("Space");
  await expect(multi.getByRole("checkbox", { name: "Riverside Park" })).toBeChecked();
  await expect(multi.getByRole("checkbox", { name: "Harbour Green" })).toBeChecked();

  // A ranking: Enter on "Rank …" adds an option; the pressed button goes, and focus moves on rather than being lost.
  const ranked = ballot.getByRole("group", { name: everyKind.ranked.prompt });
  const rank = (option: string) => ranked.getByRole("button", { name: say(ar.ballot.rank, { option }) });
  await tabTo(page, rank("Bjørn Halvorsen"));
  await page.keyboard.press("Enter");
  await focusKept(page, "ranking Bjørn Halvorsen");
  await tabTo(page, rank("Chiara Esposito"));
  await page.keyboard.press("Enter");
  await focusKept(page, "ranking Chiara Esposito");
  // Back up the page with Shift+Tab to the ranking above, and move Chiara up.
  await tabTo(
    page,
    ranked.getByRole("button", { name: say(ar.ballot.moveUp, { option: "Chiara Esposito" }) }),
    "Shift+Tab",
  );
  await page.keyboard.press("Enter");
  await focusKept(page, "moving Chiara Esposito up");
  const ranking = ranked.getByRole("list", { name: say(ar.ballot.rankingLabel, { prompt: everyKind.ranked.prompt }) });
  await expect(ranking.getByRole("listitem")).toHaveText([/Chiara Esposito/, /Bjørn Halvorsen/]);

  // An abstention on the last question.
  const abstained = ballot.getByRole("group", { name: everyKind.abstained.prompt });
  await tabTo(page, abstained.getByRole("checkbox", { name: ar.ballot.abstain }));
  await page.keyboard.press("Space");
  await expect(abstained.getByRole("checkbox", { name: ar.ballot.abstain })).toBeChecked();

  // Review: the form gives way to the ballot read back, and focus goes to its heading.
  await tabTo(page, page.getByRole("button", { name: ar.vote.reviewBallot }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: ar.review.heading })).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: ar.review.cast }));
  await page.keyboard.press("Enter");

  // The cast: focus moves to the receipt's heading, which says what happened.
  const receiptHeading = page.getByRole("heading", { level: 2, name: ar.receipt.heading });
  await expect(receiptHeading).toBeFocused({ timeout: 20_000 });
  await focusKept(page, "the cast");
  // Counted, or held for review should the risk score say so: either way it is said in the status region.
  const outcome = new RegExp(`^(${literal(ar.outcome.counted)}|${literal(ar.outcome.underReview)})$`);
  await expect(page.getByRole("status").filter({ hasText: outcome })).toBeVisible();
});

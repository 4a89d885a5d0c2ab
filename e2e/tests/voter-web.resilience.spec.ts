import { expect, type Page, test } from "@playwright/test";
import { DEMO_ELECTION, personsUserAgent, signedInClient, signUpOnBallotPage } from "./voter-session";

test.use({ userAgent: personsUserAgent });
test.setTimeout(60_000);

/** The official's view through the SDK: how many votes the election holds, counted from the votes themselves. */
async function votesStored(): Promise<number> {
  const official = await signedInClient("official@demo.landslide.test", "console");
  return (await official.control.official.elections.recount.mutate({ electionId: DEMO_ELECTION })).votesRead;
}

async function fillBallot(page: Page) {
  const ballot = page.getByRole("form", { name: "Ballot" });
  await ballot.getByRole("radio", { name: "Heron" }).check();
  await ballot.getByRole("checkbox", { name: "Harbour Green" }).check();
  await ballot.getByRole("button", { name: "Rank Dolores Ruiz" }).click();
  await page.getByRole("button", { name: "Review my ballot" }).click();
}

test("a cast whose answer is lost on the way back is sent again with the same key, and counts once", async ({
  page,
}) => {
  const before = await votesStored();
  await page.goto(`/elections/${DEMO_ELECTION}`);
  await signUpOnBallotPage(page);
  await fillBallot(page);
  let casts = 0;
  await page.route("**/trpc/voter.cast", async (route) => {
    casts += 1;
    if (casts === 1) {
      await route.fetch(); // the server takes the ballot...
      await route.abort("connectionreset"); // ...and the answer never arrives
    } else {
      await route.continue();
    }
  });
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 15_000 });
  expect(casts).toBe(2);
  expect(await votesStored()).toBe(before + 1);
});

test("a reload in the middle of a cast never makes two votes", async ({ page }) => {
  const before = await votesStored();
  await page.goto(`/elections/${DEMO_ELECTION}`);
  const account = await signUpOnBallotPage(page);
  await fillBallot(page);
  let reachedServer!: () => void;
  const atServer = new Promise<void>((resolve) => (reachedServer = resolve));
  await page.route("**/trpc/voter.cast", async (route) => {
    await route.fetch().catch(() => undefined); // the ballot reaches the server; the page is gone before it hears back
    reachedServer();
  });
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await atServer;
  await page.unroute("**/trpc/voter.cast");
  await page.reload();
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The site finds the ballot already cast and shows its receipt instead of a second ballot.
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your receipt" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Ballot" })).toHaveCount(0);
  expect(await votesStored()).toBe(before + 1);
});

test("the keyboard alone casts a ranked ballot", async ({ page }) => {
  await page.goto(`/elections/${DEMO_ELECTION}`);
  await signUpOnBallotPage(page);
  const ballot = page.getByRole("form", { name: "Ballot" });
  /** Presses Tab until the target has focus, as a keyboard user moves through the page. */
  const tabTo = async (target: ReturnType<Page["getByRole"]>) => {
    for (let presses = 0; presses < 60; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("never reached by Tab");
  };
  await tabTo(ballot.getByRole("radio", { name: "Heron" }));
  await page.keyboard.press("ArrowDown"); // radios move with the arrows: Otter
  await expect(ballot.getByRole("radio", { name: "Otter" })).toBeChecked();
  await tabTo(ballot.getByRole("checkbox", { name: "Hilltop Gardens" }));
  await page.keyboard.press("Space");
  await tabTo(ballot.getByRole("button", { name: "Rank Bruno Lindqvist" }));
  await page.keyboard.press("Enter");
  await tabTo(ballot.getByRole("button", { name: "Rank Chen Wei" }));
  await page.keyboard.press("Enter");
  await tabTo(ballot.getByRole("button", { name: "Move Chen Wei up" }));
  await page.keyboard.press("Enter");
  await tabTo(page.getByRole("button", { name: "Review my ballot" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("1. Chen Wei, 2. Bruno Lindqvist")).toBeVisible();
  await tabTo(page.getByRole("button", { name: "Cast my ballot" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 15_000 });
});

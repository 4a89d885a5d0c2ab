import { expect, test } from "@playwright/test";
import { Tour } from "./tour";
import { tourBallots, tourElections, tourQuestions } from "./tour-elections";
import { personsUserAgent, signUpOnBallotPage } from "./voter-session";

// A person's browser: the voter who casts in the tour must not be held for review as a script.
test.use({ userAgent: personsUserAgent });

test("the voter site tour: every page at 390 and 1280 px, from no votes to a certified result", async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = new Date().toISOString().slice(11, 19);
  const { ids } = await tourElections({
    empty: { title: `Harbour lights (no votes yet ${stamp})`, questions: tourQuestions, ballots: [], status: "open" },
    open: { title: `Harbour board (open ${stamp})`, questions: tourQuestions, ballots: tourBallots, status: "open" },
    closed: {
      title: `Harbour board (closed ${stamp})`,
      questions: tourQuestions,
      ballots: tourBallots,
      status: "closed",
    },
    certified: {
      title: `Harbour board (certified ${stamp})`,
      questions: tourQuestions,
      ballots: tourBallots,
      status: "certified",
    },
  });
  const tour = new Tour(page, "voter-web");
  const turnout = page.getByTestId("turnout");

  await page.goto("/");
  await tour.shoot("home", "elections-list", { ready: page.getByText(`Harbour board (open ${stamp})`) });

  // The election no one has voted in yet: its results, its page signed out, then a new voter's ballot.
  await page.goto(`/elections/${ids.empty}/results`);
  await tour.shoot("results", "no-votes-yet", { ready: turnout });
  await page.goto(`/elections/${ids.empty}`);
  await tour.shoot("election", "open-signed-out", { ready: page.getByRole("button", { name: "Create an account" }) });
  await signUpOnBallotPage(page);
  await tour.shoot("ballot", "signed-in", { ready: page.getByRole("form", { name: "Ballot" }) });

  const ballot = page.getByRole("form", { name: "Ballot" });
  await ballot.getByRole("radio", { name: "Otter" }).check();
  await ballot.getByRole("radio", { name: "Red" }).check();
  await ballot.getByRole("button", { name: /^Rank Bjørn Halvorsen/ }).click();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await tour.shoot("ballot", "review", { ready: page.getByRole("button", { name: "Cast my ballot" }) });
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  const receipt = page.getByRole("region", { name: "Your receipt" });
  await tour.shoot("receipt", "after-cast", { ready: receipt.getByTestId("receipt-number") });
  const receiptId = (await receipt.getByTestId("receipt-number").textContent())!.trim();

  // The other states of an election's pages.
  await page.goto(`/elections/${ids.open}/results`);
  await expect(turnout).toHaveText("3", { timeout: 20_000 });
  await tour.shoot("results", "open-leader-and-tie");
  await page.goto(`/embed/elections/${ids.open}`);
  await tour.shoot("embed", "open", { ready: page.getByText(/Otter/) });
  await page.goto(`/elections/${ids.closed}`);
  await tour.shoot("election", "closed");
  await page.goto(`/elections/${ids.closed}/results`);
  await tour.shoot("results", "closed-final-with-rounds", { ready: page.getByText(/Amara Okonkwo-Villanueva/) });
  await page.goto(`/elections/${ids.certified}/results`);
  await tour.shoot("results", "certified", { ready: page.getByText(/Amara Okonkwo-Villanueva/) });
  await page.goto(`/embed/elections/${ids.certified}`);
  await tour.shoot("embed", "certified", { ready: page.getByText(/Otter/) });

  // The receipt check: empty, a receipt proven in the published record, and one that is not.
  await page.goto("/receipts");
  await tour.shoot("receipt-check", "empty");
  await page.goto(`/receipts?id=${receiptId}`);
  // The record is sealed in epochs every few seconds: ask again until this receipt's is out.
  const proven = page.getByText(/^Your ballot is counted/);
  await expect(async () => {
    await page.getByRole("button", { name: "Check receipt" }).click();
    await expect(proven).toBeVisible({ timeout: 1000 });
  })
    .toPass({ timeout: 20_000 })
    .catch(() => tour.fail("receipt-check verified", "the receipt was never proven in the published record"));
  await tour.shoot("receipt-check", "verified");
  await page.goto(`/receipts?id=${"0".repeat(32)}`);
  await tour.shoot("receipt-check", "unknown-receipt", {
    ready: page.getByRole("button", { name: "Check receipt" }),
  });

  // An address that names no election: the error state.
  await page.goto("/elections/5b0c2d1e-0000-4000-8000-000000000404");
  await tour.shoot("election", "unknown-election", { ready: page.locator(".notice, [role=alert]") });

  tour.finish();
});

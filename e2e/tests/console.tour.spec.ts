import { expect, type Page, test } from "@playwright/test";
import { inEnglish, signInToConsole } from "./console-session";
import { Tour } from "./tour";
import { heldBallots, tourBallots, tourElections, tourQuestions } from "./tour-elections";

const OFFICIAL = "official@demo.landslide.test";
const OPERATOR = "operator@demo.landslide.test";

/**
 * Goes to `path` signed in as `email`. The console keeps its session in the tab's memory, so a
 * `page.goto` signs out: when the page already links to `path` (the tabs, the header) and the
 * account is the same, the link is clicked instead, which keeps the session and saves a sign-in.
 */
function navigator(page: Page) {
  let signedInAs = "";
  return async (path: string, email = OFFICIAL) => {
    // The console's links carry the page's language: /en/elections/…
    const address = inEnglish(path);
    const link = page.locator(`a[href="${address}"]`).first();
    if (email === signedInAs && (await link.isVisible())) {
      await link.click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === address);
    } else {
      await signInToConsole(page, email, path);
      signedInAs = email;
    }
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to the console" })).toBeHidden({
      timeout: 15_000,
    });
  };
}

test("the console tour: every page at 390 and 1280 px, in each state of an election", async ({ page }) => {
  test.setTimeout(360_000);
  const stamp = new Date().toISOString().slice(11, 19);
  const { ids } = await tourElections({
    draft: { title: `Harbour lights (draft ${stamp})`, questions: tourQuestions, ballots: [], status: "draft" },
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
  await heldBallots(ids.open, tourBallots[0]!);

  const tour = new Tour(page, "console");
  const visit = navigator(page);
  const election = (key: keyof typeof ids, sub = "") => `/elections/${ids[key]}${sub}`;

  // Signed out: the sign-in form is the page.
  await page.goto("/en");
  await tour.shoot("sign-in", "signed-out", {
    ready: page.getByRole("heading", { level: 1, name: "Sign in to the console" }),
  });

  await visit("/");
  await tour.shoot("home", "elections-list", { ready: page.getByText(`Harbour board (open ${stamp})`) });
  await visit("/elections/new");
  await tour.shoot("new-election", "empty");
  // The same form with a Spanish translation begun, previewed as Spanish readers will see it.
  await page.getByLabel("Title", { exact: true }).fill("Harbour lights");
  await page.getByLabel("Wording of question 1").fill("Keep the harbour lights on all night?");
  const languages = page.getByRole("region", { name: "Languages" });
  await languages.getByLabel("Translate into").selectOption("es");
  await languages.getByRole("button", { name: "Add this translation" }).click();
  await languages.getByLabel("Title (Spanish)").fill("Luces del puerto");
  await page.getByLabel("Show it as voters reading").selectOption("es");
  await tour.shoot("new-election", "translating");

  // Each election's overview in its four states, then its other tabs where they differ.
  for (const key of ["draft", "open", "closed", "certified"] as const) {
    await visit(election(key));
    await tour.shoot("overview", key);
  }
  await visit(election("draft", "/ballot"));
  await tour.shoot("ballot", "draft");
  await visit(election("draft", "/edit"));
  await tour.shoot("edit", "draft");
  await visit(election("draft", "/roll"));
  await tour.shoot("voter-roll", "draft-empty");
  await visit(election("draft", "/mail"));
  await tour.shoot("mail", "draft-open-to-anyone");

  await visit(election("open"));
  await visit(election("open", "/ballot"));
  await tour.shoot("ballot", "open-frozen");
  await visit(election("open", "/roll"));
  await tour.shoot("voter-roll", "open");
  await visit(election("open", "/results"));
  await tour.shoot("live-results", "open-leader-and-tie", { ready: page.getByText(/Otter/) });
  await visit(election("open", "/fraud"));
  await tour.shoot("fraud-review", "open-held-ballots", { ready: page.getByText(/held/i) });

  await visit(election("closed"));
  await visit(election("closed", "/results"));
  await tour.shoot("live-results", "closed-final", { ready: page.getByText(/Otter/) });
  await visit(election("closed", "/fraud"));
  await tour.shoot("fraud-review", "closed-none-held");
  await visit(election("closed", "/certification"));
  await tour.shoot("certification", "closed-before-recount");
  // Run the recount from the page when it offers it: the comparison is a state of its own.
  const recount = page.getByRole("button", { name: /recount/i }).first();
  if (await recount.isVisible()) {
    await recount.click();
    await tour.shoot("certification", "closed-recounted", { ready: page.getByText(/stored votes?/) });
  } else tour.fail("certification closed", "no button to run the recount");

  await visit(election("certified"));
  await visit(election("certified", "/results"));
  await tour.shoot("live-results", "certified", { ready: page.getByText(/Otter/) });
  await visit(election("certified", "/certification"));
  await tour.shoot("certification", "certified");
  await visit(election("certified", "/export"));
  await tour.shoot("export", "certified");
  await visit(`/audit?electionId=${ids.certified}`);
  await tour.shoot("audit", "one-election");

  // Deployment-wide pages.
  await visit("/fraud");
  await tour.shoot("fraud", "deployment-held-ballots");
  await visit("/audit");
  await tour.shoot("audit", "all");
  await visit("/design-system");
  await tour.shoot("design-system", "gallery", { busyOnPurpose: true });
  await visit("/operations", OPERATOR);
  await tour.shoot("operations", "operator");

  // An address that names no election: the error state.
  await visit("/elections/5b0c2d1e-0000-4000-8000-000000000404");
  await tour.shoot("overview", "unknown-election", { ready: page.getByRole("alert").or(page.getByRole("status")) });

  tour.finish();
});

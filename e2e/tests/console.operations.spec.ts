import { expect, type Locator, test } from "@playwright/test";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient } from "./voter-session";

/** The numbers in one column of a figures table (its nth data cell in every row), commas removed. */
async function columnNumbers(table: Locator, nth: number): Promise<number[]> {
  const texts = await table.locator(`tbody tr td:nth-of-type(${nth})`).allTextContents();
  return texts.map((text) => Number(text.replace(/,/g, ""))).filter((n) => Number.isFinite(n));
}

test("an operator watches votes arrive on the operations page: per minute in text beside the charts, cast times, and every service ready", async ({
  page,
}) => {
  // An election open to the demo voters, opened before the page so the casts below need no wait.
  test.setTimeout(90_000);
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: `Operations watch ${Date.now()}`,
      questions: [
        {
          id: "ferry",
          kind: "single",
          prompt: "Keep the night ferry?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
          minChoices: 1,
          maxChoices: 1,
        },
      ],
    },
    reason: "e2e: votes for the operations view",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });

  await signInToConsole(page, "operator@demo.landslide.test", "/operations");
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  const services = page.getByRole("table", { name: "Each service and the dependencies it checks" });
  await expect(services.getByText("Ready", { exact: true })).toHaveCount(4);
  // The page keeps its own history: the votes below count only once it has a first reading.
  await expect(page.getByText(/^As of /)).toBeVisible();
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy of the election shows the open by then

  for (const [voter, choice] of [
    ["voter1@demo.landslide.test", "yes"],
    ["voter2@demo.landslide.test", "no"],
    ["voter3@demo.landslide.test", "yes"],
  ] as const) {
    const client = await signedInClient(voter, "voter-web");
    const cast = await client.castBallot({
      electionId: election.id,
      ballot: { answers: { ferry: { choices: [choice] } } },
    });
    expect(cast.decision).toBe("accepted");
  }

  // What the charts draw, said in text: the accepted votes appear in the minute-by-minute table.
  const votes = page.getByRole("table", { name: "Votes minute by minute, since this page opened" });
  await expect(async () => {
    const accepted = await columnNumbers(votes, 1);
    expect(accepted.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
  }).toPass({ timeout: 15_000 });
  const castTimes = page.getByRole("table", { name: "Cast answer times minute by minute, since this page opened" });
  await expect(async () => {
    expect((await columnNumbers(castTimes, 1)).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
  }).toPass({ timeout: 15_000 });
  await expect(castTimes.locator("tbody tr td:nth-of-type(2)").first()).toHaveText(/\d ms$/);
  await expect(page.getByRole("group", { name: "The deployment now" })).toContainText("Votes accepted per second");

  expect(await seriousViolations(page)).toEqual([]);
  // Kept to look at: the view on a desk and on a phone, where nothing scrolls sideways.
  await page.screenshot({ path: test.info().outputPath("operations-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("operations-390.png"), fullPage: true });
});

import { expect, type Locator, test } from "@playwright/test";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { move, tab } from "./console-election-steps";
import { signInToConsole } from "./console-session";
import { electionCli } from "./election-cli";
import { e2eUrls } from "../stack-ports";
import { Tour } from "./tour";
import { demoPassword, personsUserAgent, signedInClient } from "./voter-session";

test.setTimeout(180_000);
// The one ballot cast in the browser is a person's, from a browser that says so.
test.use({ userAgent: personsUserAgent });

const PROMPT = "Score each city as the 2027 venue";
/** The question's id, as the console derives it from the wording. */
const QUESTION_ID = "score-each-city-as-the-2027-venue";
const CITIES = ["Aarhus", "Bergen", "Cork"];

test("an official builds a STAR question in the console; a voter scores it on the ballot; the live averages, then the runoff and its winner, show on the results page, in the console and in the CLI", async ({
  page,
}) => {
  await signInToConsole(page, "official@demo.landslide.test", "/elections/new");
  const title = `Congress venue ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  const editor = page.getByRole("region", { name: "Question 1", exact: true });
  await editor.getByLabel("Kind").selectOption("score");
  await editor.getByLabel("Wording of question 1").fill(PROMPT);
  for (const [j, label] of CITIES.entries()) {
    if (j >= 2) await editor.getByRole("button", { name: "Add an option to question 1" }).click();
    await editor.getByLabel(`Option ${j + 1}`, { exact: true }).fill(label);
  }
  // Scored 0 to 5 unless the official says otherwise.
  await expect(editor.getByLabel("Lowest score")).toHaveValue("0");
  await expect(editor.getByLabel("Highest score")).toHaveValue("5");
  await editor.getByRole("radio", { name: /^STAR: score then automatic runoff/ }).check();
  const starPreview =
    "Voters score every option; the two with the highest total scores go to an automatic runoff, and the one more voters scored higher wins.";
  // The form's counting choice and its preview of the ballot both say how it is counted.
  await expect(page.getByText(starPreview)).toHaveCount(2);
  await page.getByLabel("Reason for this change").fill("venue ballot 2027");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const electionId = new URL(page.url()).pathname.split("/")[3]!;
  const consoleAt = new URL(page.url()).pathname;
  await move(page, "Open", "polls open");
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy shows the open by then

  // A voter scores on the ballot: a score button per city, the range and the method said first.
  const tour = new Tour(page, "counting");
  await page.goto(`${e2eUrls.voterWeb}/elections/${electionId}`);
  await page.getByLabel("E-mail address").fill("voter3@demo.landslide.test");
  await page.getByLabel("Password").fill(demoPassword("voter3@demo.landslide.test"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const question = page.getByRole("group", { name: PROMPT, exact: true });
  await expect(question).toContainText("Give each option a score from 0 to 5. Options you leave out get 0.");
  await expect(question).toContainText("Counted by STAR (score then automatic runoff)");
  // Nothing scored yet: the ballot says what is missing before anything is sent.
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(question.getByText("Give at least one option a score above 0")).toBeVisible();
  await question.getByRole("group", { name: "Aarhus" }).getByRole("radio", { name: "1", exact: true }).check();
  // The keyboard alone: from Bergen's 1, the right arrow gives it 2.
  await question.getByRole("group", { name: "Bergen" }).getByRole("radio", { name: "1", exact: true }).check();
  await page.keyboard.press("ArrowRight");
  await expect(
    question.getByRole("group", { name: "Bergen" }).getByRole("radio", { name: "2", exact: true }),
  ).toBeChecked();
  await tour.shoot("voter-web-ballot", "star-scored", { ready: question });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
  await expect(page.getByText("Aarhus: 1 of 5, Bergen: 2 of 5, Cork: 0 of 5")).toBeVisible();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 15_000 });

  // Two more voters through the API: Aarhus takes the highest total (7 to Bergen's 4), but two
  // voters of three score Bergen above Aarhus.
  for (const [email, scores] of [
    ["voter1@demo.landslide.test", { aarhus: 5 }],
    ["voter2@demo.landslide.test", { aarhus: 1, bergen: 2 }],
  ] as const) {
    const voter = await signedInClient(email, "voter-web");
    const cast = await voter.castBallot({ electionId, ballot: { answers: { [QUESTION_ID]: { scores } } } });
    expect(cast.decision).toBe("accepted");
  }

  // Live, the results page shows each city's average score out of 5, Aarhus ahead on it.
  await page.goto(`${e2eUrls.voterWeb}/elections/${electionId}/results`);
  const live = page.getByRole("region", { name: PROMPT });
  await expect(live.getByTestId("lead")).toHaveText("Leading: Aarhus, with an average score of 2.3 out of 5.", {
    timeout: 15_000,
  });
  // Aarhus leads on scores, but the page warns that STAR's runoff decides.
  await expect(live).toContainText("Counted by STAR: when voting ends, the two highest go to a runoff");
  const figures = live.getByRole("table", { name: /average and total score per option/ });
  await expect(figures.getByRole("row", { name: /Bergen/ })).toContainText("1.3");
  await tour.shoot("voter-web-results", "star-live", { ready: figures });

  await signInToConsole(page, "official@demo.landslide.test", consoleAt);
  await move(page, "Close", "polls closed");
  await tab(page, "Recount & certification").click();
  await page.getByRole("button", { name: "Run recount" }).click();
  await expect(page.getByText(/equal to the live tally/)).toBeVisible();
  const recounted = page.getByRole("status").filter({ hasText: "Counting method: STAR" });
  await expectStarCount(recounted);
  await tour.shoot("console-recount", "star-runoff", { ready: recounted });

  // Once every task's copy says it closed, the public page shows the final count: Bergen wins the runoff.
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));
  await page.goto(`${e2eUrls.voterWeb}/elections/${electionId}/results`);
  const final = page.getByRole("region", { name: "Final result" });
  await expectStarCount(final);
  await tour.shoot("voter-web-results", "star-final", { ready: final.getByText(RUNOFF) });
  tour.finish();

  const text = await electionCli(["results", electionId]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(
    "Runoff between the two highest total scores: Bergen preferred on 2 ballots, Aarhus on 1",
  );
  const json = await electionCli(["results", electionId, "--json"]);
  const document = JSON.parse(json.stdout) as { counts: Record<string, unknown> };
  expect(document.counts[QUESTION_ID]).toMatchObject({ method: "star", winners: ["bergen"] });
});

const RUNOFF = /Runoff between the two highest scores: Bergen preferred on 2 ballots, Aarhus on 1/;

/** Bergen elected in the runoff, the totals and the runoff round by round, and the runoff in a sentence. */
async function expectStarCount(count: Locator) {
  await expect(count.getByText("Elected:")).toContainText("Bergen");
  const rounds = count.getByRole("table", { name: `${PROMPT}: the count, round by round` });
  await expect(rounds.getByRole("row", { name: /^Aarhus/ })).toContainText("7");
  await expect(rounds.getByRole("row", { name: /^Bergen/ })).toContainText("2 (elected)");
  await expect(count.getByText(RUNOFF)).toBeVisible();
}

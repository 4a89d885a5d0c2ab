import { expect, type Locator, test } from "@playwright/test";
import { move, tab } from "./console-election-steps";
import { signInToConsole } from "./console-session";
import { electionCli } from "./election-cli";
import { e2eUrls } from "../stack-ports";
import { Tour } from "./tour";
import { demoPassword, signedInClient } from "./voter-session";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";

test.setTimeout(180_000);

const PROMPT = "Elect three trustees";
const CANDIDATES = ["Ada Okafor", "Bruno Lindqvist", "Chen Wei", "Dolores Ruiz", "Emil Sato"];

test("an official builds a three-seat STV question in the console; once closed, the rounds and the three elected show on the results page, in the console's recount and in the CLI", async ({
  page,
}) => {
  await signInToConsole(page, "official@demo.landslide.test", "/elections/new");
  await expect(page.getByRole("heading", { level: 1, name: "New election" })).toBeVisible();
  const title = `Harbour Trust Board ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  const editor = page.getByRole("region", { name: "Question 1", exact: true });
  await editor.getByLabel("Kind").selectOption("ranked");
  await editor.getByLabel("Wording of question 1").fill(PROMPT);
  for (const [j, label] of CANDIDATES.entries()) {
    if (j >= 2) await editor.getByRole("button", { name: "Add an option to question 1" }).click();
    await editor.getByLabel(`Option ${j + 1}`, { exact: true }).fill(label);
  }
  await editor.getByRole("radio", { name: /^Single transferable vote, Meek rules/ }).check();
  await editor.getByLabel("Seats to fill").fill("3");
  await expect(
    editor.getByText("Voters rank the options; 3 seats are filled by single transferable vote (Meek rules)."),
  ).toBeVisible();
  // The form's preview of the ballot says it too, as the voters' ballot will.
  await expect(
    page.getByText("Voters rank the options; 3 seats are filled by single transferable vote (Meek rules)."),
  ).toHaveCount(2);
  await page.getByLabel("Reason for this change").fill("board election 2027");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const electionId = new URL(page.url()).pathname.split("/")[3]!;
  // The election's rules say how its question is counted and how ties are settled.
  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules.getByRole("listitem").filter({ hasText: PROMPT })).toContainText(
    "Voters rank the options; 3 seats are filled by single transferable vote (Meek rules).",
  );
  await expect(rules).toContainText("By the ballot’s option order");

  await move(page, "Open", "polls open");
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy shows the open by then
  // A voter reads on the ballot how it is counted before ranking.
  const tour = new Tour(page, "counting");
  const consoleAt = page.url();
  await page.goto(`${e2eUrls.voterWeb}/elections/${electionId}`);
  await page.getByLabel("E-mail address").fill("voter3@demo.landslide.test");
  await page.getByLabel("Password").fill(demoPassword("voter3@demo.landslide.test"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const question = page.getByRole("group", { name: PROMPT, exact: true });
  await expect(question).toContainText("Counted by Single transferable vote (Meek): 3 seats are filled.");
  await tour.shoot("voter-web-ballot", "stv-three-seats", { ready: question });
  await signInToConsole(page, "official@demo.landslide.test", new URL(consoleAt).pathname);
  // Ada takes two first preferences, Dolores one; the quota is 3/4 of a vote, so both are elected
  // at once and their surpluses pass on: Bruno gets enough, Chen does not.
  const rankings = [
    ["ada-okafor", "bruno-lindqvist", "chen-wei"],
    ["ada-okafor", "chen-wei"],
    ["dolores-ruiz", "bruno-lindqvist"],
  ];
  for (const [at, ranking] of rankings.entries()) {
    const voter = await signedInClient(`voter${at + 1}@demo.landslide.test`, "voter-web");
    const cast = await voter.castBallot({
      electionId,
      ballot: { answers: { "elect-three-trustees": { choices: ranking } } },
    });
    expect(cast.decision).toBe("accepted");
  }
  await move(page, "Close", "polls closed");

  // The console's recount: the count by the question's own method, with its rounds.
  await tab(page, "Recount & certification").click();
  await page.getByRole("button", { name: "Run recount" }).click();
  await expect(page.getByText(/equal to the live tally/)).toBeVisible();
  const recounted = page.getByRole("status").filter({ hasText: "3 of 3 seats filled." });
  await expectStvCount(recounted);
  await tour.shoot("console-recount", "stv-three-seats", { ready: recounted });
  // Certifying restates the count by its own method, not the one-winner runoff view of the same ballots.
  await page.getByLabel("Why certify this result?").fill("board meeting of today");
  await page.getByRole("button", { name: "Certify…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Certify “${title}”?` });
  await expect(
    dialog.getByText(
      "Counting method: Single transferable vote (Meek). Elected: Ada Okafor, Dolores Ruiz, and Bruno Lindqvist; 3 of 3 seats filled; with no tie along the way.",
    ),
  ).toBeVisible();
  await tour.shoot("console-certify", "stv-three-seats", { ready: dialog });
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The public results page, once every task's copy of the election says it closed.
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));
  await page.goto(`${e2eUrls.voterWeb}/elections/${electionId}/results`);
  await expect(page.getByRole("heading", { level: 2, name: "Final result" })).toBeVisible();
  const final = page.getByRole("region", { name: "Final result" });
  await expectStvCount(final);
  await tour.shoot("voter-web-results", "stv-three-seats", { ready: final.getByText("3 of 3 seats filled.") });
  tour.finish();

  // The operator's CLI prints the same count, and --json carries it whole.
  const text = await electionCli(["results", electionId]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(
    "Counted by single transferable vote (Meek rules), 3 seats: elected Ada Okafor, Dolores Ruiz, Bruno Lindqvist.",
  );
  expect(text.stdout).toMatch(/After round 1, Ada Okafor's votes moved: 0\.624999999 to Bruno Lindqvist/);
  const json = await electionCli(["results", electionId, "--json"]);
  const document = JSON.parse(json.stdout) as { counts: Record<string, unknown> };
  expect(document.counts["elect-three-trustees"]).toMatchObject({
    method: "stv-meek",
    seats: 3,
    winners: ["ada-okafor", "dolores-ruiz", "bruno-lindqvist"],
  });
});

/** Ada and Dolores elected in round 1, Bruno in round 2 on their surpluses; Chen and Emil not. */
async function expectStvCount(count: Locator) {
  await expect(count.getByText("3 of 3 seats filled.")).toBeVisible();
  await expect(count.getByRole("listitem").filter({ hasText: /^Ada Okafor$/ })).toBeVisible();
  const rounds = count.getByRole("table", { name: `${PROMPT}: the count, round by round` });
  await expect(rounds.getByRole("columnheader", { name: "Round 2" })).toBeVisible();
  await expect(rounds.getByRole("row", { name: /Bruno Lindqvist/ })).toContainText("Elected");
  await expect(rounds.getByRole("row", { name: /Chen Wei/ })).not.toContainText("Elected");
  await expect(rounds.getByRole("row", { name: /^Quota/ })).toBeVisible();
  await expect(count.getByText(/^After round 1, Ada Okafor['’]s surplus moved: /)).toBeVisible();
}

import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { move, tab } from "./console-election-steps";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient, signedUpClient } from "./voter-session";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";

test.setTimeout(180_000);

test("an official runs an election from the console's tabs: ballot, roll, opening, live counts, fraud review, certification and export", async ({
  page,
}) => {
  // Bots with fresh accounts, on the roll like everyone else: scripts that announce automation.
  const bots = [];
  for (let i = 0; i < 3; i++) bots.push(await signedUpClient({ automated: true }));

  // The ballot: three questions, one of each kind, built in the form and previewed as voters see it.
  await signInToConsole(page, "official@demo.landslide.test", "/elections/new");
  await expect(page.getByRole("heading", { level: 1, name: "New election" })).toBeVisible();
  const title = `Harbour District Referendum ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("radio", { name: /People on a voter roll/ }).check();
  const questions = [
    { kind: "single", prompt: "Keep the night ferry?", options: ["Yes", "No"] },
    { kind: "multi", prompt: "Fund up to two projects", options: ["Pier", "Library", "Market"] },
    { kind: "ranked", prompt: "Rank the harbourmaster candidates", options: ["Ines", "Tomas", "Wen"] },
  ];
  for (const [i, q] of questions.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add a question" }).click();
    const editor = page.getByRole("region", { name: `Question ${i + 1}`, exact: true });
    await editor.getByLabel("Kind").selectOption(q.kind);
    await editor.getByLabel(`Wording of question ${i + 1}`).fill(q.prompt);
    for (const [j, label] of q.options.entries()) {
      if (j >= 2) await editor.getByRole("button", { name: `Add an option to question ${i + 1}` }).click();
      await editor.getByLabel(`Option ${j + 1}`, { exact: true }).fill(label);
    }
  }
  // One question at a time: the builder shows the one picked from the list; ids stay under "Advanced".
  await expect(page.getByLabel("Question 3 id")).toBeHidden();
  await page
    .getByRole("navigation", { name: "Questions on the ballot" })
    .getByRole("button", { name: /^2\. / })
    .click();
  await page.getByRole("region", { name: "Question 2", exact: true }).getByLabel("At most").fill("2");
  const preview = page.getByRole("region", { name: "Preview as voters see it" });
  await expect(preview.getByText("Rank the harbourmaster candidates")).toBeVisible();
  await expect(preview.getByRole("radio", { name: "Yes" })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Reason for this change").fill("council resolution 12/2026");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The address is /en/elections/<id>: the language first.
  const electionId = new URL(page.url()).pathname.split("/")[3]!;
  // Left as it was, a passkey is optional: the voters below cast through the SDK, without one.
  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules).toContainText("People on a voter roll");
  await expect(rules).toContainText("Any signed-in device (a passkey is optional)");

  // The roll: one bad row is shown with its spreadsheet row number; the rest is imported.
  await tab(page, "Voter roll").click();
  const roll = [
    "email",
    "voter1@demo.landslide.test",
    "voter2@demo.landslide.test",
    "not-an-e-mail",
    "voter3@demo.landslide.test",
    ...bots.map((b) => b.email),
  ];
  await page.getByLabel("Or paste the CSV text").fill(roll.join("\n"));
  await page.getByLabel("Reason for this import").fill("roll from the registry");
  await page.getByRole("button", { name: "Import 7 rows" }).click();
  await expect(page.getByText("Imported 6 of 7 rows.")).toBeVisible();
  const problems = page.getByRole("region", { name: "Rows with a problem" });
  await expect(problems.getByRole("rowheader")).toHaveText(["Row 4"]);
  await expect(problems.getByRole("cell")).toHaveText(["Not a valid e-mail address."]);

  // Open it, and watch the results move as voters cast through the SDK, with no reload.
  // In-app navigation: the session lives in the tab's memory, and a reload signs out.
  await expect(tab(page, "Live results")).toHaveCount(0); // nothing to watch before voting opens
  await tab(page, "Overview").click();
  await move(page, "Open", "polls open");
  await expect(page.getByTestId("next-step")).toHaveText(/^Voting is open/);
  await expect(page.getByRole("button", { name: "Open", exact: true })).toHaveCount(0);
  await tab(page, "Live results").click();
  await expect(page.getByTestId("turnout")).toHaveText("0");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy of the election shows the open by then
  const ballot = {
    answers: {
      "keep-the-night-ferry": { choices: ["yes"] },
      "fund-up-to-two-projects": { choices: ["pier", "market"] },
      "rank-the-harbourmaster-candidates": { choices: ["wen", "ines"] },
    },
  };
  for (const voter of ["voter1@demo.landslide.test", "voter2@demo.landslide.test"]) {
    const client = await signedInClient(voter, "voter-web");
    expect((await client.castBallot({ electionId, ballot })).decision).toBe("accepted");
  }
  await expect(page.getByTestId("turnout")).toHaveText("2", { timeout: 10_000 });

  // A bot burst: three accounts driven by a script announce automation and are held for review.
  await Promise.all(bots.map((b) => b.client.prepareHumanCheck()));
  await new Promise((resolve) => setTimeout(resolve, 1600)); // a person's pace after the check, so only automation is held
  for (const bot of bots) expect((await bot.client.castBallot({ electionId, ballot })).decision).toBe("quarantined");

  // Polls close with three ballots still held: certification waits for the review, on the page and in the API.
  const official = await signedInClient("official@demo.landslide.test", "console");
  await expect(async () =>
    expect((await official.control.official.fraud.list.query({ electionId, state: "quarantined" })).length).toBe(3),
  ).toPass();
  const certify = page.getByRole("button", { name: "Certify…", exact: true });
  await expect(tab(page, "Recount & certification")).toHaveCount(0); // certification only after the close
  await tab(page, "Overview").click();
  await move(page, "Close", "polls closed");
  // Closed: nothing is live any more, and the next step is the recount.
  await tab(page, "Live results").click();
  await expect(page.getByRole("heading", { name: "Results as counted" })).toBeVisible();
  await expect(page.getByTestId("votes-per-second")).toHaveCount(0);
  await tab(page, "Recount & certification").click();
  await page.getByRole("button", { name: "Run recount" }).click();
  await expect(page.getByText(/equal to the live tally/)).toBeVisible();
  await expect(page.getByText("3 held ballots wait for a decision in Fraud review.")).toBeVisible();
  await expect(certify).toBeDisabled();
  const refusal = await official.control.official.elections.transition
    .mutate({ electionId, to: "certified", reason: "too early" })
    .catch((e: { data?: { reason?: string } }) => e);
  expect(refusal).toMatchObject({ data: { reason: "FRAUD_CASES_OPEN" } });

  // The review: the three are one group from one address block. One, released alone, counts once;
  // the other two are voided together.
  await tab(page, "Fraud review").click();
  await expect(page.getByTestId("fraud-counts")).toContainText("3 held for review");
  const group = page.getByRole("region", {
    name: /^(A burst of held ballots|Several ballots from one address block): 3 ballots$/,
  });
  // Why they were held, in words: the signals that fired and how many of the group each concerns.
  await group.getByText("Evidence and decision").click();
  await expect(group.getByRole("listitem").filter({ hasText: "Automated browser (3 of 3)" })).toContainText(
    "The browser said it was driven by automation.",
  );
  expect(await seriousViolations(page)).toEqual([]);
  // Kept to look at: the review as an official sees it, on a desk and on a phone.
  await page.screenshot({ path: test.info().outputPath("fraud-review-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("fraud-review-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page
    .getByRole("checkbox", { name: /^Ballot \d+$/ })
    .first()
    .check();
  const selected = page.getByRole("form", { name: "Decide the 1 selected" });
  await selected.getByLabel("Reason for deciding the 1 selected").fill("voter confirmed in person");
  await selected.getByRole("button", { name: "Release the 1 selected (count)" }).click();
  await expect(page.getByTestId("fraud-counts")).toContainText("2 held for review, 1 released");
  const rest = page.getByRole("region", { name: /: 2 ballots$/ });
  if (!(await rest.getByLabel(/^Reason for deciding all/).isVisible()))
    await rest.getByText("Evidence and decision").click();
  await rest.getByLabel(/^Reason for deciding all/).fill("one script, three accounts");
  await rest.getByRole("button", { name: /^Void all 2 in this group/ }).click();
  await expect(page.getByTestId("fraud-counts")).toContainText("0 held for review, 1 released, 2 voided");

  // Back on the results: 2 people + the released one; recounted again, it can be certified.
  await tab(page, "Live results").click();
  await expect(page.getByTestId("turnout")).toHaveText("3", { timeout: 10_000 });
  await tab(page, "Recount & certification").click();
  await page.getByRole("button", { name: "Run the recount again" }).click();
  await expect(page.getByText(/read 5 stored votes: equal to the live tally/)).toBeVisible();
  await page.getByLabel("Why certify this result?").fill("results certified by the board");
  await expect(certify).toBeEnabled();

  // Certifying asks first, restating the result: Pier and Market are tied on question 2 (3 each),
  // which nothing breaks, so the official must say they saw it.
  await certify.click();
  const dialog = page.getByRole("alertdialog", { name: `Certify “${title}”?` });
  await expect(dialog).toContainText("Winner: Yes, 3 votes (100%).");
  await expect(dialog).toContainText("Tie: Pier and Market have 3 votes each");
  await expect(dialog).toContainText("Elected by instant runoff: Wen");
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel(/^Type .* to confirm$/).fill(title);
  await dialog.getByRole("checkbox", { name: /^I have seen that this question is tied/ }).check();
  await dialog.getByRole("button", { name: "Certify this result" }).click();
  await expect(page.getByText("This result is certified.")).toBeVisible();
  // Who certified it, when and why, from the audit trail.
  await expect(
    page.getByText(/^Certified by official@demo\.landslide\.test on .+, because “results certified by the board”\./),
  ).toBeVisible();
  await expect(page.getByTestId("next-step")).toHaveText(/^Certified/);

  // The exported CSV of the certified result holds what the recount counted.
  await tab(page, "Export").click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download results CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  const recount = await official.control.official.elections.recount.mutate({ electionId });
  for (const [counter, votes] of Object.entries(recount.counters)) {
    if (!counter.includes("#")) continue;
    const [question, option] = counter.split("#");
    expect(csv, counter).toMatch(new RegExp(`^[^\\n]*,${question},[^\\n]*,${option},[^\\n]*,${votes}\\r?$`, "m"));
  }
  expect(recount.counters.__turnout).toBe(3);
  // The ranked question's rounds, in the JSON shape certified ranked-choice tabulators publish.
  const rounds = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the rounds of “Rank the harbourmaster candidates”" }).click();
  const summary = JSON.parse(await readFile(await (await rounds).path(), "utf8")) as {
    config: { contest: string };
    results: Array<{ round: number; tally: Record<string, string>; tallyResults: Array<{ elected?: string }> }>;
  };
  expect(summary.config.contest).toBe(`${title}: Rank the harbourmaster candidates`);
  expect(summary.results.at(-1)!.tallyResults).toContainEqual(expect.objectContaining({ elected: "Wen" }));
  // Every count round by round, as CSV: the ranked question's last round names Wen elected.
  const roundsCsv = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the counts, round by round (CSV)" }).click();
  const countRows = (await readFile(await (await roundsCsv).path(), "utf8")).split(/\r\n/);
  expect(countRows[0]).toBe("\uFEFFquestion_id,question,method,seats,round,option_id,option,votes,outcome");
  expect(countRows.some((row) => /^rank-the-harbourmaster-candidates,.*,wen,Wen,\d+,elected$/.test(row))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);

  // Every decision is in the election's audit trail, with who and why.
  await tab(page, "Audit trail").click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  for (const why of [
    "council resolution 12/2026",
    "roll from the registry",
    "polls open",
    "voter confirmed in person",
    "one script, three accounts",
    "polls closed",
    "results certified by the board",
  ]) {
    await expect(page.getByRole("cell", { name: why }).first()).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
});

test("an official chooses which devices may vote, and sees the choice on the election's page and in the form again", async ({
  page,
}) => {
  await signInToConsole(page, "official@demo.landslide.test", "/elections/new");
  await expect(page.getByRole("heading", { level: 1, name: "New election" })).toBeVisible();
  const title = `Passkeys only ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  const devices = page.getByRole("group", { name: "Devices that may vote" });
  await expect(devices.getByRole("radio", { name: /^Any signed-in device \(a passkey is optional\)/ })).toBeChecked();
  await devices.getByRole("radio", { name: /^Only devices with a passkey/ }).check();
  const editor = page.getByRole("region", { name: "Question 1", exact: true });
  await editor.getByLabel("Wording of question 1").fill("Keep the night ferry?");
  await editor.getByLabel("Option 1", { exact: true }).fill("Yes");
  await editor.getByLabel("Option 2", { exact: true }).fill("No");
  expect(await seriousViolations(page)).toEqual([]);
  // Kept to look at: the choice as an official meets it, on a desk and on a phone.
  const about = page.getByRole("region", { name: "The election" });
  await about.screenshot({ path: test.info().outputPath("console-passkey-policy-form-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await about.screenshot({ path: test.info().outputPath("console-passkey-policy-form-390.png") });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel("Reason for this change").fill("bot farm expected");
  await page.getByRole("button", { name: "Create the draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules).toContainText("Only devices with a passkey");
  await expect(rules).toContainText("Anyone signed in");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("console-passkey-policy-page-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("console-passkey-policy-page-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Editing starts from the stored choice, so saving an edit never loosens it by accident.
  await tab(page, "Ballot").click();
  await expect(
    page
      .getByRole("group", { name: "Devices that may vote" })
      .getByRole("radio", { name: /^Only devices with a passkey/ }),
  ).toBeChecked();
});

import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient, signedUpClient } from "./voter-session";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";

test.setTimeout(180_000);

/** Picks a lifecycle action ("Open"), answers why, confirms ("Open voting"). */
async function move(page: Page, action: "Open" | "Close", reason: string) {
  const question = { Open: "Why open voting now?", Close: "Why close voting?" }[action];
  await page.getByRole("button", { name: action, exact: true }).click();
  await page.getByLabel(question).fill(reason);
  await page.getByRole("button", { name: `${action} voting` }).click();
}

test("an official runs an election from the console: ballot, roll, opening, live counts, fraud review, certification and export", async ({
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
  await page.getByRole("region", { name: "Question 2", exact: true }).getByLabel("At most").fill("2");
  const preview = page.getByRole("region", { name: "Preview as voters see it" });
  await expect(preview.getByText("Rank the harbourmaster candidates")).toBeVisible();
  await expect(preview.getByRole("radio", { name: "Yes" })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Reason for this change").fill("council resolution 12/2026");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const electionId = new URL(page.url()).pathname.split("/")[2]!;
  // Left as it was, a passkey is optional: the voters below cast through the SDK, without one.
  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules).toContainText("People on a voter roll");
  await expect(rules).toContainText("Any signed-in device (a passkey is optional)");

  // The roll: one bad row is shown with its spreadsheet row number; the rest is imported.
  await page.getByRole("link", { name: "Voter roll" }).click();
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

  // Open it, and watch the dashboard move as voters cast through the SDK, with no reload.
  // In-app navigation: the session lives in the tab's memory, and a reload signs out.
  await page.getByRole("link", { name: /^← / }).click();
  await move(page, "Open", "polls open");
  await expect(page.getByText(/is open/i).first()).toBeVisible();
  await expect(page.getByTestId("turnout")).toHaveText("0");
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
  const certify = page.getByRole("button", { name: "Certify", exact: true });
  await expect(certify).toBeDisabled();
  await move(page, "Close", "polls closed");
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
  await page.getByRole("link", { name: "Fraud review" }).click();
  await expect(page.getByTestId("fraud-counts")).toContainText("3 held for review");
  const group = page.getByRole("region", { name: "Several ballots from one address block: 3 ballots" });
  // Why they were held, in words: the signals that fired and how many of the group each concerns.
  await expect(
    group.getByRole("listitem").filter({ hasText: "the browser said it was driven by automation (3 of 3)" }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Kept to look at: the review as an official sees it, on a desk and on a phone.
  await page.screenshot({ path: test.info().outputPath("fraud-review-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("fraud-review-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("checkbox", { name: "Select held ballot 1" }).check();
  const selected = page.getByRole("form", { name: "Decide the 1 selected" });
  await selected.getByLabel("Reason for deciding the 1 selected").fill("voter confirmed in person");
  await selected.getByRole("button", { name: "Release the 1 selected (count)" }).click();
  await expect(page.getByTestId("fraud-counts")).toContainText("2 held for review, 1 released");
  const rest = page.getByRole("region", { name: "Several ballots from one address block: 2 ballots" });
  await rest.getByLabel(/^Reason for deciding all/).fill("one script, three accounts");
  await rest.getByRole("button", { name: /^Void all 2 in this group/ }).click();
  await expect(page.getByTestId("fraud-counts")).toContainText("0 held for review, 1 released, 2 voided");

  // Back on the dashboard: 2 people + the released one; recounted again, it can be certified.
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("turnout")).toHaveText("3", { timeout: 10_000 });
  await page.getByRole("button", { name: "Run recount" }).click();
  await expect(page.getByText(/read 5 stored votes: equal to the live tally/)).toBeVisible();
  await page.getByLabel("Why certify this result?").fill("results certified by the board");
  await expect(certify).toBeEnabled();

  // The exported CSV holds what the recount counted.
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

  await certify.click();
  await expect(page.getByText("This result is certified.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Every decision is in the audit trail, with who and why.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit trail" }).click();
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
  await page.getByRole("link", { name: "Edit ballot", exact: true }).click();
  await expect(
    page
      .getByRole("group", { name: "Devices that may vote" })
      .getByRole("radio", { name: /^Only devices with a passkey/ }),
  ).toBeChecked();
});

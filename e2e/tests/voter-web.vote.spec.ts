import { expect, test } from "@playwright/test";
import { seriousViolations } from "./serious-violations";
import { personsUserAgent, signUpOnBallotPage } from "./voter-session";

test.use({ userAgent: personsUserAgent });

test("a new voter signs up, confirms, votes on all three question kinds, verifies the receipt, and cannot vote twice; the live results move without a reload", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto("/");
  await page.getByRole("link", { name: "Vote in Landslide Demo Election" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Landslide Demo Election" })).toBeVisible();
  const { email, password } = await signUpOnBallotPage(page);

  const ballot = page.getByRole("form", { name: "Ballot" });
  await expect(ballot).toBeVisible();
  // Reviewing an empty ballot says what is missing, per question.
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(ballot.getByText("Choose an option.").first()).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);

  await ballot.getByRole("radio", { name: "Otter" }).check();
  await ballot.getByRole("checkbox", { name: "Riverside Park" }).check();
  await ballot.getByRole("checkbox", { name: "Oakwood Common" }).check();
  await ballot.getByRole("button", { name: "Rank Chen Wei" }).click();
  await ballot.getByRole("button", { name: "Rank Ada Okafor" }).click();
  // Keyboard alone: focus "Move Ada Okafor up" and press Enter.
  await ballot.getByRole("button", { name: "Move Ada Okafor up" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    ballot
      .getByRole("list", { name: /Your ranking/ })
      .getByRole("listitem")
      .first(),
  ).toContainText("Ada Okafor");
  // With a mouse, dragging works too: Chen back on top, then Ada again with the button.
  const ranking = ballot.getByRole("list", { name: /Your ranking/ });
  await ranking
    .getByRole("listitem")
    .filter({ hasText: "Chen Wei" })
    .dragTo(ranking.getByRole("listitem").filter({ hasText: "Ada Okafor" }));
  await expect(ranking.getByRole("listitem").first()).toContainText("Chen Wei");
  await ballot.getByRole("button", { name: "Move Ada Okafor up" }).click();
  await expect(ranking.getByRole("listitem").first()).toContainText("Ada Okafor");
  await page.getByRole("button", { name: "Review my ballot" }).click();

  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByText("1. Ada Okafor, 2. Chen Wei")).toBeVisible();

  // Someone else watches the public results, signed out, in another browser context.
  const watcher = await (await browser.newContext()).newPage();
  await watcher.goto(page.url().replace(/\/?$/, "/results"));
  await expect(watcher.getByText("Live", { exact: true })).toBeVisible();
  const before = Number((await watcher.getByTestId("turnout").textContent())!.replace(/,/g, ""));
  const otterRow = watcher
    .getByRole("table", { name: /mascot\?: votes per option/ })
    .getByRole("row", { name: /Otter/ });
  // The first cell is the votes (a share follows it).
  const ottersBefore = Number(await otterRow.getByRole("cell").first().textContent());

  const castRequest = page.waitForRequest(
    (request) => request.url().includes("/trpc/voter.cast") && request.method() === "POST",
  );
  await page.getByRole("button", { name: "Cast my ballot" }).click();

  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 15_000 });
  // The cast carries how the ballot was filled in: counts and the spread of gaps, nothing typed or pointed at.
  const interaction = ((await castRequest).postDataJSON() as { client?: { interaction?: Record<string, unknown> } })
    .client?.interaction;
  expect(Object.keys(interaction ?? {}).sort()).toEqual([
    "focusChanges",
    "keyPresses",
    "msOnBallot",
    "pointerMoves",
    "pointerPresses",
    "pressGapVariation",
  ]);
  expect(Number(interaction!.pointerPresses) + Number(interaction!.keyPresses)).toBeGreaterThan(0);
  // The human check ran invisibly, in a Web Worker, off the page's thread.
  expect(workers.length).toBeGreaterThan(0);
  const receipt = page.getByRole("region", { name: "Your receipt" });
  await expect(receipt.getByText("Yes: issued by this election, checked in your browser")).toBeVisible();
  const receiptId = await receipt.getByTestId("receipt-number").textContent();
  expect(receiptId).toMatch(/^[0-9a-f]{32}$/);
  // The cryptography is there for experts, folded away; the receipt says in words what it is.
  await expect(
    receipt.getByText("This receipt shows that the election received your ballot.", { exact: false }),
  ).toBeVisible();
  await expect(receipt.getByText("Ballot commitment (SHA-256 of a secret and the ballot)")).toBeHidden();
  await receipt.getByText("Details for experts").click();
  await expect(receipt.getByText("Ballot commitment (SHA-256 of a secret and the ballot)")).toBeVisible();

  // The receipt downloads as JSON, and checks later by its id alone: counted, and its inclusion in a
  // signed epoch of the audit log proven in the browser (epochs seal within seconds, so ask until then).
  const download = page.waitForEvent("download");
  await receipt.getByRole("button", { name: "Download receipt" }).click();
  const receiptFile = await (await download).path();
  await receipt.getByRole("link", { name: "check this receipt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check a receipt" })).toBeVisible();
  await expect(page.getByLabel("Or the receipt number, or the receipt file pasted")).toHaveValue(receiptId!);
  // Said in a voter's words, with the election's name and how many ballots are counted; no hashes or leaves.
  const proven = page.getByText(
    /^Your ballot is counted, and it is in the published record of Landslide Demo Election; [\d,]+ ballots? counted in all\. Your browser checked this itself/,
  );
  await expect(async () => {
    await page.getByRole("button", { name: "Check receipt" }).click();
    await expect(proven).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // The kept file: its signature too, and the proof must reach the commitment it holds.
  await page.getByLabel("Receipt file", { exact: true }).setInputFiles(receiptFile);
  await page.getByRole("button", { name: "Check receipt" }).click();
  await expect(
    page.getByText("This receipt is genuine: it was issued by this election's voting service."),
  ).toBeVisible();
  await expect(proven).toBeVisible();
  const tampered = (await page.getByLabel("Or the receipt number, or the receipt file pasted").inputValue()).replace(
    /"castAt": "[^"]+"/,
    '"castAt": "2020-01-01T00:00:00.000Z"',
  );
  await page.getByLabel("Or the receipt number, or the receipt file pasted").fill(tampered);
  await page.getByRole("button", { name: "Check receipt" }).click();
  await expect(page.getByText(/^This receipt is not genuine/)).toBeVisible();
  await page.goBack();

  // The watcher's page follows: turnout and the Otter bar's figure, with no reload.
  await expect(watcher.getByTestId("turnout")).toHaveText(String(before + 1), { timeout: 10_000 });
  await expect(otterRow.getByRole("cell").first()).toHaveText(String(ottersBefore + 1));
  await watcher.context().close();

  // Back again later in the same session: the site shows the ballot already cast, with its receipt.
  await page.reload();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your receipt" }).getByTestId("receipt-number")).toHaveText(receiptId!);
  await expect(page.getByRole("form", { name: "Ballot" })).toHaveCount(0);
});

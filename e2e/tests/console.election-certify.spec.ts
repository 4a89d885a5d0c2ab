import { expect, test } from "@playwright/test";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient } from "./voter-session";

test.setTimeout(120_000);

test("certifying asks for confirmation, restates the result and names a tie nothing breaks", async ({ page }) => {
  // A closed election whose only question is tied one vote each, set up through the SDK.
  const official = await signedInClient("official@demo.landslide.test", "console");
  const title = `Night ferry tie ${Date.now()}`;
  const created = await official.control.official.elections.create.mutate({
    election: {
      title,
      description: "",
      questions: [
        {
          id: "keep-the-night-ferry",
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
    reason: "tie rehearsal",
  });
  const electionId = created.id;
  await official.control.official.elections.transition.mutate({ electionId, to: "open", reason: "polls open" });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task sees the open by then
  for (const [voter, choice] of [
    ["voter1@demo.landslide.test", "yes"],
    ["voter2@demo.landslide.test", "no"],
  ] as const) {
    const client = await signedInClient(voter, "voter-web");
    const cast = await client.castBallot({
      electionId,
      ballot: { answers: { "keep-the-night-ferry": { choices: [choice] } } },
    });
    expect(cast.decision).toBe("accepted");
  }
  await official.control.official.elections.transition.mutate({ electionId, to: "closed", reason: "polls closed" });

  await signInToConsole(page, "official@demo.landslide.test", `/elections/${electionId}/certification`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("turnout")).toHaveCount(0); // the certification tab, not the results
  await page.getByRole("button", { name: "Run recount" }).click();
  await expect(page.getByText(/read 2 stored votes: equal to the live tally/)).toBeVisible();
  await page.getByLabel("Why certify this result?").fill("board meeting of today");

  // One click only opens the confirmation, which restates the result and names the tie.
  await page.getByRole("button", { name: "Certify…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Certify “${title}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("One question is tied")).toBeVisible();
  await expect(dialog).toContainText("Tie: Yes and No have 1 vote each (50.0%)");
  await expect(dialog).toContainText("No rule of this platform breaks this tie");
  await expect(dialog.getByRole("button", { name: "Certify this result" })).toBeDisabled(); // title not typed yet
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("certify-dialog-1280.png") });

  // Cancel leaves the result uncertified.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  const status = async () =>
    (await official.control.official.elections.list.query()).find((e) => e.id === electionId)?.storedStatus;
  expect(await status()).toBe("closed");
  await expect(page.getByText("This result is certified.")).toHaveCount(0);

  // Confirming needs the title typed and the tie acknowledged.
  await page.getByRole("button", { name: "Certify…" }).click();
  await dialog.getByLabel(/^Type .* to confirm$/).fill(title);
  await dialog.getByRole("button", { name: "Certify this result" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Tick the box to say you have seen the tie first.");
  expect(await status()).toBe("closed");
  await dialog.getByRole("checkbox", { name: /^I have seen that this question is tied/ }).check();
  await dialog.getByRole("button", { name: "Certify this result" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("This result is certified.")).toBeVisible();
  expect(await status()).toBe("certified");
});

import { expect, test } from "@playwright/test";
import { signInToConsole } from "./console-session";
import { Tour } from "./tour";
import { signedInClient } from "./voter-session";

const PROMPT = "Choose the harbourmaster";
const CANDIDATES = ["Ines Duarte", "Tomas Berg", "Wen Li"];

test("an official shuffles each voter's options and records a tie draw in the console form, by keyboard; the election keeps both, as the rules panel says", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInToConsole(page, "official@demo.landslide.test", "/elections/new");
  const title = `Harbourmaster ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  const editor = page.getByRole("region", { name: "Question 1", exact: true });
  await editor.getByLabel("Wording of question 1").fill(PROMPT);
  for (const [j, label] of CANDIDATES.entries()) {
    if (j >= 2) await editor.getByRole("button", { name: "Add an option to question 1" }).click();
    await editor.getByLabel(`Option ${j + 1}`, { exact: true }).fill(label);
  }
  await page.getByRole("radio", { name: /^Shuffled for each voter/ }).check();
  // The preview of the ballot warns that each voter's list is drawn for them.
  await expect(page.getByText("Each voter sees these options in an order drawn for them.").first()).toBeVisible();

  await page.getByRole("radio", { name: /^By the recorded draw/ }).check();
  await expect(
    page.getByText("Put the options in the order they were drawn: the first drawn wins a tie."),
  ).toBeVisible();
  const draw = page.getByRole("list", { name: `Order drawn for: ${PROMPT}` });
  await expect(draw.getByRole("listitem")).toHaveText([/Ines Duarte/, /Tomas Berg/, /Wen Li/]);
  // Wen Li was drawn first: two presses of Enter on "Move Wen Li up", the keyboard alone.
  await draw.getByRole("button", { name: "Move Wen Li up" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(draw.getByRole("listitem")).toHaveText([/Wen Li/, /Ines Duarte/, /Tomas Berg/]);
  const tour = new Tour(page, "counting");
  await tour.shoot("new-election", "shuffled-with-recorded-draw", { ready: draw });

  await page.getByLabel("Reason for this change").fill("harbourmaster election");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const electionId = new URL(page.url()).pathname.split("/")[3]!;
  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules).toContainText("Shuffled for each voter");
  await expect(rules).toContainText("By the recorded draw");
  await tour.shoot("overview", "shuffled-with-recorded-draw", { ready: rules });
  tour.finish();

  // Stored as chosen: the API gives back the order rule and the draw, keyed by the derived ids.
  const official = await signedInClient("official@demo.landslide.test", "console");
  const stored = (await official.control.official.elections.list.query()).find((e) => e.id === electionId)!;
  expect(stored.optionOrder).toBe("shuffled");
  expect(stored.tieRule).toEqual({
    rule: "recorded-draw",
    draws: { "choose-the-harbourmaster": ["wen-li", "ines-duarte", "tomas-berg"] },
  });
});

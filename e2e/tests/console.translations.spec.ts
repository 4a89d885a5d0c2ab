import { expect, test } from "@playwright/test";
import { e2eUrls } from "../stack-ports";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient } from "./voter-session";

/**
 * An official translates a ballot in the console's builder (docs/languages.md): a Spanish
 * translation typed beside the English, previewed as Spanish readers will see it, refused while
 * it clashes with the ballot's own language, stored by the API, read on the voter site in
 * Spanish, kept by an edit, and removed by one.
 */
test.setTimeout(120_000);

test("an official translates a ballot in the builder, and voters reading Spanish get it", async ({ page }) => {
  await signInToConsole(page, "official@demo.landslide.test", "/elections/new");
  await expect(page.getByRole("heading", { level: 1, name: "New election" })).toBeVisible();
  const title = `Night ferry consultation ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  const question = page.getByRole("region", { name: "Question 1", exact: true });
  await question.getByLabel("Wording of question 1").fill("Keep the night ferry?");
  await question.getByLabel("Option 1", { exact: true }).fill("Yes");
  await question.getByLabel("Option 2", { exact: true }).fill("No");

  // The ballot is written in the console's language unless the official says otherwise.
  const languages = page.getByRole("region", { name: "Languages" });
  await expect(languages.getByLabel("Language the texts above are written in")).toHaveValue("en");
  await expect(languages.getByText("No translations yet: every voter reads the ballot in English.")).toBeVisible();
  await languages.getByLabel("Translate into").selectOption("es");
  await languages.getByRole("button", { name: "Add this translation" }).click();
  // Each field shows the original it translates, and is marked as Spanish for spell-checking and screen readers.
  const spanishTitle = languages.getByLabel("Title (Spanish)");
  await expect(spanishTitle).toHaveAttribute("lang", "es");
  await expect(spanishTitle).toHaveAccessibleDescription("Original: " + title);
  await spanishTitle.fill("Consulta del ferry nocturno");
  await languages.getByLabel("Question 1 (Spanish)").fill("¿Mantener el ferry nocturno?");
  await languages.getByLabel("Question 1, option 1 (Spanish)").fill("Sí");
  // "No" is the same word: left empty, Spanish readers see the original.
  await expect(languages.getByText("3 of 4 texts translated")).toBeVisible();

  const preview = page.getByRole("region", { name: "Preview as voters see it" });
  await preview.getByLabel("Show it as voters reading").selectOption("es");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText("Consulta del ferry nocturno");
  await expect(preview.getByRole("radio", { name: "Sí" })).toBeVisible();
  await expect(preview.getByText("Sí")).toHaveAttribute("lang", "es");
  await expect(preview.getByText("No", { exact: true })).toHaveAttribute("lang", "en");
  expect(await seriousViolations(page)).toEqual([]);

  // A ballot written in Spanish cannot also be translated into Spanish: said before anything is sent.
  await languages.getByLabel("Language the texts above are written in").selectOption("es");
  await page.getByLabel("Reason for this change").fill("e2e: a translated ballot");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need fixing" })).toBeVisible();
  await expect(languages.getByText(/This is the language the ballot itself is written in/)).toBeVisible();
  await languages.getByLabel("Language the texts above are written in").selectOption("en");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const electionId = new URL(page.url()).pathname.split("/")[3]!;

  // What the API stored: under the ids the builder derived, blanks left out.
  const official = await signedInClient("official@demo.landslide.test", "console");
  const stored = (await official.control.official.elections.list.query()).find((e) => e.id === electionId)!;
  expect(stored).toMatchObject({
    language: "en",
    translations: {
      es: {
        title: "Consulta del ferry nocturno",
        questions: { "keep-the-night-ferry": { prompt: "¿Mantener el ferry nocturno?", options: { yes: "Sí" } } },
      },
    },
  });

  // An edit keeps the translation (the form shows it), and removing it there removes it.
  await page
    .getByRole("navigation", { name: "This election" })
    .getByRole("link", { name: "Ballot", exact: true })
    .click();
  const editLanguages = page.getByRole("region", { name: "Languages" });
  await expect(editLanguages.getByText("3 of 4 texts translated")).toBeVisible();
  await page.getByLabel("Reason for this change").fill("e2e: an edit that changes nothing");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect((await official.control.official.elections.list.query()).find((e) => e.id === electionId)).toMatchObject({
    translations: stored.translations,
  });

  // Voters: the Spanish voter site reads the election in Spanish once it is open.
  await official.control.official.elections.transition.mutate({ electionId, to: "open", reason: "e2e: polls open" });
  await page.goto(`${e2eUrls.voterWeb}/es/elections/${electionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consulta del ferry nocturno");
});

test("removing a translation in the builder removes it from the election", async ({ page }) => {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const created = await official.control.official.elections.create.mutate({
    election: {
      title: "Pier referendum",
      description: "One question.",
      language: "en",
      translations: { fr: { title: "Référendum du quai" } },
      questions: [
        {
          id: "pier",
          kind: "single",
          prompt: "Build the pier?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "e2e: a ballot with a French title",
  });
  await signInToConsole(page, "official@demo.landslide.test", `/elections/${created.id}/ballot`);
  const languages = page.getByRole("region", { name: "Languages" });
  await expect(languages.getByText("1 of 5 texts translated")).toBeVisible();
  await languages.locator("summary").filter({ hasText: "French (Français)" }).click();
  await expect(languages.getByLabel("Title (French)")).toHaveValue("Référendum du quai");
  await languages.getByRole("button", { name: "Remove the French (Français) translation" }).click();
  await expect(languages.getByText("No translations yet: every voter reads the ballot in English.")).toBeVisible();
  await page.getByLabel("Reason for this change").fill("e2e: no French after all");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pier referendum" })).toBeVisible();
  const after = (await official.control.official.elections.list.query()).find((e) => e.id === created.id);
  expect(after?.translations ?? {}).toEqual({});
});

import { expect, type Page, test } from "@playwright/test";
import { DEMO_ELECTION, personsUserAgent, signedInClient, signUpOnBallotPage } from "./voter-session";

/**
 * An election's own words (title, prompts, labels) in the page's language where the official
 * translated them, else as written, marked with their language for screen readers
 * (docs/languages.md). The demo election is translated into every language of the site.
 */
test.use({ userAgent: personsUserAgent });

const titleOf = (page: Page) => page.getByRole("heading", { level: 1 }).locator("bdi");

test("the demo election's ballot reads in Spanish and in Arabic, its own words in the page's language", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(`/elections/${DEMO_ELECTION}`);
  await expect(titleOf(page)).toHaveText("Landslide Demo Election");
  await signUpOnBallotPage(page);

  // Switched in the page, the voter stays signed in (the session lives above the page's language).
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL(new RegExp(`/es/elections/${DEMO_ELECTION}$`));
  await expect(titleOf(page)).toHaveText("Elección de demostración de Landslide");
  // In the page's language: nothing to mark.
  await expect(titleOf(page)).not.toHaveAttribute("lang");
  const papeleta = page.getByRole("form", { name: "Papeleta" });
  await expect(papeleta.getByRole("group", { name: "¿Qué animal debería ser la mascota de la ciudad?" })).toBeVisible();
  await expect(papeleta.getByRole("radio", { name: "Nutria" })).toBeVisible();
  await expect(papeleta.getByRole("checkbox", { name: "Parque de la Ribera" })).toBeVisible();

  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(titleOf(page)).toHaveText("انتخابات لاندسلايد التجريبية");
  const arabicBallot = page.getByRole("form", { name: "بطاقة الاقتراع" });
  await expect(arabicBallot.getByRole("radio", { name: "ثعلب الماء" })).toBeVisible();
  // A vote cast from here is the same ballot in every language: it names options by id.
  await arabicBallot.getByRole("radio", { name: "ثعلب الماء" }).check();
  await expect(arabicBallot.getByRole("radio", { name: "ثعلب الماء" })).toHaveAttribute("value", "otter");
});

test("an election with no translation into the page's language is shown as written, marked with its language", async ({
  page,
}) => {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const written = await official.control.official.elections.create.mutate({
    election: {
      title: "Consulta del ferry nocturno",
      description: "Una sola pregunta.",
      language: "es",
      questions: [
        {
          id: "ferry",
          kind: "single",
          prompt: "¿Mantener el ferry nocturno?",
          options: [
            { id: "yes", label: "Sí" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "e2e: an election written in Spanish only",
  });
  await official.control.official.elections.transition.mutate({
    electionId: written.id,
    to: "open",
    reason: "polls open",
  });

  // An English page: the election's Spanish, which screen readers are told is Spanish.
  await page.goto(`/elections/${written.id}`);
  await expect(titleOf(page)).toHaveText("Consulta del ferry nocturno");
  await expect(titleOf(page)).toHaveAttribute("lang", "es");
  await expect(page.getByText("Una sola pregunta.")).toHaveAttribute("lang", "es");
  // The list of elections says the same.
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 3, name: "Consulta del ferry nocturno" }).locator("bdi"),
  ).toHaveAttribute("lang", "es");

  // The Spanish page shows it in its own language: nothing to mark.
  await page.goto(`/es/elections/${written.id}`);
  await expect(titleOf(page)).toHaveText("Consulta del ferry nocturno");
  await expect(titleOf(page)).not.toHaveAttribute("lang");
});

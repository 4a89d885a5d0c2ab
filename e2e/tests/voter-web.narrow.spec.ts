import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "./serious-violations";
import { signedInClient } from "./voter-session";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";

/** Nothing wider than a 320 px phone: the page never scrolls sideways. Keeps a screenshot to look at. */
async function fitsNarrowScreen(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  await page.screenshot({ path: test.info().outputPath(`${name}-320.png`), fullPage: true });
  expect(scrollWidth, `${name} is ${scrollWidth} px wide at 320 px`).toBeLessThanOrEqual(innerWidth);
}

test("a closed election's results and a proven receipt fit a 320 px screen, with no serious accessibility violation", async ({
  page,
}) => {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: "Quayside Market Committee, a long election title that has to wrap on a phone",
      questions: [
        {
          id: "chair",
          kind: "ranked",
          prompt: "Rank the candidates for the chair of the quayside market committee",
          options: [
            { id: "amara", label: "Amara Okonkwo-Villanueva" },
            { id: "bjorn", label: "Bjørn Halvorsen" },
            { id: "chiara", label: "Chiara Esposito" },
          ],
          minChoices: 1,
          maxChoices: 3,
        },
      ],
    },
    reason: "e2e: narrow screens",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy of the election shows the open by then
  let receiptId = "";
  for (const [voter, ranking] of [
    ["voter1@demo.landslide.test", ["amara", "chiara"]],
    ["voter2@demo.landslide.test", ["chiara", "bjorn"]],
    ["voter3@demo.landslide.test", ["chiara"]],
  ] as const) {
    const cast = await (
      await signedInClient(voter, "voter-web")
    ).castBallot({ electionId: election.id, ballot: { answers: { chair: { choices: [...ranking] } } } });
    receiptId ||= cast.receipt.receiptId;
  }
  const closed = await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "closed",
    reason: "polls closed",
  });
  // In effect at effectiveAt, and in every task's copy of the election soon after.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
  );

  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`/elections/${election.id}/results`);
  await expect(page.getByText("Elected by instant runoff: Chiara Esposito")).toBeVisible();
  await fitsNarrowScreen(page, "closed-results");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/receipts?id=${receiptId}`);
  await expect(page.getByText(/^Your ballot is counted, and it is in the published record of /)).toBeVisible({
    timeout: 15_000,
  });
  // The proof itself is folded away for experts; opened, it still fits.
  await page.getByText("Details for experts").click();
  await expect(page.getByText("It holds: the record leads to the signed root.")).toBeVisible();
  await fitsNarrowScreen(page, "proven-receipt");
  expect(await seriousViolations(page)).toEqual([]);
});

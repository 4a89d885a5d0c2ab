import { expect, test } from "@playwright/test";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { Tour } from "./tour";
import { demoPassword, personsUserAgent, signedInClient } from "./voter-session";

test.use({ userAgent: personsUserAgent });

const VOTER = "voter2@demo.landslide.test";
const TRUSTEES = ["Ada", "Bruno", "Chen", "Dolores", "Emil", "Farah", "Goran", "Hana"];

test("an election that shuffles its options lists them in the voter's own order on the ballot, and the receipt records that order", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: `Trustees, shuffled ${Date.now()}`,
      optionOrder: "shuffled",
      questions: [
        {
          id: "trustee",
          kind: "single",
          prompt: "Choose a trustee",
          options: TRUSTEES.map((label) => ({ id: label.toLowerCase(), label })),
        },
      ],
    },
    reason: "e2e: an election that shuffles its options",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy shows the open by then
  // The order the vote API draws for this voter, asked for through the API itself.
  const drawn = await (
    await signedInClient(VOTER, "voter-web")
  ).vote.voter.ballotOrder.query({
    electionId: election.id,
  });
  const order = drawn!.trustee!;
  expect([...order].sort()).toEqual(TRUSTEES.map((t) => t.toLowerCase()).sort());

  await page.goto(`/elections/${election.id}`);
  await page.getByLabel("E-mail address").fill(VOTER);
  await page.getByLabel("Password").fill(demoPassword(VOTER));
  await page.getByRole("button", { name: "Sign in" }).click();
  const question = page.getByRole("group", { name: "Choose a trustee", exact: true });
  await expect(question).toBeVisible();
  // The ballot lists the options in that very order, and says why.
  expect(
    await question.getByRole("radio").evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value)),
  ).toEqual([...order]);
  await expect(
    page.getByText(
      "The options are listed in an order drawn for you, so that no option gains from always coming first.",
    ),
  ).toBeVisible();
  const tour = new Tour(page, "counting");
  await tour.shoot("voter-web-ballot", "shuffled-options", { ready: question });

  const label = (id: string) => TRUSTEES.find((t) => t.toLowerCase() === id)!;
  await question.getByRole("radio", { name: label(order[0]!) }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 15_000 });

  // The receipt records the order, signed with the rest, and lists it with the options' names.
  await expect(page.getByText("Your receipt records the order your ballot listed the options in.")).toBeVisible();
  await page.getByText("The order of the options on your ballot").click();
  await expect(page.getByRole("listitem").filter({ hasText: /^Choose a trustee:/ })).toHaveText(
    `Choose a trustee: ${order.map(label).join(", ")}`,
  );
  await tour.shoot("voter-web-receipt", "shuffled-options", {
    ready: page.getByRole("listitem").filter({ hasText: /^Choose a trustee:/ }),
  });
  tour.finish();
  const receipt = await (
    await signedInClient(VOTER, "voter-web")
  ).vote.voter.myReceipt.query({
    electionId: election.id,
  });
  expect(receipt?.receipt.optionOrder).toEqual(drawn);
});

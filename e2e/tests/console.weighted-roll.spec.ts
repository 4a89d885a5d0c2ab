import { expect, test } from "@playwright/test";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { signInToConsole } from "./console-session";
import { e2eUrls } from "../stack-ports";
import { Tour } from "./tour";
import { demoPassword, personsUserAgent, signedInClient } from "./voter-session";

test.use({ userAgent: personsUserAgent });
test.setTimeout(180_000);

/**
 * A union's delegates, weighted by the members they represent: the official imports the roll's
 * weight column in the console, a delegate votes on the voter site and reads on the receipt how
 * many votes the ballot counts as, and the public results count votes beside the people who cast them.
 */
test("an official imports a weighted roll in the console; a delegate's receipt says how many votes it counts as, and the results count the weights", async ({
  page,
}) => {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const title = `Dockworkers' Congress ${Date.now()}`;
  const election = await official.control.official.elections.create.mutate({
    election: {
      title,
      eligibility: "voter-roll",
      questions: [
        {
          id: "strike",
          kind: "single",
          prompt: "Call the strike?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
          minChoices: 1,
          maxChoices: 1,
        },
      ],
    },
    reason: "congress of the union",
  });

  // The roll, pasted in the console with its weight column; a weight that is not a whole number is named.
  const tour = new Tour(page, "weighted");
  await signInToConsole(page, "official@demo.landslide.test", `/elections/${election.id}/roll`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByText(/An optional weight column gives a voter's ballot the worth of several votes/),
  ).toBeVisible();
  const roll = [
    "email,weight",
    "voter1@demo.landslide.test,30",
    "voter2@demo.landslide.test,12",
    "branch7@example.org,2.5",
  ];
  await page.getByLabel("Or paste the CSV text").fill(roll.join("\n"));
  await expect(
    page.getByRole("region", { name: "First rows of the roll" }).getByRole("cell", { name: "30" }),
  ).toBeVisible();
  await page.getByLabel("Reason for this import").fill("delegates and their members");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByText("Imported 2 of 3 rows.")).toBeVisible();
  const problems = page.getByRole("region", { name: "Rows with a problem" });
  await expect(problems.getByRole("cell")).toHaveText(["A weight is a whole number from 1 to 1,000,000."]);
  await tour.shoot("console-roll", "weighted-import", { ready: problems });

  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "congress opens",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));

  // The north delegate votes on the voter site, as a person in a browser.
  await page.goto(`${e2eUrls.voterWeb}/elections/${election.id}`);
  await page.getByLabel("E-mail address").fill("voter1@demo.landslide.test");
  await page.getByLabel("Password").fill(demoPassword("voter1@demo.landslide.test"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const ballot = page.getByRole("form", { name: "Ballot" });
  await ballot.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  const receipt = page.getByRole("region", { name: "Your receipt" });
  await expect(receipt.getByText("Yes: issued by this election, checked in your browser")).toBeVisible({
    timeout: 15_000,
  });
  await expect(receipt.getByTestId("receipt-weight")).toHaveText(
    "Your ballot counts as 30 votes, as the voter roll sets for you.",
  );
  await tour.shoot("voter-web-receipt", "weighted", { ready: receipt.getByTestId("receipt-weight") });

  // The south delegate votes through the SDK; the public results count 42 votes from 2 people.
  const south = await signedInClient("voter2@demo.landslide.test", "voter-web");
  await south.castBallot({ electionId: election.id, ballot: { answers: { strike: { choices: ["no"] } } } });
  await page.goto(`${e2eUrls.voterWeb}/elections/${election.id}/results`);
  await expect(page.getByTestId("turnout")).toHaveText("2", { timeout: 15_000 });
  await expect(page.getByTestId("weighted-votes")).toHaveText("42");
  const strike = page.getByRole("table", { name: /Call the strike\?: votes per option/ });
  await expect(strike.getByRole("row", { name: /Yes/ }).getByRole("cell").first()).toHaveText("30");
  await expect(strike.getByRole("row", { name: /No/ }).getByRole("cell").first()).toHaveText("12");
  await tour.shoot("voter-web-results", "weighted", { ready: page.getByTestId("weighted-votes") });
  tour.finish();
});

import { expect } from "@playwright/test";
import { everyKind, newVoter, signInOnBallotPage, test, voterMessages } from "./accessibility";
import { personsUserAgent } from "./voter-session";

/**
 * What a screen reader is given, as Playwright's aria snapshots read it from the accessibility
 * tree: every control of the ballot with its role and name (WCAG 4.1.2), the outcome of a cast in
 * a status region and a problem in an alert (4.1.3), in English.
 */

// A person's browser: the voter who casts must not be held for review as a script.
test.use({ userAgent: personsUserAgent });

const en = voterMessages("en");

test("the ballot's controls have the roles and names a screen reader announces", async ({ page, elections }) => {
  await page.goto(`/en/elections/${elections.open}`);
  await signInOnBallotPage(page, en, await newVoter());
  const ballot = page.getByRole("form", { name: en.vote.ballotLabel });
  await ballot.getByRole("button", { name: "Rank Chiara Esposito" }).click();
  await ballot.getByRole("button", { name: "Rank Amara Okonkwo-Villanueva" }).click();
  await expect(ballot).toMatchAriaSnapshot(`
    - form "Ballot":
      - group "Which animal should be the harbour's mascot?":
        - paragraph: Choose one.
        - radio "Otter"
        - radio "Heron"
        - radio "Puffin"
        - checkbox "Abstain on this question"
      - group "Which parks should get new playgrounds? Choose one or two.":
        - paragraph: Choose 1 to 2.
        - checkbox "Riverside Park"
        - checkbox "Oakwood Common"
        - checkbox "Harbour Green"
        - checkbox "Abstain on this question"
      - group "Rank the candidates for chair of the harbour board":
        - paragraph: Rank up to 3, most preferred first.
        - 'list "Your ranking for: Rank the candidates for chair of the harbour board"':
          - listitem:
            - text: 1. Chiara Esposito
            - button "Move Chiara Esposito up" [disabled]
            - button "Move Chiara Esposito down"
            - button "Remove Chiara Esposito from the ranking"
          - listitem:
            - text: 2. Amara Okonkwo-Villanueva
            - button "Move Amara Okonkwo-Villanueva up"
            - button "Move Amara Okonkwo-Villanueva down" [disabled]
            - button "Remove Amara Okonkwo-Villanueva from the ranking"
        - 'group "Add to your ranking for: Rank the candidates for chair of the harbour board"':
          - button "Rank Bjørn Halvorsen"
        - status: 2. Amara Okonkwo-Villanueva
        - checkbox "Abstain on this question"
      - group "Spend the harbour reserve on a new ferry?":
        - paragraph: Choose one.
        - radio "Yes"
        - radio "No"
        - checkbox "Abstain on this question"
      - button "Review my ballot"
  `);
});

test("a ballot not ready is said in an alert; the outcome of a cast in the status region, and focus goes to the receipt", async ({
  page,
  elections,
}) => {
  await page.goto(`/en/elections/${elections.open}`);
  await signInOnBallotPage(page, en, await newVoter());
  const ballot = page.getByRole("form", { name: en.vote.ballotLabel });

  // Only the first question answered: the rest is said at once, as an alert, and focus goes to it.
  await ballot.getByRole("radio", { name: "Heron" }).check();
  await page.getByRole("button", { name: en.vote.reviewBallot }).click();
  const problems = page.getByRole("main").getByRole("alert");
  await expect(problems).toBeFocused();
  await expect(problems).toMatchAriaSnapshot(`
    - alert:
      - paragraph: "Check these questions before you review your ballot:"
      - list:
        - listitem:
          - 'link "${everyKind.multi.prompt}: Choose an option"'
        - listitem:
          - 'link "${everyKind.ranked.prompt}: Choose an option"'
        - listitem:
          - 'link "${everyKind.abstained.prompt}: Choose an option"'
  `);

  await ballot.getByRole("checkbox", { name: "Oakwood Common" }).check();
  await ballot.getByRole("button", { name: "Rank Bjørn Halvorsen" }).click();
  await ballot.getByRole("group", { name: everyKind.abstained.prompt }).getByRole("radio", { name: "No" }).check();
  await page.getByRole("button", { name: en.vote.reviewBallot }).click();
  await expect(page.getByRole("heading", { name: en.review.heading })).toBeFocused();

  // The status region is on the page, empty, before the cast: what comes into it is announced.
  const outcome = page.getByRole("main").getByRole("status").first();
  await expect(outcome).toBeEmpty();
  await page.getByRole("button", { name: en.review.cast }).click();
  await expect(outcome).toMatchAriaSnapshot(`
    - status:
      - paragraph: /Your ballot was received and (counted\\.|is under review\\. .*)/
  `);
  await expect(page.getByRole("heading", { level: 2, name: en.receipt.heading })).toBeFocused();
  await expect(page.getByRole("region", { name: en.receipt.heading })).toMatchAriaSnapshot(`
    - region "Your receipt":
      - heading "Your receipt" [level=2]
      - paragraph: /This receipt shows that the election received your ballot\\./
      - term: Receipt number
      - definition: /[0-9a-f]{32}/
  `);
});

test("a refused cast is said in an alert, and focus stays on the button pressed", async ({ page, elections }) => {
  // The roll election: this voter is not on its roll, which the vote API says when the ballot is cast.
  await page.goto(`/en/elections/${elections.roll}`);
  await signInOnBallotPage(page, en, await newVoter());
  const ballot = page.getByRole("form", { name: en.vote.ballotLabel });
  for (const question of [everyKind.single, everyKind.multi, everyKind.ranked, everyKind.abstained])
    await ballot
      .getByRole("group", { name: question.prompt })
      .getByRole("checkbox", { name: en.ballot.abstain })
      .check();
  await page.getByRole("button", { name: en.vote.reviewBallot }).click();
  const cast = page.getByRole("button", { name: en.review.cast });
  await cast.click();
  await expect(page.getByRole("main").getByRole("alert")).toMatchAriaSnapshot(`
    - alert:
      - text: ${en.refusals.NOT_ELIGIBLE}
      - code: NOT_ELIGIBLE
  `);
  await expect(cast).toBeFocused();
  await expect(cast).not.toHaveAttribute("aria-disabled", "true");
});

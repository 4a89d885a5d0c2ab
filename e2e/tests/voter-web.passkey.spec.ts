import { type BrowserContext, type CDPSession, expect, type Page, test } from "@playwright/test";
import { refusalOf } from "@landslide/api/client";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { seriousViolations } from "./serious-violations";
import { personsUserAgent, signedInClient, signedUpClient, signUpOnPage } from "./voter-session";
import { e2eUrls } from "../stack-ports";

// WebAuthn refuses an IP-address origin, and the API's relying party is "localhost": passkeys work on
// http://localhost:<port> only, so this spec opens the voter site there (the project's baseURL is 127.0.0.1).
const site = e2eUrls.voterWebByName;

test.use({ userAgent: personsUserAgent });

/** A phone and a laptop, kept with the test's output (test-results/) to be looked at. */
async function screenshotsOf(page: Page, name: string) {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
}

/** Chromium's virtual authenticator: a platform one (fingerprint, face or screen lock) that says yes by itself. */
async function virtualAuthenticator(
  context: BrowserContext,
  page: Page,
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

test("under a 'required' passkey policy a voter adds a passkey on the page and the cast it signs is counted; a browser with no authenticator is held back and told why, and a cast without a passkey is refused", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: "Lighthouse Keepers' Guild Ballot",
      passkeyPolicy: "required",
      questions: [
        {
          id: "keeper",
          kind: "single",
          prompt: "Who should keep the north light?",
          options: [
            { id: "ruth", label: "Ruth Abernethy" },
            { id: "sami", label: "Sami Koskinen" },
          ],
        },
      ],
    },
    reason: "e2e: passkeys required",
  });
  expect(election.passkeyPolicy).toBe("required");
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy of the election shows the open by then
  const ballotPage = `${site}/elections/${election.id}`;

  // The vote API's public read carries the policy the page acts on.
  const { client: bare } = await signedUpClient();
  expect((await bare.vote.elections.get.query({ electionId: election.id })).passkeyPolicy).toBe("required");
  // A cast with no passkey, straight to the API, is refused with the engine's reason.
  const unsigned = await bare
    .castBallot({ electionId: election.id, ballot: { answers: { keeper: { choices: ["sami"] } } } })
    .catch((error: unknown) => error);
  expect(refusalOf(unsigned)?.reason).toBe("PASSKEY_REQUIRED");

  // A voter whose device has a fingerprint, face or screen lock (the virtual authenticator).
  const context = await browser.newContext();
  const page = await context.newPage();
  const { cdp, authenticatorId } = await virtualAuthenticator(context, page);
  await page.goto(ballotPage);
  await expect(page.getByRole("heading", { level: 1, name: "Lighthouse Keepers' Guild Ballot" })).toBeVisible();
  await signUpOnPage(page);

  const card = page.getByRole("region", { name: "Add a passkey to vote" });
  await expect(card).toBeVisible();
  await expect(card.getByText("proves that a person on a real device cast the ballot")).toBeVisible();
  await expect(card.getByText("You cannot cast your ballot until you add one.")).toBeVisible();
  // Nothing to skip under "required", no ballot yet, and no warning about this device: it has an authenticator.
  await expect(card.getByRole("button", { name: "Not now" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Ballot" })).toHaveCount(0);
  await expect(card.getByText("This device offers no fingerprint")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotsOf(page, "voter-web-passkey-card");

  // Keyboard alone: focus the button and press Enter.
  await card.getByRole("button", { name: "Add a passkey" }).focus();
  await page.keyboard.press("Enter");
  const added = page.getByText("Passkey added.");
  await expect(added).toBeVisible({ timeout: 15_000 });
  await expect(added).toBeFocused();
  await expect(card).toHaveCount(0);
  await screenshotsOf(page, "voter-web-passkey-added");
  const [registered] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  expect(registered).toBeDefined();

  const ballot = page.getByRole("form", { name: "Ballot" });
  await ballot.getByRole("radio", { name: "Ruth Abernethy" }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 20_000 });
  // The authenticator signed the cast: its counter for that credential moved on.
  const after = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials.find(
    (c) => c.credentialId === registered!.credentialId,
  );
  expect(after!.signCount).toBeGreaterThan(registered!.signCount);

  // Another voter, in a browser with no authenticator at all: the ballot stays back, and the page says why and what to do.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(ballotPage);
  const { email, password } = await signUpOnPage(otherPage);
  const held = otherPage.getByRole("region", { name: "Add a passkey to vote" });
  await expect(held.getByText("This election only accepts ballots from a device with a passkey.")).toBeVisible();
  await expect(held.getByText("This device offers no fingerprint, face or screen lock to this browser.")).toBeVisible();
  await expect(otherPage.getByRole("form", { name: "Ballot" })).toHaveCount(0);
  await expect(otherPage.getByRole("button", { name: "Cast my ballot" })).toHaveCount(0);
  expect(await seriousViolations(otherPage)).toEqual([]);
  await screenshotsOf(otherPage, "voter-web-passkey-required-refusal");

  // Opened by its numeric address, the site says passkeys cannot work there and links to localhost.
  await otherPage.goto(ballotPage.replace("localhost", "127.0.0.1"));
  await otherPage.getByLabel("E-mail address").fill(email);
  await otherPage.getByLabel("Password").fill(password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(
    otherPage.getByText("Passkeys do not work when this site is opened by a numeric address such as 127.0.0.1."),
  ).toBeVisible();
  // The same page by name, in the language it was opened in.
  await expect(otherPage.getByRole("link", { name: site })).toHaveAttribute(
    "href",
    `${site}/en/elections/${election.id}`,
  );
  await expect(otherPage.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  await screenshotsOf(otherPage, "voter-web-passkey-ip-address");

  await other.close();
  await context.close();
});

test("under a 'review-without' passkey policy the card says such ballots are checked first; a voter who skips it casts, and the ballot is held for review", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: "Harbour Rowing Club Ballot",
      passkeyPolicy: "review-without",
      questions: [
        {
          id: "captain",
          kind: "single",
          prompt: "Who should captain the first crew?",
          options: [
            { id: "ola", label: "Ola Nordmann" },
            { id: "ines", label: "Inês Carvalho" },
          ],
        },
      ],
    },
    reason: "e2e: passkeys reviewed without",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site}/elections/${election.id}`);
  await signUpOnPage(page);
  const card = page.getByRole("region", { name: "Add a passkey so your ballot counts straight away" });
  await expect(
    card.getByText("Ballots cast without a passkey are checked by the election office before they count."),
  ).toBeVisible();
  // An offer: the ballot is there below it.
  await expect(page.getByRole("form", { name: "Ballot" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotsOf(page, "voter-web-passkey-review-without");

  await card.getByRole("button", { name: "Vote without a passkey" }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText("You chose to vote without a passkey.")).toBeFocused();
  await page.getByRole("form", { name: "Ballot" }).getByRole("radio", { name: "Ola Nordmann" }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByText("Your ballot was received and is under review.")).toBeVisible({ timeout: 20_000 });
  await context.close();
});

import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createLandslideClient } from "@landslide/api/client";
import { waitForConfirmationCode } from "@landslide/local-stack";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { personsUserAgent, signedInClient, signUpOnPage, stackCognito } from "./voter-session";
import { e2eServiceUrls, e2eUrls } from "../stack-ports";

/**
 * Issue #18's tier (c): a farm of headless Chromium browsers with stealth settings, through the
 * real voter site. Each bot is a fresh browser context with a person's user agent, no
 * `navigator.webdriver` and a common desktop screen; it signs up on the page, answers the farm's
 * one ballot with clicks and keys, reviews it and casts it, at a farm's tempo. The second farm
 * does the same in an election that requires passkeys, each bot with Chromium's virtual
 * authenticator: a passkey with attestation "none" is a key, not a phone.
 *
 * What this can and cannot show: every e2e browser reaches the vote API from 127.0.0.1, one /24,
 * and each farm votes in an election of its own, so by default the farm is the whole electorate
 * there. The coordinated-ballot signal (packages/api/src/risk/ballot-concentration.ts) compares a
 * block's answers with those accepted from every *other* block; with none, it has nothing to
 * compare with. Run with the stack trusting 127.0.0.1 as a proxy
 * (`LANDSLIDE_TRUSTED_PROXIES=127.0.0.1 npx playwright test tests/voter-web.bot-farm.spec.ts`, on
 * a fresh stack: a running one is reused as it is) and people on networks of their own vote in the
 * farm's election first, through the SDK behind that "proxy", so the farm is judged among them, as
 * in packages/api/test/bot-scenario.test.ts. The browsers send no X-Forwarded-For: they stay 127.0.0.1.
 *
 * The sign-up limit per network (5 per /24 per 10 minutes by default) would stop this farm at its
 * sixth account; playwright.config.ts lifts it for the e2e stack, so this measures the cast.
 */

const FARM_SIZE = Number(process.env.BOT_FARM_SIZE ?? 8);
const PASSKEY_FARM_SIZE = Math.max(1, Math.floor(FARM_SIZE / 2));
/** People beside the farm, only when the vote API believes the X-Forwarded-For they send. */
const BEHIND_PROXY = (process.env.LANDSLIDE_TRUSTED_PROXIES ?? "")
  .split(",")
  .map((entry) => entry.trim())
  .includes("127.0.0.1");
const PEOPLE = BEHIND_PROXY ? Number(process.env.BOT_FARM_PEOPLE ?? 12) : 0;

// The project's launch options already hide navigator.webdriver; the farm says so itself, so that
// the tier stays what it is whatever the config's defaults become.
const STEALTH_ARGS = ["--disable-blink-features=AutomationControlled"];

/** The screens most desktop visitors have: a farm that wants to look like them picks among these. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1536, height: 864 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;

// WebAuthn refuses an IP-address origin and the API's relying party is "localhost" (see voter-web.passkey.spec.ts).
const PASSKEY_SITE = e2eUrls.voterWebByName;

/** What the vote page said at the end (vote-page.tsx). */
type Outcome = { kind: "counted" | "under review" } | { kind: "refused"; message: string };

/**
 * The refusals a farm may meet that are about it being a farm: the risk score's and the rate
 * limits' (apps/voter-web/lib/refusal-messages.ts, RISK_REFUSED and RATE_LIMITED). Anything else
 * would mean the site failed the bot, not that the defences caught it.
 */
const FARM_REFUSALS = [
  /^We could not accept a ballot from this device or network\./,
  /^Too many attempts from your network just now\./,
];

interface Bot {
  readonly farm: string;
  readonly index: number;
  readonly outcome: Outcome;
  /** The passkey farm's: the authenticator's signature counter before and after the cast. */
  readonly signCount?: { readonly registered: number; readonly afterCast: number };
}

/** The farm's ballot: the same answers from every bot, the way it is paid to vote. */
const FARM_CHOICE = {
  chair: "Dorota Wiśniewska",
  projects: ["Allotment water pumps", "Bus shelter lighting"],
} as const;
const FARM_BALLOT = { chair: "dorota", projects: ["pumps", "shelters"] };

/**
 * People's ballots: every other combination in turn, so that the farm's whole ballot is one no
 * person happened to cast (as a paid-for answer often is), while its answer to each question alone
 * is common. Chair first, so a dozen people spread over all three candidates.
 */
function personBallot(i: number) {
  const pairs = [
    ["pumps", "library"],
    ["shelters", "benches"],
    ["library", "benches"],
    ["pumps", "shelters"],
    ["pumps", "benches"],
    ["shelters", "library"],
  ];
  const combinations = pairs.flatMap((projects) => ["kwame", "dorota", "lucia"].map((chair) => ({ chair, projects })));
  const others = combinations.filter(
    (c) => !(c.chair === FARM_BALLOT.chair && c.projects.join() === FARM_BALLOT.projects.join()),
  );
  const { chair, projects } = others[i % others.length]!;
  return { answers: { chair: { choices: [chair] }, projects: { choices: projects } } };
}

// The e2e stack's data folder (playwright.config.ts), where cognito-local keeps the confirmation codes.
const dataDir = fileURLToPath(new URL("../../.landslide/e2e", import.meta.url));

/** A person on a network of their own: signed up through the SDK, behind the proxy the stack trusts, from `address`. */
async function personAt(address: string) {
  const cognito = stackCognito();
  const client = createLandslideClient({
    urls: e2eServiceUrls,
    cognito: { region: cognito.region, endpoint: cognito.endpoint, clientId: cognito.clientIds["voter-web"]! },
    userAgent: personsUserAgent,
    clientHints: () => ({ webdriver: false }),
    // The proxy appends the address it saw.
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "x-forwarded-for": address } }),
  });
  const email = `e2e.person.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = "E2e-Voter-Passw0rd";
  await client.auth.signUp(email, password);
  await client.auth.confirmSignUp(email, await waitForConfirmationCode(`${dataDir}/data/cognito`, email));
  await client.auth.signIn(email, password);
  return client;
}

async function openElection(passkeyPolicy: "optional" | "required", title: string): Promise<string> {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title,
      passkeyPolicy,
      questions: [
        {
          id: "chair",
          kind: "single",
          prompt: "Who should chair the residents' association?",
          options: [
            { id: "dorota", label: "Dorota Wiśniewska" },
            { id: "kwame", label: "Kwame Asante" },
            { id: "lucia", label: "Lucía Romero" },
          ],
        },
        {
          id: "projects",
          kind: "multi",
          prompt: "Which two projects should this year's budget fund?",
          minChoices: 2,
          maxChoices: 2,
          options: [
            { id: "pumps", label: "Allotment water pumps" },
            { id: "shelters", label: "Bus shelter lighting" },
            { id: "library", label: "Library opening hours" },
            { id: "benches", label: "Benches along the canal" },
          ],
        },
      ],
    },
    reason: "e2e: bot farm benchmark, tier (c)",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  return election.id;
}

/** One bot's browser: a fresh context (its own cookies, storage and device key) dressed as a person's desktop Chrome. */
async function botContext(browser: Browser, baseURL: string | undefined, index: number): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    userAgent: personsUserAgent,
    viewport: SCREENS[index % SCREENS.length]!,
    locale: "en-GB",
    timezoneId: "Europe/London",
    colorScheme: "light",
  });
}

/** Chromium's virtual authenticator, as voter-web.passkey.spec.ts adds it: a platform one that says yes by itself. */
async function virtualAuthenticator(context: BrowserContext, page: Page) {
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
  const signCount = async () =>
    (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials[0]?.signCount;
  return { signCount };
}

/** Answers the farm's ballot as a person at a keyboard and mouse would, reviews it and casts it. */
async function voteTheFarmBallot(page: Page): Promise<Outcome> {
  const ballot = page.getByRole("form", { name: "Ballot" });
  await ballot.getByText(FARM_CHOICE.chair, { exact: true }).click();
  // The projects by keyboard: focus the first box and tick it with Space, the second with a click.
  await ballot.getByRole("checkbox", { name: FARM_CHOICE.projects[0] }).focus();
  await page.keyboard.press("Space");
  await ballot.getByText(FARM_CHOICE.projects[1], { exact: true }).click();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await expect(page.getByText(`${FARM_CHOICE.projects[0]}, ${FARM_CHOICE.projects[1]}`)).toBeVisible();
  await page.getByRole("button", { name: "Cast my ballot" }).focus();
  await page.keyboard.press("Enter");
  return outcomeOnPage(page);
}

async function outcomeOnPage(page: Page): Promise<Outcome> {
  const counted = page.getByText("Your ballot was received and counted.");
  const review = page.getByText("Your ballot was received and is under review.");
  const refused = page.locator("p.notice.bad[role=alert]");
  await expect(counted.or(review).or(refused)).toBeVisible({ timeout: 20_000 });
  if (await counted.isVisible()) return { kind: "counted" };
  if (await review.isVisible()) return { kind: "under review" };
  return { kind: "refused", message: (await refused.textContent()) ?? "" };
}

/** The bot's disguise holds: no automation flag, and a person's browser by its user agent. */
async function expectDisguised(page: Page) {
  expect(await page.evaluate(() => navigator.webdriver)).toBe(false);
  expect(await page.evaluate(() => navigator.userAgent)).toBe(personsUserAgent);
}

function summary(bots: readonly Bot[]) {
  const count = (kind: Outcome["kind"]) => bots.filter((b) => b.outcome.kind === kind).length;
  return { total: bots.length, accepted: count("counted"), held: count("under review"), refused: count("refused") };
}

const formatRow = (label: string, s: ReturnType<typeof summary>) =>
  `${label.padEnd(76)} ${String(s.total).padStart(3)}: ${s.accepted} accepted, ${s.held} held, ${s.refused} refused`;

test(`tier (c): a farm of ${FARM_SIZE} stealth headless browsers signs up and casts one ballot through the voter site, and ${PASSKEY_FARM_SIZE} more with virtual passkeys where passkeys are required`, async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  // 7 to 9 s a bot on two busy cores (most of it the sign-up), 3 s a person, and the two elections' set-up: about 2 minutes at N = 8.
  test.setTimeout(40_000 + 12_000 * (FARM_SIZE + PASSKEY_FARM_SIZE) + 5_000 * PEOPLE);
  const browser = await playwright.chromium.launch({
    ...launchOptions,
    args: [...new Set([...(launchOptions.args ?? []), ...STEALTH_ARGS])],
  });
  const official = await signedInClient("official@demo.landslide.test", "console");
  const plain = await openElection("optional", "Canal Street Residents' Association Ballot");
  const withPasskeys = await openElection("required", "Mill Lane Residents' Association Ballot");
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy of the elections shows them open by then

  // People vote first, each from a /24 of their own, at a person's pace after the human check.
  const people = [];
  for (let i = 0; i < PEOPLE; i++) people.push(await personAt(`10.77.${i}.9`));
  await Promise.all(people.map((person) => person.prepareHumanCheck()));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const peoplesDecisions = [];
  for (const [i, person] of people.entries())
    peoplesDecisions.push((await person.castBallot({ electionId: plain, ballot: personBallot(i) })).decision);

  const bots: Bot[] = [];
  const started = Date.now();
  // One bot after another: cognito-local keeps a pool in one file and loses writes under concurrent sign-ups.
  for (let i = 0; i < FARM_SIZE; i++) {
    const context = await botContext(browser, baseURL, i);
    const page = await context.newPage();
    await page.goto(`/elections/${plain}`);
    await expectDisguised(page);
    await signUpOnPage(page);
    // The passkey offer is ignored: under "optional" the ballot is right below it. The bot waits for
    // the offer to arrive, though: it re-mounts the ballot form, and a box focused before that loses its key press.
    await expect(page.getByRole("region", { name: "Add a passkey to this device" })).toBeVisible();
    bots.push({ farm: "stealth", index: i, outcome: await voteTheFarmBallot(page) });
    await context.close();
  }
  for (let i = 0; i < PASSKEY_FARM_SIZE; i++) {
    const context = await botContext(browser, baseURL, i);
    const page = await context.newPage();
    const authenticator = await virtualAuthenticator(context, page);
    await page.goto(`${PASSKEY_SITE}/elections/${withPasskeys}`);
    await expectDisguised(page);
    await signUpOnPage(page);
    await page
      .getByRole("region", { name: "Add a passkey to vote" })
      .getByRole("button", { name: "Add a passkey" })
      .click();
    await expect(page.getByText("Passkey added.")).toBeVisible({ timeout: 15_000 });
    const registered = (await authenticator.signCount())!;
    const outcome = await voteTheFarmBallot(page);
    bots.push({
      farm: "passkeys",
      index: i,
      outcome,
      signCount: { registered, afterCast: (await authenticator.signCount())! },
    });
    await context.close();
  }
  const seconds = (Date.now() - started) / 1000;
  await browser.close();

  const stealth = bots.filter((b) => b.farm === "stealth");
  const passkeyed = bots.filter((b) => b.farm === "passkeys");
  // What an official sees: the held ballots in the fraud review, with the signals that held them.
  const heldIn = async (electionId: string, expected: number) => {
    let cases: Awaited<ReturnType<typeof official.control.official.fraud.list.query>> = [];
    await expect(async () => {
      cases = await official.control.official.fraud.list.query({ electionId, state: "quarantined" });
      expect(cases.length).toBe(expected);
    }).toPass({ timeout: 15_000 });
    return [...new Set(cases.flatMap((c) => c.reasons))].sort();
  };
  // Among people, the watch beside the aggregator takes back the farm's ballots counted before its
  // group showed (packages/api/src/aggregator/coordination-watch.ts): then every one of them is a case.
  const stealthSignals = await heldIn(plain, PEOPLE && FARM_SIZE >= 5 ? FARM_SIZE : summary(stealth).held);
  const withheldLater = PEOPLE && FARM_SIZE >= 5 ? summary(stealth).accepted : 0;
  const passkeySignals = await heldIn(withPasskeys, summary(passkeyed).held);
  console.log(
    [
      ...(PEOPLE
        ? [
            `people on networks of their own, before the farm: ${PEOPLE}: ${peoplesDecisions.filter((d) => d === "accepted").length} accepted`,
          ]
        : []),
      formatRow(
        `(c) stealth headless Chromium through the voter site, one /24${PEOPLE ? ", among people" : ", alone"}`,
        summary(stealth),
      ),
      `    of which counted at the cast, then withheld with their group: ${withheldLater}; counted in the end: ${summary(stealth).accepted - withheldLater}`,
      formatRow("(c) the same, a virtual passkey each, passkeys required", summary(passkeyed)),
      `held for: ${stealthSignals.join(", ") || "none"} / with passkeys: ${passkeySignals.join(", ") || "none"}`,
      `refused: ${bots.flatMap((b) => (b.outcome.kind === "refused" ? [`${b.farm} #${b.index}: ${b.outcome.message}`] : [])).join("; ") || "none"}`,
      `${bots.length} bots in ${seconds.toFixed(0)} s, ${(seconds / bots.length).toFixed(1)} s a bot`,
    ].join("\n"),
  );

  // Every bot the site turned away, it turned away as a farm (risk score, rate limit), not by failing it.
  const refusals = bots.flatMap((b) => (b.outcome.kind === "refused" ? [b.outcome.message] : []));
  expect(refusals.filter((message) => !FARM_REFUSALS.some((farmish) => farmish.test(message)))).toEqual([]);
  // Passkeys without attestation do not stop a browser farm: every bot made one, and every cast it
  // signed was taken (a missing or bad signature is refused PASSKEY_REQUIRED / PASSKEY_INVALID).
  for (const bot of passkeyed)
    expect(bot.signCount!.afterCast, `passkey bot #${bot.index} signed its cast`).toBeGreaterThan(
      bot.signCount!.registered,
    );
  expect(summary(passkeyed).refused).toBe(0);
  // Fewer than five casts with one answer are never a group: the passkey farm (N/2, alone in its election) is counted.
  if (PASSKEY_FARM_SIZE < 5) expect(summary(passkeyed).accepted).toBe(PASSKEY_FARM_SIZE);
  if (PEOPLE) {
    // Among people, the farm's ballot is far more common from its /24 than anywhere else: held from
    // its fifth cast on (COORDINATED_BALLOT holds, never refuses, on its own); nobody else is.
    expect(
      peoplesDecisions.every((d) => d === "accepted"),
      "every person counted",
    ).toBe(true);
    expect(
      summary(stealth).held,
      "held from the fifth same-answer cast of the /24 on (did the stack trust 127.0.0.1? a running one is reused as it is)",
    ).toBeGreaterThanOrEqual(FARM_SIZE - 4);
    expect(stealthSignals).toContain("COORDINATED_BALLOT");
    // ...and the ones counted before it showed were taken back: none of the farm counts (heldIn waited for all of them).
    if (withheldLater > 0) expect(stealthSignals).toContain("WITHHELD_WITH_GROUP");
  } else {
    // Alone in its election, all from one /24, the farm has no other block to be compared with: the
    // coordinated-ballot signal has nothing to go on, and nothing else about a stealth browser scores
    // high enough to hold it (a new account's 15, at most a fast solve's 30 more). This is the gap the
    // benchmark measures; if it closes, this fails and docs/security.md's row changes with it.
    expect(summary(stealth).accepted).toBe(FARM_SIZE);
  }
});

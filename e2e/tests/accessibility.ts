import { readdirSync, readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import type english from "../../apps/voter-web/messages/en.json";
import { seriousViolations } from "./serious-violations";
import { e2eVoterPassword, signedInClient, signedUpClient } from "./voter-session";

/**
 * What the accessibility specs share (docs/accessibility.md lists them): the voter site's
 * languages and words, elections with every kind of question, a voter signed in on the page in
 * any language, and the checks each page passes at every width.
 */

const voterMessagesFolder = new URL("../../apps/voter-web/messages/", import.meta.url);

/** The voter site's languages: one per messages/<locale>.json, so a new language is tested without editing a spec. */
export const voterLocales: readonly string[] = readdirSync(voterMessagesFolder)
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.slice(0, -".json".length))
  .sort();

/** Every language has English's keys (apps/voter-web/test/messages.test.ts holds them to it). */
export type VoterMessages = typeof english;

/** A language's words, as a voter reads them: the specs find controls by them. */
export function voterMessages(locale: string): VoterMessages {
  return JSON.parse(readFileSync(new URL(`${locale}.json`, voterMessagesFolder), "utf8")) as VoterMessages;
}

/** A message with its simple placeholders filled in ("Rank {option}", "{position, number}. {option}"). */
export function say(message: string, values: Readonly<Record<string, string | number>>): string {
  return message.replace(/\{(\w+)(?:, number)?\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The words inside a rich message's tag: "check this receipt" from "Keep it: you can <link>check this receipt</link>…". */
export function tagged(message: string, tag: string): string {
  const inside = new RegExp(`<${tag}>(.*?)</${tag}>`).exec(message)?.[1];
  if (!inside) throw new Error(`no <${tag}> in “${message}”`);
  return inside;
}

/** The widths every page is checked at: a 320 px phone (WCAG 1.4.10's reflow width) and a laptop. */
export const WIDTHS = [1280, 320] as const;

/** How far the page scrolls sideways, in CSS pixels: 0 when it reflows to the viewport (WCAG 1.4.10). */
export async function sidewaysScroll(page: Page): Promise<number> {
  // Charts measure their container after a resize: two frames let them redraw first.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements that stick out of the viewport sideways, innermost first: what to fix when a page scrolls sideways. */
export async function stickingOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A page scrolls towards its end only: right, or left on a right-to-left page.
    const rtl = getComputedStyle(document.documentElement).direction === "rtl";
    const out = Array.from(document.querySelectorAll("body *")).filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (rtl ? box.left < -0.5 : box.right > width + 0.5);
    });
    return out
      .filter((element) => !out.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> ${Math.round(box.left)}…${Math.round(box.right)} “${(element.textContent ?? "").trim().slice(0, 40)}”`;
      });
  });
}

/**
 * The page as it stands, at each width in turn: no serious or critical axe violation (WCAG 2.2 A
 * and AA rules) and no sideways scrolling. Soft: every page and width of a test is reported. The
 * page is left at the last width, 320 px.
 */
export async function expectAccessibleAtEveryWidth(page: Page, what: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect.soft(await seriousViolations(page), `${what} at ${width} px`).toEqual([]);
    const overflow = await sidewaysScroll(page);
    const culprits = overflow > 0 ? (await stickingOut(page)).join("; ") : "";
    expect.soft(overflow, `${what} scrolls sideways at ${width} px: ${culprits}`).toBeLessThanOrEqual(0);
  }
}

/**
 * What the focused element shows of its focus: null when it has a visible indicator (an outline
 * of 2 px or more, or a ring drawn with box-shadow) and is on screen; else what is wrong.
 */
export async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return "nothing has focus";
    const name = `<${element.tagName.toLowerCase()}> “${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 60)}”`;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const ringed = style.boxShadow !== "none";
    if (!outlined && !ringed) return `${name} shows no focus indicator`;
    const box = element.getBoundingClientRect();
    const onScreen =
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.top < innerHeight &&
      box.right > 0 &&
      box.left < innerWidth;
    return onScreen ? null : `${name} has focus off screen`;
  });
}

/** A question as the official API takes it. */
interface Question {
  readonly id: string;
  readonly kind: "single" | "multi" | "ranked";
  readonly prompt: string;
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly minChoices: number;
  readonly maxChoices: number;
}

/** Every kind of question a ballot has; the last one is there to be abstained on. */
export const everyKind = {
  single: {
    id: "mascot",
    kind: "single",
    prompt: "Which animal should be the harbour's mascot?",
    options: [
      { id: "otter", label: "Otter" },
      { id: "heron", label: "Heron" },
      { id: "puffin", label: "Puffin" },
    ],
    minChoices: 1,
    maxChoices: 1,
  },
  multi: {
    id: "parks",
    kind: "multi",
    prompt: "Which parks should get new playgrounds? Choose one or two.",
    options: [
      { id: "riverside", label: "Riverside Park" },
      { id: "oakwood", label: "Oakwood Common" },
      { id: "green", label: "Harbour Green" },
    ],
    minChoices: 1,
    maxChoices: 2,
  },
  ranked: {
    id: "chair",
    kind: "ranked",
    prompt: "Rank the candidates for chair of the harbour board",
    options: [
      { id: "amara", label: "Amara Okonkwo-Villanueva" },
      { id: "bjorn", label: "Bjørn Halvorsen" },
      { id: "chiara", label: "Chiara Esposito" },
    ],
    minChoices: 1,
    maxChoices: 3,
  },
  abstained: {
    id: "reserve",
    kind: "single",
    prompt: "Spend the harbour reserve on a new ferry?",
    options: [
      { id: "yes", label: "Yes" },
      { id: "no", label: "No" },
    ],
    minChoices: 1,
    maxChoices: 1,
  },
} as const satisfies Record<string, Question>;

type Answers = Readonly<Record<string, { choices: string[] } | { abstain: true }>>;

/** The demo voters' ballots (voter1…voter3), so the results have something to show, an abstention included. */
const demoBallots: readonly Answers[] = [
  {
    mascot: { choices: ["otter"] },
    parks: { choices: ["riverside"] },
    chair: { choices: ["amara", "chiara"] },
    reserve: { choices: ["yes"] },
  },
  {
    mascot: { choices: ["heron"] },
    parks: { choices: ["oakwood", "green"] },
    chair: { choices: ["bjorn", "amara"] },
    reserve: { abstain: true },
  },
  {
    mascot: { choices: ["otter"] },
    parks: { choices: ["green"] },
    chair: { choices: ["chiara", "amara"] },
    reserve: { choices: ["no"] },
  },
];

export interface AccessibilityElections {
  /** Open, every kind of question, abstaining allowed, three ballots in: the ballot, the live results, the widget. */
  readonly open: string;
  /** The same, closed: the final result with its instant-runoff rounds. */
  readonly closed: string;
  /** Open to a voter roll that has none of the test's voters on it: a cast is refused (NOT_ELIGIBLE). */
  readonly roll: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates, opens and fills the specs' elections through the official API, as the console would. */
async function createElections(): Promise<AccessibilityElections> {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const stamp = new Date().toISOString().slice(11, 19);
  const create = async (title: string, eligibility: "any-signed-in-voter" | "voter-roll") =>
    (
      await official.control.official.elections.create.mutate({
        election: {
          title,
          eligibility,
          allowAbstain: true,
          questions: Object.values(everyKind).map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })) })),
        },
        reason: "e2e: accessibility",
      })
    ).id;
  const open = await create(`Harbour ballot for everyone (${stamp})`, "any-signed-in-voter");
  const closed = await create(`Harbour ballot, closed (${stamp})`, "any-signed-in-voter");
  const roll = await create(`Harbour ballot for the roll (${stamp})`, "voter-roll");
  await official.control.official.voterRoll.import.mutate({
    electionId: roll,
    rows: [{ email: `e2e.roll.${Date.now()}@example.org` }],
  });
  for (const electionId of [open, closed, roll])
    await official.control.official.elections.transition.mutate({ electionId, to: "open", reason: "polls open" });
  await sleep(ELECTION_READ_MAX_AGE_MS); // every task's copy of the elections shows them open by then
  for (const [at, answers] of demoBallots.entries()) {
    const voter = await signedInClient(`voter${at + 1}@demo.landslide.test`, "voter-web");
    for (const electionId of [open, closed])
      await voter.castBallot({ electionId, ballot: { answers: { ...answers } } });
  }
  const ended = await official.control.official.elections.transition.mutate({
    electionId: closed,
    to: "closed",
    reason: "polls closed",
  });
  await sleep(Math.max(0, Date.parse(ended.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now()));
  return { open, closed, roll };
}

/** The specs' test: `elections` is made once per worker and shared by every accessibility spec it runs. */
export const test = base.extend<object, { elections: AccessibilityElections }>({
  elections: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      await use(await createElections());
    },
    { scope: "worker", timeout: 60_000 },
  ],
});

/** A new voter's account, made and confirmed through the API: the page only signs in. */
export async function newVoter(): Promise<{ email: string; password: string }> {
  const { email } = await signedUpClient();
  return { email, password: e2eVoterPassword };
}

/** Signs a voter in with the ballot page's form, in the page's language, and waits for the ballot. */
export async function signInOnBallotPage(
  page: Page,
  t: VoterMessages,
  voter: { email: string; password: string },
): Promise<void> {
  await page.getByLabel(t.ui.signInEmail, { exact: true }).fill(voter.email);
  await page.getByLabel(t.ui.signInPassword, { exact: true }).fill(voter.password);
  await page.getByRole("button", { name: t.ui.signInSubmit, exact: true }).click();
  await expect(page.getByRole("form", { name: t.vote.ballotLabel })).toBeVisible();
}

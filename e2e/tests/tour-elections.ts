import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import type { QuestionInput } from "./results-election";
import { signedInClient, signedUpClient } from "./voter-session";

type Client = Awaited<ReturnType<typeof signedInClient>>;
type Ballot = Readonly<Record<string, readonly string[]>>;

/** The status a tour election is left in. */
export type TourStatus = "draft" | "open" | "closed" | "certified";

export interface TourElectionSpec {
  readonly title: string;
  readonly questions: readonly QuestionInput[];
  /** One ballot per demo voter (voter1…voter3), cast while the election is open. */
  readonly ballots: readonly Ballot[];
  readonly status: TourStatus;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The launcher's run file, written once every service is ready (see playwright.config.ts).
const runFile = fileURLToPath(new URL("../../.landslide/e2e/stack.json", import.meta.url));

/**
 * Playwright may start the tests as soon as the console answers on its port, seconds before the
 * launcher has written its run file (seen on a busy machine): wait for the file the SDK clients read.
 */
async function stackReady(): Promise<void> {
  for (const started = Date.now(); !existsSync(runFile); await sleep(500))
    if (Date.now() - started > 120_000) throw new Error(`the stack never wrote ${runFile}`);
}

/** A leader, a tie and a ranked question whose first round is a three-way tie: every kind of result shows. */
export const tourQuestions: readonly QuestionInput[] = [
  {
    id: "mascot",
    kind: "single",
    prompt: "Which animal should be the harbour's mascot?",
    options: [
      { id: "otter", label: "Otter" },
      { id: "heron", label: "Heron" },
    ],
  },
  {
    id: "colour",
    kind: "single",
    prompt: "Which colour for the ferries?",
    options: [
      { id: "red", label: "Red" },
      { id: "blue", label: "Blue" },
      { id: "green", label: "Green" },
    ],
  },
  {
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
];

/**
 * Otter leads two to one, the colours tie one each, and the chair goes to a second round: one
 * first choice each, Chiara (last in the ballot's order) out by the tie-break, her vote to Amara.
 */
export const tourBallots: readonly Ballot[] = [
  { mascot: ["otter"], colour: ["red"], chair: ["amara", "chiara"] },
  { mascot: ["otter"], colour: ["blue"], chair: ["bjorn", "amara"] },
  { mascot: ["heron"], colour: ["green"], chair: ["chiara", "amara"] },
];

/**
 * Creates the tour's elections through the SDK, all at once: opened together (one wait for every
 * task to see it), the ballots cast, then closed and certified (after a recount) as each asks.
 * Returns their ids by key, and the official who made them.
 */
export async function tourElections<K extends string>(
  specs: Readonly<Record<K, TourElectionSpec>>,
): Promise<{ ids: Record<K, string>; official: Client }> {
  await stackReady();
  const official = await signedInClient("official@demo.landslide.test", "console");
  const entries = Object.entries(specs) as Array<[K, TourElectionSpec]>;
  const ids = {} as Record<K, string>;
  for (const [key, spec] of entries) {
    const created = await official.control.official.elections.create.mutate({
      election: {
        title: spec.title,
        questions: spec.questions.map((q) => ({
          minChoices: 1,
          maxChoices: 1,
          ...q,
          options: q.options.map((o) => ({ ...o })),
        })),
      },
      reason: "e2e tour: an election in each state",
    });
    ids[key] = created.id;
  }
  const voting = entries.filter(([, spec]) => spec.status !== "draft");
  for (const [key] of voting)
    await official.control.official.elections.transition.mutate({
      electionId: ids[key],
      to: "open",
      reason: "polls open",
    });
  await sleep(ELECTION_READ_MAX_AGE_MS); // every task's copy of each election shows it open by then

  const voters = new Map<number, Client>();
  for (const [key, spec] of voting)
    for (const [at, answers] of spec.ballots.entries()) {
      if (!voters.has(at)) voters.set(at, await signedInClient(`voter${at + 1}@demo.landslide.test`, "voter-web"));
      await voters.get(at)!.castBallot({
        electionId: ids[key],
        ballot: {
          answers: Object.fromEntries(Object.entries(answers).map(([q, choices]) => [q, { choices: [...choices] }])),
        },
      });
    }

  const ending = voting.filter(([, spec]) => spec.status === "closed" || spec.status === "certified");
  let readableAt = Date.now();
  for (const [key] of ending) {
    const closed = await official.control.official.elections.transition.mutate({
      electionId: ids[key],
      to: "closed",
      reason: "polls closed",
    });
    readableAt = Math.max(readableAt, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS);
  }
  await sleep(Math.max(0, readableAt - Date.now()));
  for (const [key] of ending.filter(([, spec]) => spec.status === "certified")) {
    await official.control.official.elections.recount.mutate({ electionId: ids[key] });
    await official.control.official.elections.transition.mutate({
      electionId: ids[key],
      to: "certified",
      reason: "e2e tour: recount equal to the live tally",
    });
  }
  return { ids, official };
}

/**
 * Ballots held for review, as console.fraud.spec.ts makes them: a burst of scripted accounts that
 * announce automation, from one address, so the fraud pages have something to show.
 */
export async function heldBallots(electionId: string, ballot: Ballot, count = 4): Promise<void> {
  const bots = [];
  for (let i = 0; i < count; i++) bots.push(await signedUpClient({ automated: true }));
  await Promise.all(bots.map((bot) => bot.client.prepareHumanCheck()));
  await sleep(1600); // a person's pace after the check, so only the automation is what holds them
  for (const bot of bots)
    await bot.client.castBallot({
      electionId,
      ballot: {
        answers: Object.fromEntries(Object.entries(ballot).map(([q, choices]) => [q, { choices: [...choices] }])),
      },
    });
}

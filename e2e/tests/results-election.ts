import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { signedInClient } from "./voter-session";

type Official = Awaited<ReturnType<typeof signedInClient>>;

/** A question as the official API takes it. */
export interface QuestionInput {
  readonly id: string;
  readonly kind: "single" | "multi" | "ranked";
  readonly prompt: string;
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly minChoices?: number;
  readonly maxChoices?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An election of its own for a results test: created and opened by the demo official, then one
 * ballot per demo voter (voter1…voter3), each answers[i] the choices of the i-th voter per question.
 */
export async function electionWithBallots(
  title: string,
  questions: readonly QuestionInput[],
  ballots: ReadonlyArray<Readonly<Record<string, readonly string[]>>>,
): Promise<{ id: string; official: Official }> {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title,
      questions: questions.map((q) => ({
        minChoices: 1,
        maxChoices: 1,
        ...q,
        options: q.options.map((o) => ({ ...o })),
      })),
    },
    reason: "e2e: an election whose results are read",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await sleep(ELECTION_READ_MAX_AGE_MS); // every task's copy of the election shows the open by then
  for (const [at, answers] of ballots.entries()) {
    const voter = await signedInClient(`voter${at + 1}@demo.landslide.test`, "voter-web");
    await voter.castBallot({
      electionId: election.id,
      ballot: {
        answers: Object.fromEntries(Object.entries(answers).map(([q, choices]) => [q, { choices: [...choices] }])),
      },
    });
  }
  return { id: election.id, official };
}

/** Closes the election and waits until every task's copy of it says so. */
export async function closeElection(official: Official, electionId: string): Promise<void> {
  const closed = await official.control.official.elections.transition.mutate({
    electionId,
    to: "closed",
    reason: "polls closed",
  });
  await sleep(Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now()));
}

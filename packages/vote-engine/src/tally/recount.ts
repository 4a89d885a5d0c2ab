import type { Sha256 } from "../audit/sha256";
import { countingOf } from "../election/counting-rules";
import type { Election, Question } from "../election/definition";
import { scoreRangeOf } from "../election/score-range";
import { tieBreakerFor } from "../election/tie-rule";
import type { CanonicalAnswer } from "../ballot/validate-ballot";
import type { StoredVote } from "../vote/stored-vote";
import type { RecordVerifier } from "../vote/verify-record";
import { VERSION } from "./counter-keys";
import {
  type CountingMethod,
  type CountResult,
  countingMethods,
  type Marks,
  type MarksKind,
  type WeightedBallot,
} from "./counting";
import { type InstantRunoffResult, instantRunoffView } from "./instant-runoff";
import { tallyDelta } from "./tally-delta";

export interface Recount {
  /** The same counters the live tally keeps, recomputed from every stored vote. */
  readonly counters: ReadonlyMap<string, number>;
  /** The full instant-runoff count of each ranked question, by question id. */
  readonly instantRunoff: Readonly<Record<string, InstantRunoffResult>>;
  /**
   * Every question's count by its own method (counting-rules.ts): rounds, winners, seats and the
   * ties it met, by question id.
   */
  readonly counts: Readonly<Record<string, CountResult>>;
  readonly votesRead: number;
  /** Stored rows left out because the vote API did not sign them (only when a verifier was given). */
  readonly rejected: number;
}

export interface TallyDifference {
  readonly counter: string;
  readonly live: number;
  readonly recount: number;
}

/**
 * The exact result from the votes themselves. Counted: accepted votes and released ones;
 * quarantined votes are counted apart; voided ones not at all. Uses the same counting rule as
 * the aggregator, so any difference means a vote was lost or counted twice on the way.
 */
export async function recount(
  election: Election,
  votes: AsyncIterable<StoredVote>,
  options: { readonly verify?: RecordVerifier; readonly sha256?: Sha256 } = {},
): Promise<Recount> {
  const changes = [];
  const marked = new Map(
    election.questions.map((q) => [
      q.id,
      { marks: countingMethods[countingOf(q).method].marks, ballots: [] as Array<WeightedBallot<Marks>> },
    ]),
  );
  let votesRead = 0;
  let rejected = 0;
  for await (const vote of votes) {
    votesRead += 1;
    // The same rule as the aggregator's: a row the vote API did not sign is no vote.
    if (options.verify && !options.verify(vote).ok) {
      rejected += 1;
      continue;
    }
    // A vote's history folds to: counted (accepted or released), waiting (quarantined), or nothing.
    if (vote.state === "voided") continue;
    const state = vote.state === "released" ? "accepted" : vote.state;
    changes.push({
      sequenceNumber: "",
      kind: "INSERT" as const,
      electionId: vote.electionId,
      voterKey: vote.voterKey,
      state,
      ballot: vote.ballot,
      ...(vote.receipt?.weight !== undefined ? { weight: vote.receipt.weight } : {}),
    });
    if (state !== "accepted") continue;
    for (const [questionId, answer] of vote.ballot) {
      const question = marked.get(questionId);
      question?.ballots.push({ marks: marksOf(answer, question.marks), weight: vote.receipt?.weight ?? 1 });
    }
  }
  const counters = new Map(tallyDelta(changes).get(election.id) ?? []);
  counters.delete(VERSION);
  const counts: Record<string, CountResult> = {};
  const irv: Record<string, InstantRunoffResult> = {};
  for (const question of election.questions) {
    const ballots = marked.get(question.id)?.ballots ?? [];
    const count = countQuestion(election, question, ballots, options.sha256);
    counts[question.id] = count;
    if (question.kind !== "ranked") continue;
    // A question counted by instant runoff shows its own count; one counted otherwise, the
    // one-winner runoff of the same weighted ballots (what bundles before v5 publish for every
    // ranked question).
    const runoff = { ...question, counting: { method: "instant-runoff" as const, seats: 1 } };
    irv[question.id] = instantRunoffView(
      count.method === "instant-runoff" ? count : countQuestion(election, runoff, ballots, options.sha256),
    );
  }
  return { counters, instantRunoff: irv, counts, votesRead, rejected };
}

/** One question's ballots counted by its method, its seats and the election's tie rule. */
export function countQuestion(
  election: Pick<Election, "tieRule">,
  question: Question,
  ballots: ReadonlyArray<WeightedBallot<Marks>>,
  sha256: Sha256 | undefined,
): CountResult {
  const { method, seats, batchElimination } = countingOf(question);
  // Each method reads the marks its kind of question records (checked when the question was defined).
  const counting: CountingMethod = countingMethods[method];
  return counting.count({
    options: question.options.map((o) => o.id),
    seats,
    ballots,
    tieBreaker: tieBreakerFor(election, question, sha256),
    ...(batchElimination === undefined ? {} : { batchElimination }),
    ...(question.kind === "score" ? { scoreRange: scoreRangeOf(question) } : {}),
  });
}

/** A stored answer as the marks its question's method reads; an abstention marks nothing. */
function marksOf(answer: CanonicalAnswer, kind: MarksKind): Marks {
  if (answer !== "abstain") return answer;
  return kind === "ranking" ? { ranking: [] } : kind === "scores" ? { scores: {} } : { choices: [] };
}

/** Every counter on which the live tally and the recount disagree; empty means they are equal. */
export function compareWithLiveTally(
  live: ReadonlyMap<string, number>,
  recounted: ReadonlyMap<string, number>,
): TallyDifference[] {
  const names = new Set([...live.keys(), ...recounted.keys()]);
  names.delete(VERSION);
  return [...names]
    .map((counter) => ({ counter, live: live.get(counter) ?? 0, recount: recounted.get(counter) ?? 0 }))
    .filter((d) => d.live !== d.recount)
    .sort((a, b) => a.counter.localeCompare(b.counter));
}

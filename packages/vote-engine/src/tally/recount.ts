import type { Election } from "../election/definition";
import type { StoredVote } from "../vote/stored-vote";
import type { RecordVerifier } from "../vote/verify-record";
import { VERSION } from "./counter-keys";
import { type InstantRunoffResult, instantRunoff } from "./instant-runoff";
import { tallyDelta } from "./tally-delta";

export interface Recount {
  /** The same counters the live tally keeps, recomputed from every stored vote. */
  readonly counters: ReadonlyMap<string, number>;
  /** The full instant-runoff count of each ranked question, by question id. */
  readonly instantRunoff: Readonly<Record<string, InstantRunoffResult>>;
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
  options: { readonly verify?: RecordVerifier } = {},
): Promise<Recount> {
  const changes = [];
  const rankings = new Map<string, string[][]>(
    election.questions.filter((q) => q.kind === "ranked").map((q) => [q.id, []]),
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
    });
    if (state !== "accepted") continue;
    for (const [questionId, answer] of vote.ballot) {
      const list = rankings.get(questionId);
      if (list) list.push(answer !== "abstain" && "ranking" in answer ? [...answer.ranking] : []);
    }
  }
  const counters = new Map(tallyDelta(changes).get(election.id) ?? []);
  counters.delete(VERSION);
  const irv: Record<string, InstantRunoffResult> = {};
  for (const question of election.questions) {
    const ballots = rankings.get(question.id);
    if (ballots) irv[question.id] = instantRunoff({ options: question.options.map((o) => o.id), ballots });
  }
  return { counters, instantRunoff: irv, votesRead, rejected };
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

import type { PutOnceOutcome, Review, ReviewOutcome, VoteStore } from "../../ports";
import type { StoredVote } from "../../vote/stored-vote";

/** A VoteStore in a Map, for tests and the benchmark; check-and-set is atomic in one event loop. */
export class InMemoryVoteStore implements VoteStore {
  private readonly votes = new Map<string, StoredVote>();

  async putOnce(vote: StoredVote): Promise<PutOnceOutcome> {
    const key = `${vote.electionId}\u0000${vote.voterKey}`;
    const existing = this.votes.get(key);
    if (existing) return { stored: false, existing: structuredClone(existing) };
    this.votes.set(key, structuredClone(vote));
    return { stored: true };
  }

  async get(electionId: string, voterKey: string): Promise<StoredVote | undefined> {
    const vote = this.votes.get(`${electionId}\u0000${voterKey}`);
    return vote ? structuredClone(vote) : undefined;
  }

  async review(electionId: string, voterKey: string, to: Review): Promise<ReviewOutcome> {
    const key = `${electionId}\u0000${voterKey}`;
    const vote = this.votes.get(key);
    if (!vote) return { outcome: "missing" };
    if (vote.state === to) return { outcome: "unchanged", vote: structuredClone(vote) };
    if (vote.state !== "quarantined") return { outcome: "conflict", vote: structuredClone(vote) };
    const reviewed = { ...vote, state: to };
    this.votes.set(key, reviewed);
    return { outcome: "changed", vote: structuredClone(reviewed) };
  }

  async *scan(electionId: string): AsyncIterable<StoredVote> {
    for (const vote of this.votes.values()) if (vote.electionId === electionId) yield structuredClone(vote);
  }
}

import type { PutOnceOutcome, VoteStore } from "../../ports";
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

  async *scan(electionId: string): AsyncIterable<StoredVote> {
    for (const vote of this.votes.values()) if (vote.electionId === electionId) yield structuredClone(vote);
  }
}

import type { PutOnceOutcome, Review, ReviewOutcome, VoteStore } from "../../ports";
import type { StoredVote } from "../../vote/stored-vote";

/**
 * A VoteStore in a Map, for tests and the benchmark; check-and-set is atomic in one event loop.
 * Votes are frozen on the way in, so sharing them is as safe as copying them, and far cheaper.
 */
export class InMemoryVoteStore implements VoteStore {
  private readonly votes = new Map<string, StoredVote>();

  async putOnce(vote: StoredVote): Promise<PutOnceOutcome> {
    const key = `${vote.electionId}\u0000${vote.voterKey}`;
    const existing = this.votes.get(key);
    if (existing) return { stored: false, existing };
    this.votes.set(key, Object.freeze(vote));
    return { stored: true };
  }

  async get(electionId: string, voterKey: string): Promise<StoredVote | undefined> {
    return this.votes.get(`${electionId}\u0000${voterKey}`);
  }

  async review(electionId: string, voterKey: string, to: Review): Promise<ReviewOutcome> {
    const key = `${electionId}\u0000${voterKey}`;
    const vote = this.votes.get(key);
    if (!vote) return { outcome: "missing" };
    if (vote.state === to) return { outcome: "unchanged", vote };
    if (vote.state !== "quarantined") return { outcome: "conflict", vote };
    const reviewed = Object.freeze({ ...vote, state: to });
    this.votes.set(key, reviewed);
    return { outcome: "changed", vote: reviewed };
  }

  async withhold(electionId: string, voterKey: string, reasons: readonly string[]): Promise<ReviewOutcome> {
    const key = `${electionId}\u0000${voterKey}`;
    const vote = this.votes.get(key);
    if (!vote) return { outcome: "missing" };
    if (vote.state === "quarantined" && vote.decision === "accepted") return { outcome: "unchanged", vote };
    if (vote.state !== "accepted") return { outcome: "conflict", vote };
    const held = Object.freeze({ ...vote, state: "quarantined" as const, reasons: [...vote.reasons, ...reasons] });
    this.votes.set(key, held);
    return { outcome: "changed", vote: held };
  }

  async *scan(electionId: string): AsyncIterable<StoredVote> {
    for (const vote of this.votes.values()) if (vote.electionId === electionId) yield vote;
  }
}

import type { Review, VoteStore } from "../ports";
import { fail, ok, type Result } from "../result";
import type { VoteState } from "./stored-vote";

/**
 * An official releases (counts) or voids (never counts) a quarantined vote. The store's
 * conditional update makes it happen once; asking again for the same decision is a no-op, so a
 * retried click or a replayed request never counts a vote twice.
 */
export async function reviewVote(
  votes: VoteStore,
  command: { readonly electionId: string; readonly voterKey: string; readonly decision: Review },
): Promise<Result<{ readonly state: VoteState; readonly changed: boolean }>> {
  const outcome = await votes.review(command.electionId, command.voterKey, command.decision);
  switch (outcome.outcome) {
    case "missing":
      return fail("VOTE_NOT_FOUND", "There is no such vote in this election.");
    case "conflict":
      return fail("NOT_QUARANTINED", `This vote is ${outcome.vote.state}, not waiting for review.`, {
        state: outcome.vote.state,
      });
    default:
      return ok({ state: outcome.vote.state, changed: outcome.outcome === "changed" });
  }
}

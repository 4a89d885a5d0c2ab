import type { VoteStore } from "../ports";
import { fail, ok, type Result } from "../result";
import type { VoteState } from "./stored-vote";

/**
 * Takes a counted vote back for review, when what it belongs to shows only after it was counted
 * (a coordinated group whose first members looked clean). The store's conditional update makes
 * it happen once: a repeat changes nothing, and a vote an official already released or voided is
 * left as decided, so a person's release is never undone by the detector seeing the group again.
 */
export async function withholdVote(
  votes: VoteStore,
  command: { readonly electionId: string; readonly voterKey: string; readonly reasons: readonly string[] },
): Promise<Result<{ readonly state: VoteState; readonly changed: boolean }>> {
  const outcome = await votes.withhold(command.electionId, command.voterKey, command.reasons);
  switch (outcome.outcome) {
    case "missing":
      return fail("VOTE_NOT_FOUND", "There is no such vote in this election.");
    case "conflict":
      return fail("NOT_COUNTED", `This vote is ${outcome.vote.state}, not counted without review.`, {
        state: outcome.vote.state,
      });
    default:
      return ok({ state: outcome.vote.state, changed: outcome.outcome === "changed" });
  }
}

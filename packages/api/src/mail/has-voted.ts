import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { Keys, VoteStore } from "@landslide/vote-engine";
import { accountSubject } from "@landslide/vote-engine/cognito";

export interface VotedCheckDeps {
  readonly cognito: CognitoIdentityProviderClient;
  readonly userPoolId: string;
  readonly keys: () => Pick<Keys, "voterKey">;
  readonly votes: Pick<VoteStore, "get">;
}

/**
 * Whether the person behind an address has a vote in the election: their account's subject, its
 * voter key, one read of the votes table. Asked only by the mail queue when a reminder is due,
 * and its answer is never stored (mail-queue.ts settleReminder).
 */
export function votedCheck(deps: VotedCheckDeps) {
  return async (electionId: string, email: string): Promise<boolean> => {
    const subject = await accountSubject(deps.cognito, deps.userPoolId, email);
    if (subject === undefined) return false;
    return (await deps.votes.get(electionId, deps.keys().voterKey(subject))) !== undefined;
  };
}

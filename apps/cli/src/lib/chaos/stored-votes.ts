import type { StoredVote } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbVoteStore, tableNames } from "@landslide/vote-engine/dynamodb";

/** The tally's counter names (packages/vote-engine/src/tally/counter-keys.ts): turnout, held, and `<question>#<option>`. */
export const TURNOUT = "__turnout";
export const QUARANTINED = "__quarantined";
const ABSTAIN = "__abstain";
const EXTRA_WEIGHT = "__extra_weight";

/** The votes table of the drill's stack, read as the recount reads it (a consistent parallel scan). */
export function votesTable(options: { region: string; endpoint: string; tablePrefix: string }) {
  const client = createDynamoDbClient({ region: options.region, endpoint: options.endpoint });
  const store = new DynamoDbVoteStore(client, tableNames(options.tablePrefix).votes);
  return {
    /** Every stored vote of the election. */
    scan: async (electionId: string): Promise<StoredVote[]> => {
      const votes: StoredVote[] = [];
      for await (const vote of store.scan(electionId)) votes.push(vote);
      return votes;
    },
    /** Whether DynamoDB answers a read now (within 3 s). */
    answers: async (): Promise<boolean> => {
      try {
        await Promise.race([
          store.get("00000000-0000-4000-8000-000000000000", "probe"),
          new Promise((_, reject) => setTimeout(() => reject(new Error("no answer in 3 s")), 3_000).unref()),
        ]);
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.destroy(),
  };
}

export type VotesTable = ReturnType<typeof votesTable>;

/**
 * The counters the tally should hold, counted straight from the stored votes, without the
 * engine's tallyDelta (which the aggregator and the recount share, so a fault in it would not show
 * between them): a counted vote (accepted, or released after review) adds one to turnout, what
 * its weight (signed into its receipt) adds beyond one to the extra weight, and its weight to
 * each option it chose (the first preference of a ranking, as the live tally counts) or to the
 * question's abstentions; a score answer adds each option's score times the weight (its total
 * score, a score of 0 adding nothing); a held one adds one to the held count; a voided one nothing.
 */
export function countStoredVotes(votes: readonly StoredVote[]): Record<string, number> {
  const counters: Record<string, number> = {};
  const add = (counter: string, n = 1) => {
    if (n !== 0) counters[counter] = (counters[counter] ?? 0) + n;
  };
  for (const vote of votes) {
    if (vote.state === "quarantined") add(QUARANTINED);
    if (vote.state !== "accepted" && vote.state !== "released") continue;
    const weight = vote.receipt.weight ?? 1;
    add(TURNOUT);
    add(EXTRA_WEIGHT, weight - 1);
    for (const [questionId, answer] of vote.ballot) {
      if (answer === "abstain") add(`${questionId}#${ABSTAIN}`, weight);
      else if ("scores" in answer) {
        for (const [optionId, score] of Object.entries(answer.scores)) add(`${questionId}#${optionId}`, score * weight);
      } else if ("ranking" in answer) {
        if (answer.ranking[0] !== undefined) add(`${questionId}#${answer.ranking[0]}`, weight);
      } else for (const choice of answer.choices) add(`${questionId}#${choice}`, weight);
    }
  }
  return counters;
}

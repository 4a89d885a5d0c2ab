import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CanonicalBallot } from "../../ballot/validate-ballot";
import { type BallotOrder, ballotOrderSchema } from "../../election/option-order";
import type { Decision, ReviewEvidence, StoredVote, VoteState } from "../../vote/stored-vote";

type Item = Record<string, AttributeValue>;

// PK ELECTION#<id>#VOTER#<voterKey>, SK VOTE: one item per voter per election. The voter key is
// part of the partition key so that an election's votes spread over every partition; with the
// election alone as partition key, one election would be one hot partition (1,000 writes/s).
export const votePartitionKey = (electionId: string, voterKey: string) => `ELECTION#${electionId}#VOTER#${voterKey}`;
export const VOTE_SORT_KEY = "VOTE";

export function toVoteItem(vote: StoredVote): Item {
  const { receipt } = vote;
  return {
    pk: { S: votePartitionKey(vote.electionId, vote.voterKey) },
    sk: { S: VOTE_SORT_KEY },
    electionId: { S: vote.electionId },
    voterKey: { S: vote.voterKey },
    idempotencyKey: { S: vote.idempotencyKey },
    ballotHash: { S: vote.ballotHash },
    ballot: { S: JSON.stringify(vote.ballot) },
    salt: { S: vote.salt },
    decision: { S: vote.decision },
    state: { S: vote.state },
    reasons: { L: vote.reasons.map((reason) => ({ S: reason })) },
    receiptId: { S: receipt.receiptId },
    castAt: { S: receipt.castAt },
    commitment: { S: receipt.commitment },
    keyId: { S: receipt.keyId },
    binding: { S: receipt.binding },
    signature: { S: receipt.signature },
    ...(receipt.weight !== undefined ? { weight: { N: String(receipt.weight) } } : {}),
    ...(receipt.optionOrder !== undefined ? { optionOrder: { S: JSON.stringify(receipt.optionOrder) } } : {}),
    ...(vote.evidence ? { evidence: { S: JSON.stringify(vote.evidence) } } : {}),
    ...(vote.requestId ? { requestId: { S: vote.requestId } } : {}),
  };
}

export function fromVoteItem(item: Item): StoredVote {
  const s = (name: string): string => {
    const value = item[name]?.S;
    if (value === undefined) throw new Error(`vote item lacks ${name}`);
    return value;
  };
  return {
    electionId: s("electionId"),
    voterKey: s("voterKey"),
    idempotencyKey: s("idempotencyKey"),
    ballotHash: s("ballotHash"),
    ballot: JSON.parse(s("ballot")) as CanonicalBallot,
    salt: s("salt"),
    decision: s("decision") as Decision,
    state: (item.state?.S ?? s("decision")) as VoteState,
    reasons: (item.reasons?.L ?? []).map((r) => r.S ?? ""),
    receipt: {
      receiptId: s("receiptId"),
      electionId: s("electionId"),
      castAt: s("castAt"),
      commitment: s("commitment"),
      keyId: s("keyId"),
      // A row written without one (not by the vote API) reads as bound to nothing: never counted.
      binding: item.binding?.S ?? "",
      signature: s("signature"),
      ...weightOfItem(item),
      ...optionOrderOfItem(item),
    },
    ...(item.evidence?.S ? { evidence: JSON.parse(item.evidence.S) as ReviewEvidence } : {}),
    ...(item.requestId?.S ? { requestId: item.requestId.S } : {}),
  };
}

/** The receipt's weight as stored; whatever a row says, its signature decides whether it counts. */
export function weightOfItem(item: Item): { weight?: number } {
  const stored = item.weight?.N;
  return stored === undefined ? {} : { weight: Number(stored) };
}

/** The receipt's option order as stored; one that does not read as an order is left out, and the signature then refuses the row. */
export function optionOrderOfItem(item: Item): { optionOrder?: BallotOrder } {
  const stored = item.optionOrder?.S;
  if (stored === undefined) return {};
  try {
    const parsed = ballotOrderSchema.safeParse(JSON.parse(stored));
    return parsed.success ? { optionOrder: parsed.data } : {};
  } catch {
    return {};
  }
}

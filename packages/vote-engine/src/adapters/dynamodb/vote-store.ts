import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import type { PutOnceOutcome, Review, ReviewOutcome, VoteStore } from "../../ports";
import type { StoredVote, VoteState } from "../../vote/stored-vote";
import { fromVoteItem, toVoteItem, VOTE_SORT_KEY, votePartitionKey } from "./vote-item";

/**
 * Votes in DynamoDB. One conditional put decides everything: it succeeds for the first vote of a
 * voter in an election, and otherwise hands back the stored vote in the same round trip
 * (ReturnValuesOnConditionCheckFailure), so a retry costs no extra read.
 */
export class DynamoDbVoteStore implements VoteStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    /** Parallel scan segments for a recount; each is read by its own loop. */
    private readonly scanSegments = 4,
  ) {}

  async putOnce(vote: StoredVote): Promise<PutOnceOutcome> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: toVoteItem(vote),
          ConditionExpression: "attribute_not_exists(pk)",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return { stored: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item)
        return { stored: false, existing: fromVoteItem(error.Item) };
      throw error;
    }
  }

  async get(electionId: string, voterKey: string): Promise<StoredVote | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: { pk: { S: votePartitionKey(electionId, voterKey) }, sk: { S: VOTE_SORT_KEY } },
        ConsistentRead: true,
      }),
    );
    return Item ? fromVoteItem(Item) : undefined;
  }

  /** One conditional update from quarantined; its change record makes the aggregator count (or not) the vote. */
  async review(electionId: string, voterKey: string, to: Review): Promise<ReviewOutcome> {
    return this.move(electionId, voterKey, {
      update: "SET #state = :to",
      from: "quarantined",
      values: { ":to": { S: to } },
      alreadyThere: (vote) => vote.state === to,
    });
  }

  /**
   * One conditional update from accepted: the row keeps `decision: accepted` (its receipt's
   * binding still verifies), and a quarantined row so decided is one held after it was counted.
   * Its change record makes the aggregator take the vote out of the count.
   */
  async withhold(electionId: string, voterKey: string, reasons: readonly string[]): Promise<ReviewOutcome> {
    return this.move(electionId, voterKey, {
      update: "SET #state = :quarantined, reasons = list_append(if_not_exists(reasons, :none), :reasons)",
      from: "accepted",
      values: {
        ":quarantined": { S: "quarantined" },
        ":reasons": { L: reasons.map((r) => ({ S: r })) },
        ":none": { L: [] },
      },
      alreadyThere: (vote) => vote.state === "quarantined" && vote.decision === "accepted",
    });
  }

  /**
   * Moves a vote out of state `from` by one conditional update, atomically and at most once. A
   * refused condition hands back the stored vote in the same round trip: already where it was
   * going (`alreadyThere`: unchanged), elsewhere (conflict), or absent (missing).
   */
  private async move(
    electionId: string,
    voterKey: string,
    change: {
      update: string;
      from: VoteState;
      values: Record<string, AttributeValue>;
      alreadyThere: (vote: StoredVote) => boolean;
    },
  ): Promise<ReviewOutcome> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { pk: { S: votePartitionKey(electionId, voterKey) }, sk: { S: VOTE_SORT_KEY } },
          UpdateExpression: change.update,
          ConditionExpression: "attribute_exists(pk) AND #state = :from",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ...change.values, ":from": { S: change.from } },
          ReturnValues: "ALL_NEW",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return { outcome: "changed", vote: fromVoteItem(Attributes!) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) return { outcome: "missing" };
      const vote = fromVoteItem(error.Item);
      return { outcome: change.alreadyThere(vote) ? "unchanged" : "conflict", vote };
    }
  }

  /** A parallel scan of the whole table, keeping this election's votes (the recount's read). */
  async *scan(electionId: string): AsyncIterable<StoredVote> {
    const segments = Array.from({ length: this.scanSegments }, (_, segment) => this.scanSegment(electionId, segment));
    for (const votes of await Promise.all(segments)) yield* votes;
  }

  private async scanSegment(electionId: string, segment: number): Promise<StoredVote[]> {
    const votes: StoredVote[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({
          TableName: this.tableName,
          Segment: segment,
          TotalSegments: this.scanSegments,
          FilterExpression: "electionId = :e",
          ExpressionAttributeValues: { ":e": { S: electionId } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) votes.push(fromVoteItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return votes;
  }
}

import { createHash } from "node:crypto";
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItem,
} from "@aws-sdk/client-dynamodb";
import type { BatchCommit, Checkpoint, DeadLetter, TallyStore } from "../../ports";
import type { TallyDelta } from "../../tally/tally-delta";

export type { BatchCommit, Checkpoint, DeadLetter };

/** DynamoDB allows 100 items in one transaction; one is always the checkpoint. */
export const MAX_TRANSACTION_ITEMS = 100;

// Counters: pk TALLY#<election>#<shard>, sk the counter name. Sharded so that no item takes more
// than a few hundred writes per second. Checkpoints: pk CHECKPOINT#<stream shard>, sk STREAM.
// Pending dead letters: pk DEADLETTER#<stream sequence>, sk PENDING (the letter itself is in the
// dead-letter queue; this mark is what a re-drive settles, once).
const counterPk = (electionId: string, shard: number) => `TALLY#${electionId}#${shard}`;
const checkpointKey = (shardId: string) => ({ pk: { S: `CHECKPOINT#${shardId}` }, sk: { S: "STREAM" } });
/** What a pending mark keeps of its letter: the SHA-256 of the record, which a re-drive must match. */
export const recordFingerprint = (letter: Pick<DeadLetter, "record">) =>
  createHash("sha256").update(letter.record).digest("hex");
const pendingKey = (sequenceNumber: string) => ({ pk: { S: `DEADLETTER#${sequenceNumber}` }, sk: { S: "PENDING" } });

/**
 * Sharded tally counters and the aggregator's stream checkpoints, in one table so that a batch's
 * increments and the checkpoint that says "applied" commit in a single transaction: a replayed
 * batch finds the checkpoint moved and is refused whole, so nothing is ever counted twice. The
 * same transaction marks the batch's dead letters pending, and a re-drive counts a letter only
 * by deleting its mark: a letter in the queue twice, or sent by a batch that then did not commit
 * (and whose replay counted the record after all), is never counted twice either.
 */
export class DynamoDbTallyStore implements TallyStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tables: { readonly tallies: string },
    readonly counterShards: number,
  ) {}

  async readCheckpoint(shardId: string): Promise<Checkpoint> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tables.tallies, Key: checkpointKey(shardId), ConsistentRead: true }),
    );
    return { sequenceNumber: Item?.sequenceNumber?.S, closed: Item?.closed?.BOOL === true };
  }

  /** Applies the batch and moves the checkpoint atomically; false when the checkpoint had moved (a replay). */
  async commit(batch: BatchCommit): Promise<boolean> {
    const items: TransactWriteItem[] = [
      this.checkpointWrite(batch),
      ...this.counterUpdates(batch.delta, batch.counterShard),
    ];
    for (const letter of batch.deadLetters) {
      items.push({
        Put: {
          TableName: this.tables.tallies,
          Item: {
            ...pendingKey(letter.sequenceNumber),
            code: { S: letter.code },
            record: { S: recordFingerprint(letter) },
            ...(letter.electionId ? { electionId: { S: letter.electionId } } : {}),
            shardId: { S: batch.shardId },
          },
        },
      });
    }
    if (items.length > MAX_TRANSACTION_ITEMS)
      throw new Error(`a batch may write at most ${MAX_TRANSACTION_ITEMS} items, got ${items.length}`);
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      const checkpointMoved =
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === "ConditionalCheckFailed";
      if (checkpointMoved) return false;
      throw error;
    }
  }

  /** Counts a re-driven record and deletes its pending mark in one transaction: twice is impossible. */
  async redrive(letter: DeadLetter, delta: TallyDelta, counterShard: number): Promise<boolean> {
    const items: TransactWriteItem[] = [
      {
        Delete: {
          TableName: this.tables.tallies,
          Key: pendingKey(letter.sequenceNumber),
          // The very record that was set aside: a genuine signed vote copied into a letter under a
          // pending sequence number (by someone who can send to the queue) is not counted again.
          ConditionExpression: "attribute_exists(pk) AND #record = :record",
          ExpressionAttributeNames: { "#record": "record" },
          ExpressionAttributeValues: { ":record": { S: recordFingerprint(letter) } },
        },
      },
      ...this.counterUpdates(delta, counterShard),
    ];
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === "ConditionalCheckFailed"
      )
        return false;
      throw error;
    }
  }

  /** Every counter of an election, summed over its shards. */
  async readCounters(electionId: string): Promise<Map<string, number>> {
    const totals = new Map<string, number>();
    await Promise.all(
      Array.from({ length: this.counterShards }, async (_, shard) => {
        let startKey: Record<string, AttributeValue> | undefined;
        do {
          const page = await this.client.send(
            new QueryCommand({
              TableName: this.tables.tallies,
              KeyConditionExpression: "pk = :pk",
              ExpressionAttributeValues: { ":pk": { S: counterPk(electionId, shard) } },
              ConsistentRead: true,
              ExclusiveStartKey: startKey,
            }),
          );
          for (const item of page.Items ?? []) {
            const name = item.sk?.S;
            if (name) totals.set(name, (totals.get(name) ?? 0) + Number(item.n?.N ?? 0));
          }
          startKey = page.LastEvaluatedKey;
        } while (startKey);
      }),
    );
    return totals;
  }

  private counterUpdates(delta: TallyDelta, shard: number): TransactWriteItem[] {
    return [...delta].flatMap(([electionId, counters]) =>
      [...counters].map(([counter, n]) => ({
        Update: {
          TableName: this.tables.tallies,
          Key: { pk: { S: counterPk(electionId, shard) }, sk: { S: counter } },
          UpdateExpression: "ADD n :n",
          ExpressionAttributeValues: { ":n": { N: String(n) } },
        },
      })),
    );
  }

  private checkpointWrite(batch: BatchCommit): TransactWriteItem {
    const { previous, next } = batch;
    return {
      Put: {
        TableName: this.tables.tallies,
        Item: {
          ...checkpointKey(batch.shardId),
          ...(next.sequenceNumber ? { sequenceNumber: { S: next.sequenceNumber } } : {}),
          closed: { BOOL: next.closed },
        },
        ...(previous.sequenceNumber === undefined
          ? {
              ConditionExpression:
                "attribute_not_exists(sequenceNumber) AND (attribute_not_exists(closed) OR closed = :false)",
              ExpressionAttributeValues: { ":false": { BOOL: false } },
            }
          : {
              ConditionExpression: "sequenceNumber = :previous AND closed = :false",
              ExpressionAttributeValues: { ":previous": { S: previous.sequenceNumber }, ":false": { BOOL: false } },
            }),
      },
    };
  }
}

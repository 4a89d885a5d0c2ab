import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  ScanCommand,
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
const counterPk = (electionId: string, shard: number) => `TALLY#${electionId}#${shard}`;
const checkpointKey = (shardId: string) => ({ pk: { S: `CHECKPOINT#${shardId}` }, sk: { S: "STREAM" } });

/**
 * Sharded tally counters and the aggregator's stream checkpoints, in one table so that a batch's
 * increments and the checkpoint that says "applied" commit in a single transaction: a replayed
 * batch finds the checkpoint moved and is refused whole, so nothing is ever counted twice.
 */
export class DynamoDbTallyStore implements TallyStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tables: { readonly tallies: string; readonly deadLetters: string },
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
          TableName: this.tables.deadLetters,
          Item: {
            pk: { S: `DEADLETTER#${letter.sequenceNumber}` },
            reason: { S: letter.reason },
            record: { S: letter.record },
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

  /** Dead letters waiting for a re-drive, oldest first by sequence. */
  async listDeadLetters(): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({ TableName: this.tables.deadLetters, ConsistentRead: true, ExclusiveStartKey: startKey }),
      );
      for (const item of page.Items ?? []) {
        letters.push({
          sequenceNumber: (item.pk?.S ?? "").replace(/^DEADLETTER#/, ""),
          reason: item.reason?.S ?? "",
          record: item.record?.S ?? "",
        });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return letters.sort((a, b) => a.sequenceNumber.localeCompare(b.sequenceNumber));
  }

  /** Counts a re-driven record and removes its dead letter in one transaction: twice is impossible. */
  async redrive(letter: DeadLetter, delta: TallyDelta, counterShard: number): Promise<boolean> {
    const items: TransactWriteItem[] = [
      {
        Delete: {
          TableName: this.tables.deadLetters,
          Key: { pk: { S: `DEADLETTER#${letter.sequenceNumber}` } },
          ConditionExpression: "attribute_exists(pk)",
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

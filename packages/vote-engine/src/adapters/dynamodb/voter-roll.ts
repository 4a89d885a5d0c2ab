import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  GetItemCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import type { VoterRoll } from "../../ports";
import { isMailLanguage } from "../../notifications/languages";
import { type RollEntry, type RollRecipient, rollKey } from "../../roll/voter-roll";

// PK ROLL#<election>#<kind>#<value>: one item per admitted identifier; a lookup is one key read.
const itemKey = (electionId: string, entry: Pick<RollEntry, "kind" | "value">) => ({
  pk: { S: `ROLL#${electionId}#${entry.kind}#${entry.value}` },
});
// The roll's size beside it. Counting the entries would be a scan of the whole table (rolls of
// all elections share it), so each import adds to this counter in the same transaction as its rows.
const sizeKey = (electionId: string) => ({ pk: { S: `ROLLSIZE#${electionId}` } });
// A transaction holds at most 100 actions: 99 rows and the counter.
const ROWS_PER_TRANSACTION = 99;
const MAX_CONFLICT_RETRIES = 10;

export class DynamoDbVoterRoll implements VoterRoll {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async add(electionId: string, entries: readonly RollEntry[]): Promise<number> {
    // One transaction may not name an item twice.
    const distinct = [...new Map(entries.map((e) => [`${e.kind}#${e.value}`, e])).values()];
    let added = 0;
    for (let i = 0; i < distinct.length; i += ROWS_PER_TRANSACTION)
      added += await this.addBatch(electionId, distinct.slice(i, i + ROWS_PER_TRANSACTION));
    return added;
  }

  /**
   * Writes the rows not yet on the roll and adds their number to the size, all or nothing, so the
   * size stays exact through crashes and re-imports. A row already there cancels the transaction
   * and is named in the cancellation reasons: it is dropped and the rest tried again.
   */
  private async addBatch(electionId: string, batch: readonly RollEntry[]): Promise<number> {
    let pending = batch;
    for (let conflicts = 0; pending.length > 0;) {
      try {
        await this.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              ...pending.map((entry) => ({
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...itemKey(electionId, entry),
                    ...(entry.language ? { lang: { S: entry.language } } : {}),
                    ...(entry.weight !== undefined && entry.weight !== 1 ? { w: { N: String(entry.weight) } } : {}),
                  },
                  ConditionExpression: "attribute_not_exists(pk)",
                },
              })),
              {
                Update: {
                  TableName: this.tableName,
                  Key: sizeKey(electionId),
                  UpdateExpression: "ADD entries :n",
                  ExpressionAttributeValues: { ":n": { N: String(pending.length) } },
                },
              },
            ],
          }),
        );
        return pending.length;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const present = new Set(reasons.flatMap((r, i) => (r.Code === "ConditionalCheckFailed" ? [i] : [])));
        if (present.size > 0) pending = pending.filter((_, i) => !present.has(i));
        else if (reasons.some((r) => r.Code === "TransactionConflict") && ++conflicts <= MAX_CONFLICT_RETRIES)
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * conflicts));
        else throw error;
      }
    }
    return 0;
  }

  async weightOf(electionId: string, entries: readonly RollEntry[]): Promise<number | undefined> {
    if (entries.length === 0) return undefined;
    const { Responses } = await this.client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [this.tableName]: {
            Keys: entries.map((e) => itemKey(electionId, e)),
            ConsistentRead: true,
            ProjectionExpression: "pk, w",
          },
        },
      }),
    );
    const found = Responses?.[this.tableName] ?? [];
    if (found.length === 0) return undefined;
    return Math.max(...found.map((item) => Number(item.w?.N ?? 1)));
  }

  /**
   * A scan of the shared roll table filtered to this election's addresses: rolls are read whole
   * only when mail goes out (an election opens, a reminder is due, a result is certified).
   */
  async weightsOf(electionId: string, entries: readonly RollEntry[]): Promise<ReadonlyMap<string, number>> {
    const weights = new Map<string, number>();
    const prefix = `ROLL#${electionId}#`;
    const distinct = [...new Map(entries.map((e) => [rollKey(e), e])).values()];
    // BatchGetItem reads at most 100 keys a call.
    for (let i = 0; i < distinct.length; i += 100) {
      let keys: Array<Record<string, AttributeValue>> | undefined = distinct
        .slice(i, i + 100)
        .map((e) => itemKey(electionId, e));
      while (keys && keys.length > 0) {
        const answer: BatchGetItemCommandOutput = await this.client.send(
          new BatchGetItemCommand({
            RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: "pk, w" } },
          }),
        );
        for (const item of answer.Responses?.[this.tableName] ?? []) {
          const [kind, ...value] = item.pk!.S!.slice(prefix.length).split("#");
          weights.set(`${kind}:${value.join("#")}`, Number(item.w?.N ?? 1));
        }
        keys = answer.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return weights;
  }

  async *recipients(electionId: string): AsyncIterable<readonly RollRecipient[]> {
    const prefix = `ROLL#${electionId}#email#`;
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: "begins_with(pk, :prefix)",
          ExpressionAttributeValues: { ":prefix": { S: prefix } },
          ProjectionExpression: "pk, lang",
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      const recipients = (page.Items ?? []).map((item) => ({
        email: item.pk!.S!.slice(prefix.length),
        language: isMailLanguage(item.lang?.S) ? item.lang.S : undefined,
      }));
      if (recipients.length > 0) yield recipients;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async size(electionId: string): Promise<number> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: sizeKey(electionId), ConsistentRead: true }),
    );
    return Number(Item?.entries?.N ?? 0);
  }
}

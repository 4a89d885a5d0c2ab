import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import type { VoterRoll } from "../../ports";
import type { RollEntry } from "../../roll/voter-roll";

// PK ROLL#<election>#<kind>#<value>: one item per admitted identifier; a lookup is one key read.
const rollKey = (electionId: string, entry: RollEntry) => ({
  pk: { S: `ROLL#${electionId}#${entry.kind}#${entry.value}` },
});
const BATCH_WRITE = 25;

export class DynamoDbVoterRoll implements VoterRoll {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async add(electionId: string, entries: readonly RollEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH_WRITE) {
      let requests: WriteRequest[] = entries
        .slice(i, i + BATCH_WRITE)
        .map((entry) => ({ PutRequest: { Item: rollKey(electionId, entry) } }));
      // Throttled writes come back as unprocessed: send them again until none is left.
      while (requests.length > 0) {
        const { UnprocessedItems } = await this.client.send(
          new BatchWriteItemCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }

  async includesAny(electionId: string, entries: readonly RollEntry[]): Promise<boolean> {
    if (entries.length === 0) return false;
    const { Responses } = await this.client.send(
      new BatchGetItemCommand({
        RequestItems: { [this.tableName]: { Keys: entries.map((e) => rollKey(electionId, e)), ConsistentRead: true } },
      }),
    );
    return (Responses?.[this.tableName]?.length ?? 0) > 0;
  }
}

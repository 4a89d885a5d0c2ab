import { type DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";

/**
 * Counts requests per key in fixed time windows, in the nonces table, shared by every API task:
 * one atomic ADD per batch of hits a task reports, the item expiring with its window (TTL).
 */
export class DynamoDbRateCounter {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  /** Adds `amount` (a task's hits since its last report) to the key's count in the window that contains `at`. */
  async add(key: string, windowSeconds: number, at: Date, amount: number): Promise<{ count: number; resetAt: Date }> {
    const window = Math.floor(at.getTime() / 1000 / windowSeconds);
    const resetAt = new Date((window + 1) * windowSeconds * 1000);
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: { pk: { S: `RATE#${key}#${windowSeconds}#${window}` } },
        UpdateExpression: "ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)",
        ExpressionAttributeValues: {
          ":one": { N: String(amount) },
          ":expires": { N: String(Math.ceil(resetAt.getTime() / 1000) + 60) },
        },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return { count: Number(Attributes?.hits?.N ?? amount), resetAt };
  }
}

import { ConditionalCheckFailedException, type DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import type { NonceStore } from "../../ports";

/**
 * Single use by one conditional put: `attribute_not_exists` makes the first writer win across
 * every API task. DynamoDB's TTL deletes the item after `expiresAt`; until the sweep runs, an
 * expired item still blocks reuse, which is the safe side.
 */
export class DynamoDbNonceStore implements NonceStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async useOnce(key: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: { pk: { S: `NONCE#${key}` }, expiresAt: { N: String(Math.ceil(expiresAt.getTime() / 1000)) } },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

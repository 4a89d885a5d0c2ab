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
    return (await this.claim(key, expiresAt, "")).claimed;
  }

  async claim(
    key: string,
    expiresAt: Date,
    holder: string,
  ): Promise<{ claimed: true } | { claimed: false; holder: string | undefined }> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: {
            pk: { S: `NONCE#${key}` },
            expiresAt: { N: String(Math.ceil(expiresAt.getTime() / 1000)) },
            ...(holder ? { holder: { S: holder } } : {}),
          },
          ConditionExpression: "attribute_not_exists(pk)",
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { claimed: false, holder: error.Item?.holder?.S };
      throw error;
    }
  }
}

import {
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";

/** A passkey as the vote API verified it at registration: opaque here, one JSON attribute. */
export type StoredPasskey = Readonly<Record<string, unknown>>;

/**
 * Device bindings, both ways: ACCOUNT#<sub> / DEVICE#<thumbprint> and DEVICE#<thumbprint> /
 * ACCOUNT#<sub>, written together, so registration can ask "which devices has this account?" and
 * "how many accounts use this device?" (the risk score's signal, carried on in the device token).
 * A device key's passkey, when the voter registered one, is ACCOUNT#<sub> / PASSKEY#<thumbprint>.
 */
export class DynamoDbDeviceStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async bind(account: string, thumbprint: string, at: Date): Promise<void> {
    const item = (pk: string, sk: string) => ({
      Put: { TableName: this.tableName, Item: { pk: { S: pk }, sk: { S: sk }, boundAt: { S: at.toISOString() } } },
    });
    await this.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          item(`ACCOUNT#${account}`, `DEVICE#${thumbprint}`),
          item(`DEVICE#${thumbprint}`, `ACCOUNT#${account}`),
        ],
      }),
    );
  }

  /** The account's devices with when each was bound: one query answers "is it bound?" and "since when is the account known?". */
  async bindingsOf(account: string): Promise<Array<{ thumbprint: string; boundAt: Date }>> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :device)",
        ExpressionAttributeValues: { ":pk": { S: `ACCOUNT#${account}` }, ":device": { S: "DEVICE#" } },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => ({
      thumbprint: (item.sk?.S ?? "").replace(/^DEVICE#/, ""),
      boundAt: new Date(item.boundAt?.S ?? 0),
    }));
  }

  /** Records the passkey that backs one of the account's device keys; registering again replaces it. */
  async savePasskey(account: string, thumbprint: string, passkey: StoredPasskey, at: Date): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: {
          pk: { S: `ACCOUNT#${account}` },
          sk: { S: `PASSKEY#${thumbprint}` },
          passkey: { S: JSON.stringify(passkey) },
          registeredAt: { S: at.toISOString() },
        },
      }),
    );
  }

  async passkeyOf(account: string, thumbprint: string): Promise<StoredPasskey | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: { pk: { S: `ACCOUNT#${account}` }, sk: { S: `PASSKEY#${thumbprint}` } },
        ConsistentRead: true,
      }),
    );
    return Item?.passkey?.S === undefined ? undefined : (JSON.parse(Item.passkey.S) as StoredPasskey);
  }

  async accountsOn(thumbprint: string): Promise<number> {
    return this.count(`DEVICE#${thumbprint}`);
  }

  private async count(pk: string): Promise<number> {
    const { Count } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: pk } },
        Select: "COUNT",
        ConsistentRead: true,
      }),
    );
    return Count ?? 0;
  }
}

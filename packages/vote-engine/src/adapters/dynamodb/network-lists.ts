import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/client-dynamodb";

/** One imported list of networks (a threat feed): what it is, and which import is the live one. */
export interface NetworkListInfo {
  readonly name: string;
  /** What the networks are, which decides the risk signal they raise ("hosting", "anonymizer", "abuse"). */
  readonly category: string;
  /** The live import: its parts are the list's content. */
  readonly importId: string;
  readonly parts: number;
  /** Disjoint address intervals in all, and the entries the file had. */
  readonly ranges: number;
  readonly source: string;
  readonly importedAt: string;
  readonly importedBy: string;
}

/**
 * Imported network lists, in the data plane beside the votes, so the vote API reads them without
 * the control plane. An import writes its parts under its own id (LIST#<name> / PART#<import>#<n>),
 * then makes itself live with one write of the list's entry (LISTS / <name>), then removes the
 * previous import's parts: a reader sees the old list or the new one whole, never a mix, and an
 * interrupted import leaves the live list as it was. Parts are opaque text (a few hundred KB at
 * most: DynamoDB's item limit is 400 KB).
 */
export class DynamoDbNetworkLists {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async stagePart(name: string, importId: string, part: number, content: string): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: { pk: { S: listKey(name) }, sk: { S: partKey(importId, part) }, content: { S: content } },
      }),
    );
  }

  /** Makes a staged import live once all its parts are there; false when some are missing. */
  async commit(info: NetworkListInfo): Promise<boolean> {
    const staged = await this.partKeys(info.name, info.importId);
    const expected = Array.from({ length: info.parts }, (_, i) => partKey(info.importId, i + 1));
    if (!expected.every((key) => staged.includes(key))) return false;
    const previous = (await this.list()).find((list) => list.name === info.name);
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: { pk: { S: INDEX }, sk: { S: info.name }, info: { S: JSON.stringify(info) } },
      }),
    );
    if (previous && previous.importId !== info.importId) await this.deleteParts(info.name, previous.importId);
    return true;
  }

  /** Every live list, in one query: what a task reads each refresh to see whether anything changed. */
  async list(): Promise<NetworkListInfo[]> {
    const items = await this.queryAll({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: INDEX } },
    });
    return items.map((item) => JSON.parse(item.info?.S ?? "{}") as NetworkListInfo);
  }

  /** The live import's parts, in order. */
  async content(info: NetworkListInfo): Promise<string[]> {
    const items = await this.parts(info.name, info.importId);
    const byPart = new Map(items.map((item) => [item.sk?.S ?? "", item.content?.S ?? ""]));
    return Array.from({ length: info.parts }, (_, i) => byPart.get(partKey(info.importId, i + 1)) ?? "");
  }

  async remove(name: string): Promise<boolean> {
    const live = (await this.list()).find((list) => list.name === name);
    if (!live) return false;
    await this.client.send(
      new DeleteItemCommand({ TableName: this.tableName, Key: { pk: { S: INDEX }, sk: { S: name } } }),
    );
    await this.deleteParts(name, live.importId);
    return true;
  }

  private async partKeys(name: string, importId: string): Promise<string[]> {
    return (await this.parts(name, importId, "sk")).map((item) => item.sk?.S ?? "");
  }

  /** An import's staged parts (only the projected attributes, when given). */
  private parts(name: string, importId: string, projection?: string): Promise<Array<Record<string, AttributeValue>>> {
    return this.queryAll({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :import)",
      ExpressionAttributeValues: { ":pk": { S: listKey(name) }, ":import": { S: `PART#${importId}#` } },
      ...(projection ? { ProjectionExpression: projection } : {}),
    });
  }

  private async deleteParts(name: string, importId: string): Promise<void> {
    for (const sk of await this.partKeys(name, importId)) {
      await this.client.send(
        new DeleteItemCommand({ TableName: this.tableName, Key: { pk: { S: listKey(name) }, sk: { S: sk } } }),
      );
    }
  }

  private async queryAll(
    query: Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey">,
  ): Promise<Array<Record<string, AttributeValue>>> {
    const items: Array<Record<string, AttributeValue>> = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          ConsistentRead: true,
          ...query,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

const INDEX = "LISTS";
const listKey = (name: string) => `LIST#${name}`;
// Zero-padded, so the parts of an import sort in order.
const partKey = (importId: string, part: number) => `PART#${importId}#${String(part).padStart(5, "0")}`;

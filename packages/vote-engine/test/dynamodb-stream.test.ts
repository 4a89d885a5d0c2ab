import { afterAll, beforeAll, expect, it } from "vitest";
import { ConditionalCheckFailedException, DescribeTableCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from "@aws-sdk/client-dynamodb-streams";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, createDynamoDbStreamsClient, ensureTables } from "../src/adapters/dynamodb";

const endpoint = { region: "eu-west-1", endpoint: testServers().dynamodbEndpoint };
const dynamodb = createDynamoDbClient(endpoint);
const streams = createDynamoDbStreamsClient(endpoint);
let votesTable: string;

beforeAll(async () => {
  votesTable = (await ensureTables(dynamodb, uniqueName("stream"))).names.votes;
});
afterAll(() => {
  dynamodb.destroy();
  streams.destroy();
});

const putOnce = (voterKey: string, choice: string) =>
  dynamodb.send(
    new PutItemCommand({
      TableName: votesTable,
      Item: { pk: { S: "ELECTION#e1" }, sk: { S: `VOTER#${voterKey}` }, choice: { S: choice } },
      ConditionExpression: "attribute_not_exists(pk)",
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    }),
  );

it("writes a vote once with a conditional put, refuses the second with the stored item, and streams only the first", async () => {
  await putOnce("v1", "heron");
  const second = putOnce("v1", "otter");
  await expect(second).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  const refused = (await second.catch((e: ConditionalCheckFailedException) => e)) as ConditionalCheckFailedException;
  // One round trip tells the caller what is already stored.
  expect(refused.Item?.choice).toEqual({ S: "heron" });
  await putOnce("v2", "fox");

  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: votesTable }));
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table!.LatestStreamArn! }));
  const images: Array<Record<string, unknown>> = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: Table!.LatestStreamArn!,
        ShardId: shard.ShardId!,
        ShardIteratorType: "TRIM_HORIZON",
      }),
    );
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator: ShardIterator! }));
    for (const record of Records ?? []) images.push({ event: record.eventName, ...record.dynamodb?.NewImage });
  }
  expect(images).toEqual([
    { event: "INSERT", pk: { S: "ELECTION#e1" }, sk: { S: "VOTER#v1" }, choice: { S: "heron" } },
    { event: "INSERT", pk: { S: "ELECTION#e1" }, sk: { S: "VOTER#v2" }, choice: { S: "fox" } },
  ]);
});

import { afterAll } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, DynamoDbVoteStore, ensureTables } from "../src/adapters/dynamodb";
import { voteStoreContract } from "./contract/vote-store.contract";

const client = createDynamoDbClient({ region: "eu-west-1", endpoint: testServers().dynamodbEndpoint });
afterAll(() => client.destroy());

// Each test gets fresh tables, as each in-memory test gets a fresh Map.
voteStoreContract("DynamoDB Local", async () => {
  const { names } = await ensureTables(client, uniqueName("vs"));
  return new DynamoDbVoteStore(client, names.votes);
});

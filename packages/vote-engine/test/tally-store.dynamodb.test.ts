import { afterAll } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, DynamoDbTallyStore, ensureTables } from "../src/adapters/dynamodb";
import { tallyStoreContract } from "./contract/tally-store.contract";

const client = createDynamoDbClient({ region: "eu-west-1", endpoint: testServers().dynamodbEndpoint });
afterAll(() => client.destroy());

tallyStoreContract("DynamoDB Local", async () => {
  const { names } = await ensureTables(client, uniqueName("ts"));
  return new DynamoDbTallyStore(client, { tallies: names.tallies }, 4);
});

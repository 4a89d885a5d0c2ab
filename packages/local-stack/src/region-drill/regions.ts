import { DeleteTableCommand, type DynamoDBClient, ResourceNotFoundException } from "@aws-sdk/client-dynamodb";
// The domain's own DynamoDB adapters, unchanged. vote-engine is not declared as a dependency of
// this package (it depends on local-stack for its tests, and a cycle would break turbo's graph);
// npm workspaces link it at the root, as test/postgres-concurrency.test.ts already relies on.
import {
  createDynamoDbClient,
  DynamoDbVoteStore,
  ensureTables,
  type TableNames,
} from "@landslide/vote-engine/dynamodb";

/** One "region": its own DynamoDB Local server, holding the project's tables under one prefix. */
export interface DrillRegion {
  /** An AWS region name, for the report (DynamoDB Local ignores it). */
  readonly name: string;
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly votesTable: string;
  /** The project's VoteStore: one conditional put per vote, evaluated in this region only. */
  readonly votes: DynamoDbVoteStore;
  /** Deletes the drill's tables in this region and closes the client. */
  close(): Promise<void>;
}

/** Creates the project's tables (ensureTables, as provisioning does) in one region and opens its VoteStore. */
export async function openRegion(name: string, endpoint: string, tablePrefix: string): Promise<DrillRegion> {
  const client = createDynamoDbClient({ region: name, endpoint });
  const { names } = await ensureTables(client, tablePrefix);
  return {
    name,
    endpoint,
    client,
    votesTable: names.votes,
    votes: new DynamoDbVoteStore(client, names.votes),
    close: async () => {
      await dropTables(client, names);
      client.destroy();
    },
  };
}

// Tidy: the drill may be pointed at a long-lived DynamoDB Local (npm run dev's), not only a throwaway one.
async function dropTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  for (const table of Object.values(names)) {
    try {
      await client.send(new DeleteTableCommand({ TableName: table }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}

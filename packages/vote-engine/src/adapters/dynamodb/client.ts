import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";

export interface AwsEndpointOptions {
  readonly region: string;
  /** Set for DynamoDB Local or another compatible server; undefined for real AWS. */
  readonly endpoint: string | undefined;
}

// DynamoDB Local accepts any credentials (we run it with -sharedDb); real AWS uses the default chain.
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export function createDynamoDbClient({ region, endpoint }: AwsEndpointOptions): DynamoDBClient {
  return new DynamoDBClient(endpoint ? { region, endpoint, credentials: localCredentials } : { region });
}

export function createDynamoDbStreamsClient({ region, endpoint }: AwsEndpointOptions): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient(endpoint ? { region, endpoint, credentials: localCredentials } : { region });
}

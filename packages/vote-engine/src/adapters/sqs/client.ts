import { SQSClient } from "@aws-sdk/client-sqs";
import type { AwsEndpointOptions } from "../dynamodb/client";

// The local SQS server accepts any credentials; real AWS uses the default chain.
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export function createSqsClient({ region, endpoint }: AwsEndpointOptions): SQSClient {
  return new SQSClient(endpoint ? { region, endpoint, credentials: localCredentials } : { region });
}

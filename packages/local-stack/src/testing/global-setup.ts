import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startCognitoLocal } from "../cognito-local";
import { startCephS3 } from "../ceph-s3";
import { startDynamoDbLocal } from "../dynamodb-local";
import { startSqsLocal } from "../sqs-local";
import { freePort } from "../ports";
import "./provided-context";

/**
 * Vitest global setup: one DynamoDB Local (in memory), one cognito-local, one local S3 and one
 * local SQS per test run, on free ports. Test files share the servers but never data: each
 * provisions its own uniquely named tables, user pool, bucket and queue (see
 * @landslide/vote-engine/testing).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), "landslide-test-"));
  const [dynamodb, cognito, s3, sqs] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port, dataDir: null })),
    freePort().then((port) => startCognitoLocal({ port, dataDir: scratch })),
    freePort().then((port) => startCephS3({ port, scratchDir: scratch })),
    freePort().then((port) => startSqsLocal({ port })),
  ]);
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("sqsEndpoint", sqs.endpoint);
  project.provide("cognitoEndpoint", cognito.endpoint);
  project.provide("cognitoDataDir", scratch);
  return async () => {
    await Promise.all([dynamodb.stop(), cognito.stop(), s3.stop(), sqs.stop()]);
    rmSync(scratch, { recursive: true, force: true });
  };
}

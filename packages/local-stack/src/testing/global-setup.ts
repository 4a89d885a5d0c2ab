import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startCognitoLocal } from "../cognito-local";
import { startCephS3 } from "../ceph-s3";
import { type RunningServer, startDynamoDbLocal } from "../dynamodb-local";
import { startSqsLocal } from "../sqs-local";
import { freePort, freePortBelowEphemeralRange } from "../ports";
import "./provided-context";

/**
 * Vitest global setup: one DynamoDB Local (in memory), one cognito-local, one local S3 and one
 * local SQS per test run, on free ports. Test files share the servers but never data: each
 * provisions its own uniquely named tables, user pool, bucket and queue (see
 * @landslide/vote-engine/testing).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), "landslide-test-"));
  const started = await Promise.allSettled([
    freePort().then((port) => startDynamoDbLocal({ port, dataDir: null })),
    freePort().then((port) => startCognitoLocal({ port, dataDir: scratch })),
    freePortBelowEphemeralRange().then((port) => startCephS3({ port, scratchDir: scratch })),
    freePort().then((port) => startSqsLocal({ port })),
  ]);
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(scratch, { recursive: true, force: true });
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    // The servers that did start are stopped, or they would outlive the failed run.
    await stopAll();
    throw failed.reason;
  }
  const [dynamodb, cognito, s3, sqs] = servers as [RunningServer, RunningServer, RunningServer, RunningServer];
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("sqsEndpoint", sqs.endpoint);
  project.provide("cognitoEndpoint", cognito.endpoint);
  project.provide("cognitoDataDir", scratch);
  return stopAll;
}

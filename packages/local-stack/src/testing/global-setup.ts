import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startCognitoLocal } from "../cognito-local";
import { startDynamoDbLocal } from "../dynamodb-local";
import { freePort } from "../ports";
import "./provided-context";

/**
 * Vitest global setup: one DynamoDB Local (in memory) and one cognito-local per test run,
 * on free ports. Test files share the servers but never data: each provisions its own
 * uniquely named tables and user pool (see @landslide/vote-engine/testing).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), "landslide-test-"));
  const [dynamodb, cognito] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port, dataDir: null })),
    freePort().then((port) => startCognitoLocal({ port, dataDir: scratch })),
  ]);
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("cognitoEndpoint", cognito.endpoint);
  project.provide("cognitoDataDir", scratch);
  return async () => {
    await Promise.all([dynamodb.stop(), cognito.stop()]);
    rmSync(scratch, { recursive: true, force: true });
  };
}

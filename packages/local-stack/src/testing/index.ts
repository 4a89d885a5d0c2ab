import { inject } from "vitest";
import "./provided-context";
import { freePort } from "../ports";
import { startSesLocal } from "../ses-local";
import { startSqsLocal } from "../sqs-local";
import { type RunningPostgres, startEmbeddedPostgres } from "../postgres-server";

export interface TestServers {
  readonly dynamodbEndpoint: string;
  readonly cognitoEndpoint: string;
  readonly cognitoDataDir: string;
  readonly s3Endpoint: string;
  readonly sqsEndpoint: string;
}

/** The servers the global setup started for this test run. */
export function testServers(): TestServers {
  return {
    dynamodbEndpoint: inject("dynamodbEndpoint"),
    cognitoEndpoint: inject("cognitoEndpoint"),
    cognitoDataDir: inject("cognitoDataDir"),
    s3Endpoint: inject("s3Endpoint"),
    sqsEndpoint: inject("sqsEndpoint"),
  };
}

/** A fresh throwaway PostgreSQL server for one test file (a temporary cluster, removed on stop). */
export async function startTestPostgres(): Promise<RunningPostgres> {
  return startEmbeddedPostgres({ port: await freePort(), dataDir: null });
}

/** A name no other test file or run will pick, for tables and pools. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A local SES server of its own for one test file (its mailbox starts empty); stop it after. */
export async function startTestSes(options: { maxSendRate?: number } = {}) {
  return startSesLocal({ port: await freePort(), ...options });
}

/** A local SQS server of its own for one test file (no queues yet: make fresh ones, purging takes 60 s); stop it after. */
export async function startTestSqs() {
  return startSqsLocal({ port: await freePort() });
}

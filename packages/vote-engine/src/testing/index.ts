import { startTestPostgres, testServers, uniqueName } from "@landslide/local-stack/testing";
import { systemClock } from "../ports";
import { provision, type ProvisionResult, type ProvisionTarget } from "../provision";

export interface TestStack {
  readonly target: ProvisionTarget;
  readonly provisioned: ProvisionResult;
  /** Stops this file's Postgres; the shared DynamoDB Local and cognito-local stay up for other files. */
  stop(): Promise<void>;
}

/**
 * A fully provisioned stack for one test file: uniquely named tables and user pool on the
 * run's shared DynamoDB Local and cognito-local, and a Postgres of its own. Files running in
 * parallel never see each other's data.
 */
export async function provisionTestStack({ demo = true }: { demo?: boolean } = {}): Promise<TestStack> {
  const servers = testServers();
  const postgres = await startTestPostgres();
  const name = uniqueName("t");
  const target: ProvisionTarget = {
    region: "eu-west-1",
    dynamodbEndpoint: servers.dynamodbEndpoint,
    cognitoEndpoint: servers.cognitoEndpoint,
    tablePrefix: name,
    userPoolName: name,
    databaseUrl: postgres.url,
  };
  try {
    const provisioned = await provision({ target, clock: systemClock, demo, credentialsFile: null });
    return { target, provisioned, stop: () => postgres.stop() };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { registerSignUpTickets } from "@landslide/local-stack";
import { startTestPostgres, testServers, uniqueName } from "@landslide/local-stack/testing";
import { systemClock } from "../ports";
import { provision, type ProvisionResult, type ProvisionTarget } from "../provision";

export interface TestStack {
  readonly target: ProvisionTarget;
  /** The deployment keys this stack's services sign receipts with. */
  readonly keysFile: string;
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
  const postgres = await startTestPostgres();
  const target = testProvisionTarget(postgres.url);
  const keysFile = join(mkdtempSync(join(tmpdir(), "landslide-keys-")), "keys.json");
  try {
    const provisioned = await provision({ target, clock: systemClock, demo, credentialsFile: null, keysFile });
    // The shared cognito-local's pre-sign-up check learns which keys sign this pool's sign-up tickets.
    registerSignUpTickets(testServers().cognitoDataDir, provisioned.userPoolId, keysFile);
    return {
      target,
      keysFile,
      provisioned,
      stop: async () => {
        await postgres.stop();
        rmSync(dirname(keysFile), { recursive: true, force: true });
      },
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

/** Where a test file provisions: the run's shared servers, names of its own, its own Postgres. */
export function testProvisionTarget(databaseUrl: string, prefix = "t"): ProvisionTarget {
  const servers = testServers();
  const name = uniqueName(prefix);
  return {
    region: "eu-west-1",
    dynamodbEndpoint: servers.dynamodbEndpoint,
    cognitoEndpoint: servers.cognitoEndpoint,
    tablePrefix: name,
    userPoolName: name,
    databaseUrl,
    localAuditBucket: { endpoint: servers.s3Endpoint, bucket: name },
    localDeadLetterQueue: { endpoint: servers.sqsEndpoint, name: `${name}-aggregator-dead-letters` },
  };
}
export {
  type AuditBundleFixture,
  type AuditBundleOptions,
  attackerSigner,
  auditSigner,
  buildAuditBundle,
  countResult,
  type EpochSigner,
  rechain,
  resignedBundle,
  sealEpochs,
} from "./audit-bundle-fixture";

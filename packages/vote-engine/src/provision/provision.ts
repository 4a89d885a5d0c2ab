import type { AccountCredentials, AccountSpec } from "../adapters/cognito";
import { createCognitoClient, ensureAccount, ensureUserPool, type UserPoolIds } from "../adapters/cognito";
import { createDynamoDbClient, DynamoDbElectionCopies, ensureTables, type TableNames } from "../adapters/dynamodb";
import { ensureKeyFile } from "../adapters/node-crypto/key-file";
import { connectControlPlane, ElectionsRepository, migrateControlPlane } from "../adapters/postgres";
import { createS3Client, ensureAuditBucket } from "../adapters/s3";
import { createSqsClient, ensureDeadLetterQueue } from "../adapters/sqs";
import { canonicalJson } from "../audit/canonical-json";
import type { Election } from "../election/definition";
import { demoElection } from "../election/demo";
import type { Clock } from "../ports";
import { readCredentials, writeCredentials } from "./credentials-file";

export interface ProvisionTarget {
  readonly region: string;
  readonly dynamodbEndpoint: string | undefined;
  readonly cognitoEndpoint: string | undefined;
  readonly tablePrefix: string;
  readonly userPoolName: string;
  readonly databaseUrl: string;
  /**
   * The audit archive's bucket on a local S3 server, created with Object Lock; undefined on AWS,
   * where the CDK stack declares it.
   */
  readonly localAuditBucket?: { readonly endpoint: string; readonly bucket: string } | undefined;
  /** The aggregator's dead-letter queue on a local SQS server; undefined on AWS (the CDK stack's). */
  readonly localDeadLetterQueue?: { readonly endpoint: string; readonly name: string } | undefined;
}

export interface ProvisionOptions {
  readonly target: ProvisionTarget;
  readonly clock: Clock;
  /** Seed the demo election and demo accounts (local stacks and tests; never production). */
  readonly demo: boolean;
  /** Where demo passwords are kept between runs; null keeps them in memory only (tests). */
  readonly credentialsFile: string | null;
  /** Where the local stack's voter-key secret and receipt key live; null when a secret store holds them (AWS). */
  readonly keysFile?: string | null;
  readonly onStep?: (step: string) => void;
}

export interface ProvisionResult extends UserPoolIds {
  readonly tables: TableNames;
  readonly demoElectionId: string | undefined;
  readonly accounts: readonly AccountCredentials[];
  /** What this run changed; empty when everything was already in place. */
  readonly changes: readonly string[];
}

export const demoAccounts: readonly AccountSpec[] = [
  { email: "voter1@demo.landslide.test", group: "voters" },
  { email: "voter2@demo.landslide.test", group: "voters" },
  { email: "voter3@demo.landslide.test", group: "voters" },
  { email: "official@demo.landslide.test", group: "officials" },
  { email: "operator@demo.landslide.test", group: "operators" },
];

/**
 * Brings a deployment to the state the code expects: DynamoDB tables with streams, the Cognito
 * pool with its clients and groups, the Postgres schema, and (for demos) an open election and
 * accounts. Every step looks before it writes, so running it again changes nothing.
 */
export async function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  const { target, onStep = () => undefined } = options;
  const changes: string[] = [];
  const endpoints = { region: target.region };

  onStep("DynamoDB tables");
  const dynamodb = createDynamoDbClient({ ...endpoints, endpoint: target.dynamodbEndpoint });
  const cognito = createCognitoClient({ ...endpoints, endpoint: target.cognitoEndpoint });
  const controlPlane = connectControlPlane(target.databaseUrl, { maxConnections: 2 });
  try {
    const tables = await ensureTables(dynamodb, target.tablePrefix);
    changes.push(...tables.changes);

    if (target.localAuditBucket) {
      onStep("audit archive bucket (S3 with Object Lock)");
      const s3 = createS3Client({ ...endpoints, endpoint: target.localAuditBucket.endpoint });
      try {
        if ((await ensureAuditBucket(s3, target.localAuditBucket.bucket)).created)
          changes.push(`created the audit archive bucket ${target.localAuditBucket.bucket} (Object Lock)`);
      } finally {
        s3.destroy();
      }
    }

    if (target.localDeadLetterQueue) {
      onStep("dead-letter queue (SQS)");
      const sqs = createSqsClient({ ...endpoints, endpoint: target.localDeadLetterQueue.endpoint });
      try {
        if ((await ensureDeadLetterQueue(sqs, target.localDeadLetterQueue.name)).created)
          changes.push(`created the dead-letter queue ${target.localDeadLetterQueue.name}`);
      } finally {
        sqs.destroy();
      }
    }

    onStep("Cognito user pool");
    const pool = await ensureUserPool(cognito, target.userPoolName);
    changes.push(...pool.changes);

    onStep("Postgres schema");
    const applied = await migrateControlPlane(controlPlane.db);
    if (applied > 0) changes.push(`applied ${applied} Postgres migration(s)`);

    if (options.keysFile) {
      onStep("deployment keys");
      if (ensureKeyFile(options.keysFile).created)
        changes.push(
          "generated the deployment keys (voter-key secret, receipt and audit signing keys, sign-up ticket key)",
        );
    }

    let demoElectionId: string | undefined;
    const accounts: AccountCredentials[] = [];
    if (options.demo) {
      onStep("demo election and accounts");
      const election = demoElection(options.clock);
      const repository = new ElectionsRepository(controlPlane.db);
      let stored = await repository.get(election.id);
      if (!stored) {
        stored = await repository.insert(election);
        changes.push(`created the demo election "${election.title}"`);
      } else if (!sameTexts(stored, election)) {
        // A demo election from an older release gains this release's translations (its votes stand: they name ids).
        stored = (await repository.replaceTranslations(election.id, election.language!, election.translations!))!;
        changes.push(`updated the translations of the demo election "${election.title}"`);
      }
      // Voting reads the data plane's copy (a copy already holding this version is left alone).
      await new DynamoDbElectionCopies(dynamodb, tables.names.elections).publish(stored);
      demoElectionId = election.id;

      const known = options.credentialsFile ? readCredentials(options.credentialsFile) : undefined;
      // Passwords from another pool (say, after a reset) are useless: start over then.
      const knownPasswords = known?.userPoolId === pool.userPoolId ? known.accounts : [];
      for (const spec of demoAccounts) {
        const password = knownPasswords.find((a) => a.email === spec.email)?.password;
        const ensured = await ensureAccount(cognito, pool.userPoolId, spec, password);
        accounts.push(ensured.credentials);
        changes.push(...ensured.changes);
      }
      if (options.credentialsFile && (changes.length > 0 || !known)) {
        writeCredentials(options.credentialsFile, pool.userPoolId, accounts);
      }
    }
    return {
      tables: tables.names,
      userPoolId: pool.userPoolId,
      clientIds: pool.clientIds,
      demoElectionId,
      accounts,
      changes,
    };
  } finally {
    await controlPlane.close();
    dynamodb.destroy();
    cognito.destroy();
  }
}

/** Whether two elections' language and translations are the same (jsonb keeps its keys in an order of its own). */
function sameTexts(a: Election, b: Election): boolean {
  return a.language === b.language && canonicalJson(a.translations ?? {}) === canonicalJson(b.translations ?? {});
}

import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { SesMailer } from "@landslide/vote-engine/ses";
import { type Config, required } from "@landslide/config";
import { createDynamoDbClient, tableNames } from "@landslide/vote-engine/dynamodb";
import { connectControlPlane } from "@landslide/vote-engine/postgres";
import { createS3Client, S3AuditArchive } from "@landslide/vote-engine/s3";
import { createSqsClient, deadLetterQueueUrl } from "@landslide/vote-engine/sqs";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { HeadBucketCommand, type S3Client } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { cognitoIssuer, jwksUrl } from "../auth/issuer";
import type { ReadinessCheck } from "../http/readiness";

/** The clients a service holds for its whole life, and the readiness checks that go with them. */
export function createDependencies(config: Config) {
  const dynamodb = createDynamoDbClient({ region: config.aws.region, endpoint: config.aws.dynamodbEndpoint });
  const tables = tableNames(config.aws.tablePrefix);
  let controlPlane: ReturnType<typeof connectControlPlane> | undefined;
  // Opened on first use: only some services need the control plane.
  const openControlPlane = () => (controlPlane ??= connectControlPlane(config.database.url));
  let s3: S3Client | undefined;
  const openS3 = () => (s3 ??= createS3Client({ region: config.aws.region, endpoint: config.aws.s3Endpoint }));
  let auditArchive: S3AuditArchive | undefined;
  // One per service: it remembers which keys are archived, so each is asked of S3 once.
  const openAuditArchive = () =>
    (auditArchive ??= new S3AuditArchive(openS3(), {
      bucket: config.audit.bucket,
      retentionDays: config.audit.retentionDays,
    }));
  const issuer = () =>
    cognitoIssuer({
      region: config.aws.region,
      endpoint: config.aws.cognitoEndpoint,
      userPoolId: required(
        config.cognito.userPoolId,
        "LANDSLIDE_COGNITO_USER_POOL_ID",
        "the user pool id printed by provisioning",
      ),
    });

  return {
    config,
    dynamodb,
    tables,
    issuer,
    controlPlane: openControlPlane,
    /** The write-once archive (S3 with Object Lock) of sealed epochs and published bundles. */
    auditArchive: openAuditArchive,
    checks: {
      dynamodb:
        (table: string): ReadinessCheck =>
        async () => {
          await dynamodb.send(new DescribeTableCommand({ TableName: table }));
        },
      /** The audit archive's bucket answers (the aggregator writes sealed epochs there). */
      auditArchive: (): ReadinessCheck => async () => {
        await openS3().send(new HeadBucketCommand({ Bucket: config.audit.bucket }));
      },
      /** The dead-letter queue answers: the aggregator stops counting at a dead letter it cannot send. */
      deadLetterQueue: (): ReadinessCheck => {
        const sqs = createSqsClient({ region: config.aws.region, endpoint: config.aws.sqsEndpoint });
        const queueUrl = required(
          deadLetterQueueUrl(config),
          "LANDSLIDE_AGGREGATOR_DLQ_URL",
          "the dead-letter queue's URL",
        );
        return async () => {
          await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
        };
      },
      postgres: (): ReadinessCheck => async () => {
        await openControlPlane().db.execute(sql`select 1`);
      },
      /** SES answers for this account (the mail to voters goes out through it). */
      ses: (): ReadinessCheck => {
        const ses = new SesMailer({
          region: config.aws.region,
          endpoint: config.mail.sesEndpoint,
          from: config.mail.from,
        });
        return async () => {
          await ses.maxSendRate();
        };
      },
      cognito: (): ReadinessCheck => async () => {
        const response = await fetch(jwksUrl(issuer()), { signal: AbortSignal.timeout(1500) });
        if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
      },
    },
    async close() {
      dynamodb.destroy();
      s3?.destroy();
      await controlPlane?.close();
    },
  };
}

export type Dependencies = ReturnType<typeof createDependencies>;

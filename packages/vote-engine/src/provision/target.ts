import type { Config } from "@landslide/config";
import { deadLetterQueueUrl, queueNameOf } from "../adapters/sqs";
import type { ProvisionTarget } from "./provision";

export function provisionTargetFromConfig(config: Config): ProvisionTarget {
  const queueUrl = deadLetterQueueUrl(config);
  return {
    region: config.aws.region,
    dynamodbEndpoint: config.aws.dynamodbEndpoint,
    cognitoEndpoint: config.aws.cognitoEndpoint,
    tablePrefix: config.aws.tablePrefix,
    userPoolName: config.aws.userPoolName,
    databaseUrl: config.database.url,
    // Locally the provisioning makes what the CDK stack declares on AWS.
    localAuditBucket: config.aws.s3Endpoint
      ? { endpoint: config.aws.s3Endpoint, bucket: config.audit.bucket }
      : undefined,
    localDeadLetterQueue:
      config.aws.sqsEndpoint && queueUrl
        ? { endpoint: config.aws.sqsEndpoint, name: queueNameOf(queueUrl) }
        : undefined,
  };
}

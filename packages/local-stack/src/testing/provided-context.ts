// What the vitest global setup hands to every test file of the run.
declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    cognitoEndpoint: string;
    /** Where cognito-local keeps its database: confirmation codes are read from it. */
    cognitoDataDir: string;
    /** The run's local S3 (Ceph radosgw), for audit archive buckets. */
    s3Endpoint: string;
    /** The run's local SQS (local-aws-sqs), for dead-letter queues. */
    sqsEndpoint: string;
  }
}

export {};

import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { prod } from "./support/prod";
import { expectNoPublicBuckets, expectObjectLockCompliance, expectPointInTimeRecovery } from "./support/safety";

const { templates, parameters } = prod;
const template = templates.data;

describe("the data stack", () => {
  it("has the seven data-plane tables as global tables, on demand, recoverable in both regions, protected and retained", () => {
    template.resourceCountIs("AWS::DynamoDB::GlobalTable", 7);
    template.allResourcesProperties("AWS::DynamoDB::GlobalTable", {
      BillingMode: "PAY_PER_REQUEST",
      SSESpecification: { SSEEnabled: true },
      Replicas: Match.arrayWith([
        Match.objectLike({ Region: parameters.replicaRegion }),
        Match.objectLike({ Region: parameters.primaryRegion }),
      ]),
    });
    expectPointInTimeRecovery(template);
    const tables = template.findResources("AWS::DynamoDB::GlobalTable");
    for (const table of Object.values(tables)) expect(table.DeletionPolicy).toBe("Retain");
  });

  it("streams new votes to the aggregator, keyed one item per voter per election, pre-warmed for the peak", () => {
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "landslide-votes",
      // Global tables replicate through the stream: every table has one, and the aggregator reads NewImage from it.
      StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      WarmThroughput: { WriteUnitsPerSecond: parameters.warmThroughput?.votes.writeUnitsPerSecond },
    });
  });

  it("expires single-use nonces with TTL, and only them", () => {
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "landslide-nonces",
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    });
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "landslide-tallies",
      TimeToLiveSpecification: Match.absent(),
      WarmThroughput: Match.absent(),
    });
  });

  it("keeps sealed audit epochs in a KMS-encrypted bucket with Object Lock in COMPLIANCE mode and access logs", () => {
    expectObjectLockCompliance(template, parameters.auditRetentionDays);
    template.hasResourceProperties("AWS::S3::Bucket", {
      ObjectLockEnabled: true,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: Match.anyValue() },
          }),
        ],
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: "audit/" },
    });
    template.hasResource("AWS::S3::Bucket", {
      Properties: Match.objectLike({ ObjectLockEnabled: true }),
      DeletionPolicy: "Retain",
    });
    template.hasResourceProperties("AWS::KMS::Key", {
      EnableKeyRotation: true,
      Description: Match.stringLikeRegexp("audit archive"),
    });
  });

  it("makes no bucket public and refuses plain HTTP", () => {
    expectNoPublicBuckets(template);
  });

  it("runs the control plane on Aurora PostgreSQL Serverless v2: isolated subnets, encrypted, protected, backed up, TLS only", () => {
    template.hasResourceProperties("AWS::RDS::DBCluster", {
      Engine: "aurora-postgresql",
      ServerlessV2ScalingConfiguration: {
        MinCapacity: parameters.aurora.minCapacityAcu,
        MaxCapacity: parameters.aurora.maxCapacityAcu,
      },
      StorageEncrypted: true,
      KmsKeyId: Match.anyValue(),
      DeletionProtection: true,
      BackupRetentionPeriod: parameters.aurora.backupRetentionDays,
      EnableCloudwatchLogsExports: ["postgresql"],
    });
    // The password comes from Secrets Manager at deploy time, never from the template.
    const cluster = Object.values(template.findResources("AWS::RDS::DBCluster"))[0]!;
    expect(JSON.stringify((cluster.Properties as { MasterUserPassword: unknown }).MasterUserPassword)).toContain(
      "resolve:secretsmanager:",
    );
    template.hasResource("AWS::RDS::DBCluster", { DeletionPolicy: "Snapshot" });
    template.resourceCountIs("AWS::RDS::DBInstance", 1 + parameters.aurora.readers);
    template.hasResourceProperties("AWS::RDS::DBClusterParameterGroup", { Parameters: { "rds.force_ssl": "1" } });
    template.hasResourceProperties("AWS::RDS::DBSubnetGroup", {
      SubnetIds: Match.arrayWith([Match.objectLike({ "Fn::ImportValue": Match.stringLikeRegexp("Vpcdata") })]),
    });
    // The generated password is letters and digits: it goes into DATABASE_URL unescaped.
    template.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: Match.objectLike({ ExcludeCharacters: Match.stringLikeRegexp("@") }),
    });
  });

  it("keeps the deployment keys in Secrets Manager, retained", () => {
    template.hasResource("AWS::SecretsManager::Secret", {
      Properties: Match.objectLike({ Description: Match.stringLikeRegexp("keys.json") }),
      DeletionPolicy: "Retain",
    });
  });
});

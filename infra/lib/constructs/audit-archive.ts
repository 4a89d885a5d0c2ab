import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { Key } from "aws-cdk-lib/aws-kms";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

/**
 * The audit bucket's name, a function of the environment so other stacks can name it (and its
 * objects, in IAM policies) without a cross-stack reference. Bucket names are global: the
 * account and region make it unique.
 */
export function auditBucketName(scope: Construct, tablePrefix: string): string {
  const stack = Stack.of(scope);
  return `${tablePrefix}-audit-${stack.account}-${stack.region}`;
}

export interface AuditArchiveProps {
  readonly bucketName: string;
  /** How long a sealed epoch is immutable for everyone, the account root included. */
  readonly retentionDays: number;
}

/**
 * Write-once storage for sealed audit epochs (the files packages/api's epoch archive writes
 * locally, `<election>/epoch-000001.json`). Object Lock in COMPLIANCE mode: no one can shorten
 * the retention or delete a locked version before it ends, which is the point of an audit log.
 */
export class AuditArchive extends Construct {
  readonly bucket: Bucket;
  /** Server access logs of the audit bucket: who read or tried to write what. */
  readonly accessLogs: Bucket;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: AuditArchiveProps) {
    super(scope, id);
    // Deliver access logs under a bucket policy, not the legacy LogDeliveryWrite ACL (set here,
    // before any child exists, so it holds whatever flags the app was built with).
    this.node.setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

    this.key = new Key(this, "Key", {
      description: "Landslide audit archive: sealed epochs",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.accessLogs = new Bucket(this, "AccessLogs", {
      // S3 server access logging only delivers to buckets encrypted with S3-managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: "expire-access-logs",
          expiration: Duration.days(Math.max(400, props.retentionDays)),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });

    this.bucket = new Bucket(this, "Bucket", {
      bucketName: props.bucketName,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(props.retentionDays)),
      versioned: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket rather than a KMS call per object.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: "audit/",
      removalPolicy: RemovalPolicy.RETAIN,
      // Epochs are read rarely after an election: cheaper storage after 90 days, still locked.
      lifecycleRules: [
        {
          id: "older-epochs-infrequent-access",
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
        },
      ],
    });
  }
}

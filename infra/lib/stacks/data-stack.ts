import { CfnOutput, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import type { IVpc } from "aws-cdk-lib/aws-ec2";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { AuditArchive, auditBucketName } from "../constructs/audit-archive";
import { ControlPlaneDatabase } from "../constructs/control-plane-database";
import { VoteTables } from "../constructs/vote-tables";
import { acknowledgeFindings } from "../nag";
import type { Parameters } from "../parameters";
import { subnetGroups } from "./network-stack";

export interface DataStackProps extends StackProps {
  readonly parameters: Parameters;
  readonly vpc: IVpc;
}

/**
 * Stateful resources, in a stack of their own so service deployments never touch them:
 * the data-plane tables, the audit archive, the control-plane database and the deployment keys.
 * Everything here is retained (or snapshotted) when removed from the template.
 */
export class DataStack extends Stack {
  readonly tables: VoteTables;
  readonly audit: AuditArchive;
  readonly database: ControlPlaneDatabase;
  /**
   * The deployment keys: keys.json as packages/vote-engine's key file holds it (voter-key secret,
   * which also signs device tokens; the receipt signing key; the audit signing key). Created
   * empty-ish here and filled once by an operator (runbook: "Deployment keys").
   */
  readonly deploymentKeys: Secret;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { parameters } = props;

    this.tables = new VoteTables(this, "VoteTables", {
      tablePrefix: parameters.tablePrefix,
      replicaRegion: parameters.replicaRegion,
      votesConsistency: parameters.votesConsistency,
      ...(parameters.warmThroughput ? { warmThroughput: parameters.warmThroughput } : {}),
    });

    this.audit = new AuditArchive(this, "AuditArchive", {
      retentionDays: parameters.auditRetentionDays,
      bucketName: auditBucketName(this, parameters.tablePrefix),
    });

    this.database = new ControlPlaneDatabase(this, "ControlPlaneDatabase", {
      vpc: props.vpc,
      subnetGroupName: subnetGroups.data,
      minCapacityAcu: parameters.aurora.minCapacityAcu,
      maxCapacityAcu: parameters.aurora.maxCapacityAcu,
      backupRetentionDays: parameters.aurora.backupRetentionDays,
      readers: parameters.aurora.readers,
      logRetentionDays: parameters.logRetentionDays,
      clusterIdentifier: `${parameters.tablePrefix}-control-plane`,
    });

    this.deploymentKeys = new Secret(this, "DeploymentKeys", {
      description: `Landslide ${parameters.envName}: keys.json (voter-key secret, receipt and audit signing keys). Put the real value with the runbook's procedure.`,
      // Secrets Manager's own key: who may read is decided by IAM (only the API services' execution
      // roles). A customer key here would need a key policy naming roles of the services stack,
      // making the data stack depend on the stack it must outlive.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeFindings(this.deploymentKeys, {
      "AwsSolutions-SMG4":
        "Signing keys, not passwords: a new receipt or audit key must be published before it signs, and the voter-key secret must never change during an election (it derives every voter key). Rotation is the runbook's procedure.",
    });

    new CfnOutput(this, "VotesStreamArn", { value: this.tables.votes.tableStreamArn ?? "" });
    new CfnOutput(this, "AuditBucketName", { value: this.audit.bucket.bucketName });
    new CfnOutput(this, "DeploymentKeysSecretArn", { value: this.deploymentKeys.secretArn });
  }
}

import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { type ISecurityGroup, type IVpc, Port } from "aws-cdk-lib/aws-ec2";
import { Key } from "aws-cdk-lib/aws-kms";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import {
  AuroraPostgresEngineVersion,
  ClusterInstance,
  Credentials,
  DatabaseCluster,
  DatabaseClusterEngine,
  ParameterGroup,
} from "aws-cdk-lib/aws-rds";
import { Construct } from "constructs";
import { acknowledgeFindings } from "../nag";

export interface ControlPlaneDatabaseProps {
  readonly vpc: IVpc;
  /** The subnet group with no route out (the network stack's "data" subnets). */
  readonly subnetGroupName: string;
  readonly minCapacityAcu: number;
  readonly maxCapacityAcu: number;
  readonly backupRetentionDays: number;
  readonly readers: number;
  readonly logRetentionDays: number;
  /** The cluster's name; its Postgres log group is named after it. */
  readonly clusterIdentifier: string;
}

/** The database name packages/vote-engine's drizzle schema is migrated into. */
export const DATABASE_NAME = "landslide";

const engine = DatabaseClusterEngine.auroraPostgres({ version: AuroraPostgresEngineVersion.VER_16_11 });

/**
 * The control plane: Aurora PostgreSQL Serverless v2 (elections, options, fraud cases, audit
 * checkpoints, result history). Low volume and relational; the vote path never waits on it.
 * Reachable only from the security groups passed to `allowConnectionsFrom`.
 */
export class ControlPlaneDatabase extends Construct {
  readonly cluster: DatabaseCluster;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: ControlPlaneDatabaseProps) {
    super(scope, id);

    this.key = new Key(this, "Key", {
      description: "Landslide control plane database",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Created here with a retention, rather than by RDS (for ever) or by CDK's log-retention Lambda.
    const logs = new LogGroup(this, "PostgresLogs", {
      logGroupName: `/aws/rds/cluster/${props.clusterIdentifier}/postgresql`,
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.cluster = new DatabaseCluster(this, "Cluster", {
      clusterIdentifier: props.clusterIdentifier,
      engine,
      // The generated password becomes part of DATABASE_URL: letters and digits only, so it never
      // needs URL escaping (30 of them are ~178 bits).
      credentials: Credentials.fromGeneratedSecret("landslide", {
        excludeCharacters: " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
      }),
      defaultDatabaseName: DATABASE_NAME,
      writer: ClusterInstance.serverlessV2("Writer", {
        enablePerformanceInsights: true,
        performanceInsightEncryptionKey: this.key,
      }),
      // Readers scale with the writer so a failover lands on an instance already the writer's size.
      readers: Array.from({ length: props.readers }, (_, i) =>
        ClusterInstance.serverlessV2(`Reader${i + 1}`, {
          scaleWithWriter: true,
          enablePerformanceInsights: true,
          performanceInsightEncryptionKey: this.key,
        }),
      ),
      serverlessV2MinCapacity: props.minCapacityAcu,
      serverlessV2MaxCapacity: props.maxCapacityAcu,
      vpc: props.vpc,
      vpcSubnets: { subnetGroupName: props.subnetGroupName },
      storageEncrypted: true,
      storageEncryptionKey: this.key,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      backup: { retention: Duration.days(props.backupRetentionDays), preferredWindow: "02:00-03:00" },
      preferredMaintenanceWindow: "sun:03:30-sun:04:30",
      iamAuthentication: true,
      cloudwatchLogsExports: ["postgresql"],
      copyTagsToSnapshot: true,
      parameterGroup: new ParameterGroup(this, "Parameters", {
        engine,
        // TLS or nothing: tasks connect with sslmode=verify-full against the RDS CA bundle.
        parameters: { "rds.force_ssl": "1", log_min_duration_statement: "1000" },
      }),
    });

    this.cluster.node.addDependency(logs);

    acknowledgeFindings(this.cluster, {
      // The generated master secret is a child of the cluster.
      "AwsSolutions-SMG4":
        "No automatic rotation of the database secret: tasks receive the password when they start, so a rotation during polls would break new connections until every task restarted. Rotation is the runbook's procedure between elections (docs/operations.md).",
    });
  }

  /**
   * Admits one group of tasks on the Postgres port. The ingress rule is created in the caller's
   * stack (remote rule), so the data stack never depends on the services stack.
   */
  allowConnectionsFrom(client: ISecurityGroup, description: string): void {
    const port = Port.tcp(this.cluster.clusterEndpoint.port);
    for (const own of this.cluster.connections.securityGroups) {
      own.addIngressRule(client, port, description, true);
      client.addEgressRule(own, port, description);
    }
  }
}

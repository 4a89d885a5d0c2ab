import { Aws, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import type { IVpc } from "aws-cdk-lib/aws-ec2";
import type { Repository } from "aws-cdk-lib/aws-ecr";
import { Cluster, ContainerImage, ContainerInsights, Secret as EcsSecret } from "aws-cdk-lib/aws-ecs";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { auditBucketName } from "../constructs/audit-archive";
import { DATABASE_NAME } from "../constructs/control-plane-database";
import { LandslideService, SCRATCH_PATH } from "../constructs/landslide-service";
import { MailNotifications } from "../constructs/mail-notifications";
import type { UserDirectory } from "../constructs/user-directory";
import { acknowledgeFindings, wildcardResourceFinding } from "../nag";
import type { Parameters, ServiceName } from "../parameters";
import { type ImageName, serviceCatalog, serviceNames } from "../service-catalog";
import type { DataStack } from "./data-stack";
import { subnetGroups } from "./network-stack";

export interface ServicesStackProps extends StackProps {
  readonly parameters: Parameters;
  readonly vpc: IVpc;
  readonly data: DataStack;
  readonly directory: UserDirectory;
  /** The identity stack's sign-up ticket key: the vote API signs tickets with it (and only the vote API reads it). */
  readonly signUpTicketKey: ISecret;
  readonly repositories: Record<ImageName, Repository>;
}

/**
 * The API image's entry point. packages/config wants DATABASE_URL and a keys file; ECS injects
 * secrets only as variables, one JSON field each. This assembles both inside the task, so the
 * password never appears in a task definition, and then runs the service (the command).
 */
const apiEntryPoint = [
  "/bin/sh",
  "-c",
  [
    "set -eu",
    "umask 077",
    'mkdir -p "$(dirname "$LANDSLIDE_KEYS_FILE")"',
    'printf "%s" "$LANDSLIDE_KEYS_JSON" > "$LANDSLIDE_KEYS_FILE"',
    "unset LANDSLIDE_KEYS_JSON",
    'export DATABASE_URL="postgres://$DB_USERNAME:$DB_PASSWORD@$DB_HOST:$DB_PORT/$DB_NAME?sslmode=verify-full"',
    "unset DB_PASSWORD",
    'exec "$@"',
  ].join("\n"),
  "landslide-entrypoint",
];

/**
 * The six deployables on ECS Fargate: vote API, control API, results fan-out, aggregator, voter
 * site and console. Each has its own task role, granted exactly what its code calls (read from
 * packages/api and packages/vote-engine's adapters, listed below per service).
 */
export class ServicesStack extends Stack {
  readonly cluster: Cluster;
  readonly services: Record<ServiceName, LandslideService>;
  /** Change records the aggregator gave up on after its retries, kept 14 days for a re-drive. */
  readonly aggregatorDeadLetterQueue: Queue;
  /** The control API's e-mail: the sending identity, the configuration set and the queue of SES's events. */
  readonly mail: MailNotifications;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props);
    const { parameters, data, directory } = props;
    const prod = parameters.envName === "prod";

    this.cluster = new Cluster(this, "Cluster", {
      vpc: props.vpc,
      // Per-task CPU, memory and network: what a fleet of 200 vote API tasks needs to be understood.
      containerInsightsV2: ContainerInsights.ENHANCED,
    });

    const deadLetterKey = new Key(this, "DeadLetterKey", {
      description: "Landslide aggregator dead-letter queue",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.aggregatorDeadLetterQueue = new Queue(this, "AggregatorDeadLetterQueue", {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: deadLetterKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeFindings(this.aggregatorDeadLetterQueue, {
      "AwsSolutions-SQS3":
        "This queue is itself the dead-letter queue: the aggregator sends a change record here after its retries fail; a dead-letter queue of a dead-letter queue would only hide the alarm on this one.",
    });

    const loadBalancerLogs = new Bucket(this, "LoadBalancerLogs", {
      // Load balancer access logs can only be delivered to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: "expire-access-logs", expiration: Duration.days(parameters.logRetentionDays) }],
    });
    acknowledgeFindings(loadBalancerLogs, {
      "AwsSolutions-S1":
        "This bucket receives the load balancers' access logs; logging access to the log bucket itself would only log the log delivery.",
    });

    this.mail = new MailNotifications(this, "Mail", {
      domain: parameters.mail.domain,
      configurationSetName: `${parameters.tablePrefix}-notifications`,
    });

    // What the services and the web apps all read (packages/config/src/schema.ts).
    const publicOrigin = `https://${parameters.publicHostname}`;
    const publicUrl = (name: ServiceName) => `${publicOrigin}${serviceCatalog[name].publicPath ?? ""}`;
    const clients = directory.clients;
    const shared: Record<string, string> = {
      LANDSLIDE_STACK: "aws",
      // The dimension of the metrics the services publish (the aggregator's lag).
      LANDSLIDE_ENVIRONMENT: parameters.envName,
      AWS_REGION: parameters.primaryRegion,
      LANDSLIDE_LOG_LEVEL: "info",
      LANDSLIDE_COGNITO_USER_POOL_ID: directory.userPool.userPoolId,
      LANDSLIDE_COGNITO_VOTER_CLIENT_ID: clients["voter-web"].userPoolClientId,
      LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID: clients.console.userPoolClientId,
      LANDSLIDE_COGNITO_CLI_CLIENT_ID: clients.cli.userPoolClientId,
      // Public URLs: device proofs sign the vote API's, so it must be exactly what browsers call.
      LANDSLIDE_VOTE_API_URL: publicUrl("voteApi"),
      LANDSLIDE_CONTROL_API_URL: publicUrl("controlApi"),
      LANDSLIDE_RESULTS_URL: publicUrl("results"),
      LANDSLIDE_CORS_ORIGINS: `${publicOrigin},https://${parameters.consoleHostname}`,
    };
    const database = data.database.cluster;
    const databaseSecret = database.secret;
    if (!databaseSecret) throw new Error("the control plane database has no generated secret");
    const apiEnvironment: Record<string, string> = {
      ...shared,
      LANDSLIDE_HOST: "0.0.0.0",
      LANDSLIDE_TABLE_PREFIX: parameters.tablePrefix,
      LANDSLIDE_USER_POOL_NAME: parameters.tablePrefix,
      // Whose X-Forwarded-For is believed: the VPC's range. CloudFront appends the viewer's address
      // and reaches the internal load balancers through its VPC origin, whose network interfaces
      // sit in this VPC (the load balancers admit nothing else); the load balancer appends the
      // interface's address. Both proxies are inside this range, so the walk from the right stops
      // at the viewer. CloudFront's published origin-facing ranges are not needed (its VPC origin
      // never connects from them) and a hop count would also believe whatever a caller put there.
      LANDSLIDE_TRUSTED_PROXIES: parameters.vpcCidr,
      // Every deployment is HTTPS to browsers (TLS ends at CloudFront): a year of HSTS on API answers.
      LANDSLIDE_HSTS_SECONDS: String(365 * 24 * 3600),
      // /metrics listens on loopback at each service's port + 100 (packages/config's defaults): only
      // a collector inside the task could scrape it; the task maps only the service port, so neither
      // the load balancer nor CloudFront can reach it. (Operators read CloudWatch metrics on AWS.)
      LANDSLIDE_DATA_DIR: `${SCRATCH_PATH}/landslide`,
      LANDSLIDE_KEYS_FILE: `${SCRATCH_PATH}/landslide/keys.json`,
      DB_HOST: database.clusterEndpoint.hostname,
      DB_PORT: database.clusterEndpoint.port.toString(),
      DB_NAME: DATABASE_NAME,
      // The image contract: Amazon RDS's CA bundle at this path, so sslmode=verify-full can verify.
      NODE_EXTRA_CA_CERTS: "/etc/ssl/certs/rds-global-bundle.pem",
    };
    const apiSecrets = {
      LANDSLIDE_KEYS_JSON: EcsSecret.fromSecretsManager(data.deploymentKeys),
      DB_USERNAME: EcsSecret.fromSecretsManager(databaseSecret, "username"),
      DB_PASSWORD: EcsSecret.fromSecretsManager(databaseSecret, "password"),
    };
    // The vote API alone issues sign-up tickets: its key reaches its task only (its execution role
    // alone may read the secret), as LANDSLIDE_SIGN_UP_TICKET_KEY, which packages/config prefers to the keys file's.
    const extraSecrets: Partial<Record<ServiceName, Record<string, EcsSecret>>> = {
      voteApi: { LANDSLIDE_SIGN_UP_TICKET_KEY: EcsSecret.fromSecretsManager(props.signUpTicketKey) },
    };
    // Both archive write-once to the audit bucket: the aggregator the epochs it seals, the results
    // fan-out a closed election's last epochs and its first published bundle. Their locks last as
    // long as the bucket's default retention.
    const archive = {
      LANDSLIDE_AUDIT_BUCKET: data.audit.bucket.bucketName,
      LANDSLIDE_AUDIT_RETENTION_DAYS: String(parameters.auditRetentionDays),
    };
    const extraEnvironment: Partial<Record<ServiceName, Record<string, string>>> = {
      aggregator: {
        ...archive,
        LANDSLIDE_AGGREGATOR_DLQ_URL: this.aggregatorDeadLetterQueue.queueUrl,
      },
      results: archive,
      // The control API alone sends e-mail: as the identity, under the configuration set whose
      // events (deliveries, bounces, complaints) it reads back from the queue. The queue's URL is
      // not yet read by packages/config.
      controlApi: {
        LANDSLIDE_MAIL_FROM: `Landslide <${parameters.mail.from}>`,
        LANDSLIDE_SES_CONFIGURATION_SET: this.mail.configurationSet.configurationSetName,
        LANDSLIDE_SES_EVENTS_QUEUE_URL: this.mail.queue.queueUrl,
        // The links in the e-mails open the voter site.
        LANDSLIDE_VOTER_WEB_URL: publicOrigin,
      },
    };

    this.services = Object.fromEntries(
      serviceNames.map((name) => {
        const description = serviceCatalog[name];
        const web = description.kind === "web";
        const environment = web
          ? {
              ...shared,
              [description.portVariable]: String(description.port),
              HOSTNAME: "0.0.0.0",
              // packages/config requires DATABASE_URL whenever LANDSLIDE_STACK=aws, though the web apps never
              // open it; a URL with no credentials satisfies the check without handing them the password.
              DATABASE_URL: "postgres://web-apps-do-not-use-the-database.invalid/none",
            }
          : { ...apiEnvironment, [description.portVariable]: String(description.port), ...extraEnvironment[name] };
        const service = new LandslideService(this, `${name[0]?.toUpperCase()}${name.slice(1)}`, {
          description,
          sizing: parameters.services[name],
          cluster: this.cluster,
          vpc: props.vpc,
          vpcCidr: parameters.vpcCidr,
          subnetGroupName: subnetGroups.services,
          image: ContainerImage.fromEcrRepository(props.repositories[description.image], parameters.imageTag),
          cpuArchitecture: parameters.cpuArchitecture,
          environment,
          ...(web ? {} : { secrets: { ...apiSecrets, ...extraSecrets[name] }, entryPoint: apiEntryPoint }),
          logRetentionDays: parameters.logRetentionDays,
          accessLogs: loadBalancerLogs,
          deletionProtection: prod,
        });
        if (!web) data.database.allowConnectionsFrom(service.securityGroup, `Landslide ${description.id}`);
        return [name, service];
      }),
    ) as Record<ServiceName, LandslideService>;

    this.grantLeastPrivilege(data, directory, parameters);
  }

  /**
   * Each task role gets exactly the calls its code makes (packages/vote-engine/src/adapters/dynamodb),
   * plus DescribeTable on the table its /readyz checks. The web apps' roles get nothing.
   */
  private grantLeastPrivilege(data: DataStack, directory: UserDirectory, parameters: Parameters): void {
    const { tables, audit } = data;
    const role = (name: ServiceName) => this.services[name].taskRole;
    // The audit bucket by name (see auditBucketName): its objects' ARN holds no cross-stack token.
    const auditObjects = `arn:${Aws.PARTITION}:s3:::${auditBucketName(this, parameters.tablePrefix)}/*`;
    const auditBucketArn = `arn:${Aws.PARTITION}:s3:::${auditBucketName(this, parameters.tablePrefix)}`;

    // Vote API: cast (conditional put; get for the receipt), nonces (put once) and rate counters (update),
    // device bindings (a transaction of two puts, and queries), voter rolls (batch get), readiness.
    // No Scan anywhere, no tallies, no audit archive.
    tables.votes.grant(role("voteApi"), "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DescribeTable");
    tables.nonces.grant(role("voteApi"), "dynamodb:PutItem", "dynamodb:UpdateItem");
    tables.devices.grant(role("voteApi"), "dynamodb:PutItem", "dynamodb:Query", "dynamodb:GetItem");
    tables.voterRolls.grant(role("voteApi"), "dynamodb:BatchGetItem");
    tables.elections.grant(role("voteApi"), "dynamodb:GetItem");
    // Imported network lists: which are live (one query a minute) and the changed ones' parts.
    tables.networkLists.grant(role("voteApi"), "dynamodb:Query");

    // Control API: fraud review (get, update a vote's review), recount (parallel scan), tallies for the
    // dashboard, voter-roll import (batch write) and checks, readiness on votes.
    tables.votes.grant(
      role("controlApi"),
      "dynamodb:GetItem",
      "dynamodb:UpdateItem",
      "dynamodb:Scan",
      "dynamodb:DescribeTable",
    );
    tables.tallies.grant(role("controlApi"), "dynamodb:Query");
    // Voter rolls: an import is a transaction of conditional puts and the size counter's update;
    // the size is one get; mail to a roll reads it whole (a scan filtered to the election).
    tables.voterRolls.grant(
      role("controlApi"),
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Scan",
    );
    // Every change an official makes is published to the data plane's copy of the election (a conditional put).
    tables.elections.grant(role("controlApi"), "dynamodb:PutItem", "dynamodb:GetItem");
    // Operators import, list and remove network lists (a threat feed's parts, then its live entry).
    tables.networkLists.grant(role("controlApi"), "dynamodb:PutItem", "dynamodb:Query", "dynamodb:DeleteItem");

    // The control API's notifications: sending as the one identity under the one configuration set,
    // the account's quota (GetAccount), and the events SES reports back.
    this.mail.grantSend(role("controlApi"));
    this.mail.grantConsumeEvents(role("controlApi"));
    // A reminder goes only to those who have not voted: the account signed up with an address
    // (its subject makes the voter key), looked up when the reminder goes out.
    directory.userPool.grant(role("controlApi"), "cognito-idp:AdminGetUser");

    // Results fan-out: sharded counters (queries), a closed election's recount and audit bundle
    // (scan of its votes), readiness on tallies.
    tables.tallies.grant(role("results"), "dynamodb:Query", "dynamodb:DescribeTable");
    tables.elections.grant(role("results"), "dynamodb:GetItem");
    tables.votes.grant(role("results"), "dynamodb:Scan");

    // Aggregator: the votes stream (and DescribeTable, which finds the stream), the tallies table
    // (checkpoint get; the transaction's checkpoint put, counter updates and dead letters' pending
    // marks), the SQS dead-letter queue (send only: SendMessageBatch is authorized as SendMessage),
    // sealed epochs (put, never delete). The re-drive is an operator's ('election dead-letters
    // redrive', see the runbook), not the aggregator's: it cannot receive or delete a letter.
    tables.votes.grantStreamRead(role("aggregator"));
    tables.votes.grant(role("aggregator"), "dynamodb:DescribeTable");
    // The coordination watch holds counted votes for review (coordination-watch.ts): an update
    // of a vote's state and reasons only, never its ballot, receipt or keys.
    role("aggregator").addToPrincipalPolicy(
      new PolicyStatement({
        actions: ["dynamodb:UpdateItem"],
        resources: [tables.votes.tableArn],
        conditions: { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["pk", "sk", "state", "reasons"] } },
      }),
    );
    tables.tallies.grant(role("aggregator"), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    // It re-publishes every election's copy now and then, in case a control-API publish was lost.
    tables.elections.grant(role("aggregator"), "dynamodb:PutItem");
    this.aggregatorDeadLetterQueue.grant(role("aggregator"), "sqs:SendMessage", "sqs:GetQueueAttributes");
    this.aggregatorDeadLetterQueue.encryptionMasterKey?.grant(role("aggregator"), "kms:GenerateDataKey", "kms:Decrypt");

    // The audit archive, for the aggregator (epochs it seals) and the results fan-out (a closed
    // election's last epochs and its bundle): put with a COMPLIANCE lock (PutObjectRetention is
    // what S3 checks for a put that sets one), read back (a put first asks whether the key is
    // taken), list for readiness. No delete, no bypass, no legal hold: Object Lock decides those.
    for (const name of ["results", "aggregator"] as const) {
      role(name).addToPrincipalPolicy(
        new PolicyStatement({
          actions: ["s3:PutObject", "s3:PutObjectRetention", "s3:GetObject", "s3:GetObjectVersion"],
          resources: [auditObjects],
        }),
      );
      role(name).addToPrincipalPolicy(new PolicyStatement({ actions: ["s3:ListBucket"], resources: [auditBucketArn] }));
      audit.key.grant(role(name), "kms:GenerateDataKey", "kms:Decrypt");
      acknowledgeFindings(this.services[name].taskRole, {
        [wildcardResourceFinding(this, auditObjects)]:
          "The objects of the audit bucket, whose keys are election ids and epoch numbers not known in advance; put and read only: Object Lock makes them immutable.",
      });
    }
  }
}

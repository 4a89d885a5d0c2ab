import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { acknowledgeFindings } from "../nag";
import { noncesTableName } from "./vote-tables";

/**
 * The partition keys the Lambda may write in the nonces table: @landslide/config/sign-up-ticket's
 * TICKET_CLAIM_PREFIX (infra imports nothing of the app at synthesis; test/identity.test.ts
 * checks the two agree).
 */
export const TICKET_CLAIM_PREFIX = "sign-up-ticket#";

/** The repository's root: the bundle's project root, whose lockfile pins what esbuild bundles. */
const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export interface SignUpTicketsProps {
  readonly envName: string;
  /** The data stack's table prefix: the nonces table is `<prefix>-nonces`. */
  readonly tablePrefix: string;
  readonly logRetentionDays: number;
}

/**
 * Self sign-up needs a ticket from the vote API (issue 15). This holds the key that signs them, in
 * a secret of its own (only this Lambda and the vote API's task may read it: not every API task
 * that reads the deployment keys), and the PreSignUp Lambda that checks a ticket and uses it up.
 *
 * The secret is generated here: 64 letters and digits, which are also base64url, so the value is
 * the key in the form keys.json and LANDSLIDE_SIGN_UP_TICKET_KEY hold it (48 bytes).
 */
export class SignUpTickets extends Construct {
  readonly key: Secret;
  readonly preSignUp: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: SignUpTicketsProps) {
    super(scope, id);

    this.key = new Secret(this, "TicketKey", {
      description: `Landslide ${props.envName}: the key that signs sign-up tickets (base64url), read by the vote API and the pre-sign-up Lambda.`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeFindings(this.key, {
      "AwsSolutions-SMG4":
        "Rotated by the runbook instead (put a new value, then force a new deployment of the vote API; the Lambda rereads it within five minutes): a ticket lives five minutes, so a rotation only makes sign-ups in flight ask for a new ticket, and a rotation Lambda would have nothing else to do.",
    });

    const logGroup = new LogGroup(this, "Logs", {
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A role of its own instead of AWSLambdaBasicExecutionRole: its log group, this secret, and
    // puts of ticket ids in the nonces table; nothing else.
    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: "Landslide pre-sign-up check",
    });
    logGroup.grantWrite(this.role);
    this.key.grantRead(this.role);
    const noncesTable = Stack.of(this).formatArn({
      service: "dynamodb",
      resource: "table",
      resourceName: noncesTableName(props.tablePrefix),
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ["dynamodb:PutItem"],
        resources: [noncesTable],
        // Only keys of used tickets: the role cannot write a device proof's nonce or a rate counter.
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${TICKET_CLAIM_PREFIX}*`] } },
      }),
    );

    this.preSignUp = new NodejsFunction(this, "PreSignUp", {
      description:
        "Landslide: refuses a self sign-up without a valid, unused sign-up ticket for its own e-mail address",
      entry: join(repositoryRoot, "infra", "lambda", "pre-sign-up.ts"),
      handler: "handler",
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, "package-lock.json"),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      // Cognito waits 5 s for a trigger; a slower answer fails the sign-up anyway.
      timeout: Duration.seconds(5),
      role: this.role,
      logGroup,
      environment: { SIGN_UP_TICKET_SECRET_ARN: this.key.secretArn, NONCES_TABLE: noncesTableName(props.tablePrefix) },
      // esbuild from the repository's node_modules, never Docker: synthesis works offline. The AWS
      // SDK is the runtime's own (v3 on Node.js 24), so the bundle holds only our code and zod.
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: "node24",
        externalModules: ["@aws-sdk/*"],
        minify: true,
        sourceMap: false,
      },
    });
  }
}

import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { serviceCatalog, serviceNames } from "../lib/service-catalog";
import { actionsOf, logicalIdOf, scalableTargetIds, statementsOfRole } from "./support/app";
import { prod } from "./support/prod";
import { expectAutoscalingBounds } from "./support/safety";

const { templates, parameters, stacks } = prod;
const template = templates.services;
const taskRole = (name: keyof typeof stacks.services.services) => logicalIdOf(stacks.services.services[name].taskRole);
const containerOf = (name: keyof typeof stacks.services.services) => {
  const task =
    template.findResources("AWS::ECS::TaskDefinition")[
      logicalIdOf(stacks.services.services[name].service.taskDefinition)
    ];
  return (task?.Properties as { ContainerDefinitions: Record<string, unknown>[] }).ContainerDefinitions[0]!;
};
const environmentOf = (name: keyof typeof stacks.services.services) =>
  Object.fromEntries(
    (containerOf(name).Environment as { Name: string; Value: unknown }[]).map((e) => [e.Name, e.Value]),
  );

describe("the services stack", () => {
  it("runs six Fargate services on a cluster with Container Insights", () => {
    template.hasResourceProperties("AWS::ECS::Cluster", {
      ClusterSettings: [{ Name: "containerInsights", Value: "enhanced" }],
    });
    template.resourceCountIs("AWS::ECS::Service", serviceNames.length);
    template.allResourcesProperties("AWS::ECS::Service", {
      LaunchType: "FARGATE",
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: "DISABLED" }) },
      // Autoscaling owns the count: a deployment must not reset a scaled-out fleet.
      DesiredCount: Match.absent(),
    });
  });

  it("scales every service on CPU, and those behind a load balancer on requests per task, within the environment's bounds", () => {
    expectAutoscalingBounds(template, parameters.services, scalableTargetIds(stacks));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: parameters.services.voteApi.requestsPerTaskPerMinute,
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: "ALBRequestCountPerTarget" }),
      }),
    });
  });

  it("puts the public services behind internal load balancers with health checks on /readyz (web apps on /)", () => {
    template.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 5);
    template.allResourcesProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", {
      Scheme: "internal",
      LoadBalancerAttributes: Match.arrayWith([
        { Key: "deletion_protection.enabled", Value: "true" },
        { Key: "routing.http.drop_invalid_header_fields.enabled", Value: "true" },
        { Key: "access_logs.s3.enabled", Value: "true" },
      ]),
    });
    const healthChecks = Object.values(template.findResources("AWS::ElasticLoadBalancingV2::TargetGroup")).map(
      (g) => g.Properties as { HealthCheckPath: string; Port: number },
    );
    for (const description of Object.values(serviceCatalog).filter((d) => d.healthCheckPath)) {
      expect(healthChecks).toContainEqual(
        expect.objectContaining({ HealthCheckPath: description.healthCheckPath, Port: description.port }),
      );
    }
    expect(healthChecks.filter((h) => h.HealthCheckPath === "/readyz")).toHaveLength(3);
    // Only the VPC (CloudFront's VPC origin) reaches them, never 0.0.0.0/0.
    for (const group of Object.values(template.findResources("AWS::EC2::SecurityGroup"))) {
      for (const rule of (group.Properties as { SecurityGroupIngress?: { CidrIp?: string }[] }).SecurityGroupIngress ??
        [])
        expect(rule.CidrIp).toBe(parameters.vpcCidr);
    }
  });

  it("configures the API tasks as packages/config expects on AWS, with secrets only through Secrets Manager", () => {
    const environment = environmentOf("voteApi");
    expect(environment).toMatchObject({
      LANDSLIDE_STACK: "aws",
      LANDSLIDE_ENVIRONMENT: parameters.envName,
      LANDSLIDE_TABLE_PREFIX: parameters.tablePrefix,
      LANDSLIDE_TRUSTED_PROXIES: parameters.vpcCidr,
      LANDSLIDE_HSTS_SECONDS: "31536000",
      LANDSLIDE_VOTE_API_URL: `https://${parameters.publicHostname}/api/vote`,
      LANDSLIDE_VOTE_API_PORT: "4000",
      LANDSLIDE_HOST: "0.0.0.0",
    });
    expect(environment.LANDSLIDE_COGNITO_USER_POOL_ID).toBeDefined();
    // No hop count: only the VPC's proxies are believed. Metrics stay on loopback, off the mapped port.
    expect(environment).not.toHaveProperty("LANDSLIDE_TRUSTED_PROXY_HOPS");
    expect(environment).not.toHaveProperty("LANDSLIDE_METRICS_HOST");
    expect((containerOf("voteApi").PortMappings as { ContainerPort: number }[]).map((m) => m.ContainerPort)).toEqual([
      4000,
    ]);
    expect(environment).not.toHaveProperty("DATABASE_URL");
    expect(environment).not.toHaveProperty("DB_PASSWORD");
    const secrets = (containerOf("voteApi").Secrets as { Name: string }[]).map((s) => s.Name);
    // The sign-up ticket key only for the vote API, which alone issues tickets (sign-up-tickets.test.ts).
    expect(secrets.sort()).toEqual([
      "DB_PASSWORD",
      "DB_USERNAME",
      "LANDSLIDE_KEYS_JSON",
      "LANDSLIDE_SIGN_UP_TICKET_KEY",
    ]);
    expect((containerOf("controlApi").Secrets as { Name: string }[]).map((s) => s.Name).sort()).toEqual([
      "DB_PASSWORD",
      "DB_USERNAME",
      "LANDSLIDE_KEYS_JSON",
    ]);
    expect(containerOf("voteApi").ReadonlyRootFilesystem).toBe(true);
    // The web apps get no secret at all.
    expect(containerOf("voterWeb").Secrets).toBeUndefined();
    expect(environmentOf("voterWeb").DATABASE_URL).toMatch(/\.invalid\//);
  });

  it("gives the vote API exactly its calls: no Scan, no tallies, no audit archive, no queue", () => {
    const statements = statementsOfRole(template, taskRole("voteApi"));
    const actions = actionsOf(statements);
    expect(new Set(actions)).toEqual(
      new Set([
        "dynamodb:PutItem",
        "dynamodb:GetItem",
        "dynamodb:DescribeTable",
        "dynamodb:UpdateItem",
        "dynamodb:Query",
        "dynamodb:BatchGetItem",
      ]),
    );
    // Per table: the votes table takes a put and a get, never an update (reviews are the control API's).
    const byResource = (table: string) =>
      actionsOf(statements.filter((s) => JSON.stringify(s.Resource).includes(table)));
    expect(new Set(byResource("Votes"))).toEqual(
      new Set(["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DescribeTable"]),
    );
    expect(new Set(byResource("Nonces"))).toEqual(new Set(["dynamodb:PutItem", "dynamodb:UpdateItem"]));
    expect(new Set(byResource("VoterRolls"))).toEqual(new Set(["dynamodb:BatchGetItem"]));
    // A device's passkey is one GetItem at registration; network lists are only read.
    expect(new Set(byResource("Devices"))).toEqual(new Set(["dynamodb:PutItem", "dynamodb:Query", "dynamodb:GetItem"]));
    expect(new Set(byResource("NetworkLists"))).toEqual(new Set(["dynamodb:Query"]));
    expect(actions).not.toContain("dynamodb:Scan");
    expect(actions.some((a) => a.includes("*"))).toBe(false);
    expect(actions.some((a) => a.startsWith("s3:") || a.startsWith("sqs:") || a.startsWith("kms:"))).toBe(false);
    const tables = JSON.stringify(statements.map((s) => s.Resource));
    for (const table of ["Votes", "Nonces", "Devices", "VoterRolls"]) expect(tables).toContain(table);
    for (const table of ["Tallies", "AuditArchive"]) expect(tables).not.toContain(table);
  });

  it("lets the aggregator read the votes stream, hold a vote for review, write tallies, send dead letters to its queue and put sealed epochs — nothing else", () => {
    const statements = statementsOfRole(template, taskRole("aggregator"));
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator",
        "dynamodb:DescribeStream",
        "sqs:SendMessage",
        "s3:PutObject",
        "s3:PutObjectRetention",
      ]),
    );
    // It can lock what it archives, never unlock, shorten, hold or delete it.
    for (const action of [
      "s3:DeleteObject",
      "s3:DeleteObjectVersion",
      "s3:BypassGovernanceRetention",
      "s3:PutObjectLegalHold",
      "s3:PutBucketObjectLockConfiguration",
    ])
      expect(actions).not.toContain(action);
    expect(actions.some((a) => a.includes("*"))).toBe(false);
    const byResource = (table: string) =>
      actionsOf(statements.filter((s) => JSON.stringify(s.Resource).includes(table)));
    expect(new Set(byResource("Tallies"))).toEqual(
      new Set(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]),
    );
    expect(byResource("Votes")).not.toContain("dynamodb:PutItem");
    // Dead letters go to the queue, never come back: receiving and deleting them is the operator's re-drive.
    for (const action of ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"])
      expect(actions).not.toContain(action);
    // The coordination watch may move a vote's state and reasons, nothing else of it.
    const votesUpdate = statements.filter(
      (s) => JSON.stringify(s.Resource).includes("Votes") && actionsOf([s]).includes("dynamodb:UpdateItem"),
    );
    expect(votesUpdate).toHaveLength(1);
    expect(votesUpdate[0]!.Condition).toEqual({
      "ForAllValues:StringEquals": { "dynamodb:Attributes": ["pk", "sk", "state", "reasons"] },
    });
  });

  it("keeps the web apps' roles empty", () => {
    expect(statementsOfRole(template, taskRole("voterWeb"))).toEqual([]);
    expect(statementsOfRole(template, taskRole("console"))).toEqual([]);
  });

  it("dead-letters to an encrypted queue that only accepts TLS", () => {
    template.hasResourceProperties("AWS::SQS::Queue", {
      KmsMasterKeyId: Match.anyValue(),
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties("AWS::SQS::QueuePolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("takes images from the stack's ECR repositories at the configured tag", () => {
    const image = JSON.stringify(containerOf("voteApi").Image);
    expect(image).toContain(`:${parameters.imageTag}`);
    expect(image).toContain("Landslide-prod-Registry");
  });
});

import type { Template } from "aws-cdk-lib/assertions";
import { expect } from "vitest";
import type { Parameters, ServiceName } from "../../lib/parameters";

/**
 * The properties that keep votes safe, as assertions the stack tests use AND the mutation test
 * (safety-assertions.test.ts) shows failing when a property is removed. Each throws with a
 * message naming what is missing.
 */

type Resource = { Properties: Record<string, unknown> };
const resources = (template: Template, type: string) =>
  Object.entries(template.findResources(type) as Record<string, Resource>);

/** Every data-plane table: PITR and deletion protection in every replica, at least two regions. */
export function expectPointInTimeRecovery(template: Template): void {
  const tables = resources(template, "AWS::DynamoDB::GlobalTable");
  expect(tables.length, "global tables").toBeGreaterThan(0);
  for (const [id, table] of tables) {
    const replicas = table.Properties.Replicas as Record<string, unknown>[];
    expect(replicas.length, `${id}: replicas`).toBeGreaterThanOrEqual(2);
    for (const replica of replicas) {
      expect(
        replica.PointInTimeRecoverySpecification,
        `${id} in ${String(replica.Region)}: point-in-time recovery`,
      ).toMatchObject({ PointInTimeRecoveryEnabled: true });
      expect(replica.DeletionProtectionEnabled, `${id} in ${String(replica.Region)}: deletion protection`).toBe(true);
    }
  }
}

/** The audit bucket: Object Lock on, COMPLIANCE mode, the configured retention, versioned. */
export function expectObjectLockCompliance(template: Template, retentionDays: number): void {
  const locked = resources(template, "AWS::S3::Bucket").filter(
    ([, bucket]) => bucket.Properties.ObjectLockEnabled === true,
  );
  expect(locked.length, "buckets with Object Lock enabled").toBe(1);
  const [id, bucket] = locked[0]!;
  expect(bucket.Properties.ObjectLockConfiguration, `${id}: Object Lock default retention`).toEqual({
    ObjectLockEnabled: "Enabled",
    Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: retentionDays } },
  });
  expect(bucket.Properties.VersioningConfiguration, `${id}: versioning`).toEqual({ Status: "Enabled" });
}

type Rule = { Name: string; Action?: Record<string, unknown>; Statement: Record<string, Record<string, unknown>> };

/** The WAF's two rate rules (per IP, per Authorization header) with the configured limits, both blocking. */
export function expectWafRateRules(template: Template, waf: Parameters["waf"]): void {
  const acls = resources(template, "AWS::WAFv2::WebACL");
  expect(acls.length, "web ACLs").toBe(1);
  const rules = acls[0]![1].Properties.Rules as Rule[];
  const rate = (name: string) => rules.find((rule) => rule.Name === name);
  expect(rate("RatePerIp"), "the per-IP rate rule").toMatchObject({
    Action: { Block: {} },
    Statement: {
      RateBasedStatement: { AggregateKeyType: "IP", Limit: waf.requestsPerIpPer5Minutes, EvaluationWindowSec: 300 },
    },
  });
  expect(rate("RatePerSession"), "the per-session (custom key) rate rule").toMatchObject({
    Action: { Block: {} },
    Statement: {
      RateBasedStatement: {
        AggregateKeyType: "CUSTOM_KEYS",
        CustomKeys: [{ Header: { Name: "authorization" } }],
        Limit: waf.requestsPerSessionPer5Minutes,
      },
    },
  });
}

/**
 * Each service's scalable target has the environment's bounds, tracks CPU, and (behind a load
 * balancer) tracks requests per task. `targets` maps service name → scalable target logical id.
 */
export function expectAutoscalingBounds(
  template: Template,
  services: Parameters["services"],
  targets: Record<ServiceName, string>,
): void {
  const scalableTargets = Object.fromEntries(resources(template, "AWS::ApplicationAutoScaling::ScalableTarget"));
  const policies = resources(template, "AWS::ApplicationAutoScaling::ScalingPolicy").map(
    ([, policy]) => policy.Properties,
  );
  for (const [name, sizing] of Object.entries(services) as [ServiceName, Parameters["services"][ServiceName]][]) {
    const target = scalableTargets[targets[name]];
    expect(target, `${name}: scalable target`).toBeDefined();
    expect(target?.Properties, `${name}: scaling bounds`).toMatchObject({
      MinCapacity: sizing.minTasks,
      MaxCapacity: sizing.maxTasks,
      ScalableDimension: "ecs:service:DesiredCount",
    });
    const own = policies.filter((policy) => (policy.ScalingTargetId as { Ref?: string }).Ref === targets[name]);
    const metric = (policy: Record<string, unknown>) =>
      (
        policy.TargetTrackingScalingPolicyConfiguration as
          { PredefinedMetricSpecification?: { PredefinedMetricType?: string } } | undefined
      )?.PredefinedMetricSpecification?.PredefinedMetricType;
    expect(own.map(metric), `${name}: CPU target tracking`).toContain("ECSServiceAverageCPUUtilization");
    if (sizing.requestsPerTaskPerMinute !== undefined) {
      expect(own.map(metric), `${name}: request-count target tracking`).toContain("ALBRequestCountPerTarget");
    }
  }
}

/** No bucket can be made public or read over plain HTTP. */
export function expectNoPublicBuckets(template: Template): void {
  const buckets = resources(template, "AWS::S3::Bucket");
  const policies = resources(template, "AWS::S3::BucketPolicy").map(([, policy]) => policy.Properties);
  for (const [id, bucket] of buckets) {
    expect(bucket.Properties.PublicAccessBlockConfiguration, `${id}: block public access`).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const policy = policies.find((p) => (p.Bucket as { Ref?: string }).Ref === id);
    const statements =
      (policy?.PolicyDocument as { Statement?: Record<string, unknown>[] } | undefined)?.Statement ?? [];
    expect(
      statements.some(
        (s) =>
          s.Effect === "Deny" &&
          JSON.stringify(s.Condition) === JSON.stringify({ Bool: { "aws:SecureTransport": "false" } }),
      ),
      `${id}: a policy denying requests without TLS`,
    ).toBe(true);
  }
}

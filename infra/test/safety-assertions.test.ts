import type { CfnGlobalTable } from "aws-cdk-lib/aws-dynamodb";
import type { CfnBucket } from "aws-cdk-lib/aws-s3";
import type { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { describe, expect, it } from "vitest";
import { scalableTargetIds, synthesizeStacks } from "./support/app";
import {
  expectAutoscalingBounds,
  expectObjectLockCompliance,
  expectPointInTimeRecovery,
  expectWafRateRules,
} from "./support/safety";

/**
 * The safety assertions are only worth something if they fail when the property goes. One app
 * with four properties removed (through escape hatches, as a careless edit would), synthesized
 * once; each assertion must throw on it, naming what is missing.
 */
const broken = synthesizeStacks("prod", {}, (stacks) => {
  // PITR switched off on the votes table's replicas.
  const votes = stacks.data.tables.votes.node.defaultChild as CfnGlobalTable;
  votes.addPropertyOverride("Replicas.0.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", false);
  votes.addPropertyOverride("Replicas.1.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", false);
  // Object Lock's default retention removed from the audit bucket.
  (stacks.data.audit.bucket.node.defaultChild as CfnBucket).addPropertyDeletionOverride("ObjectLockConfiguration");
  // The per-IP rate rule dropped from the WAF.
  const acl = stacks.edge.webAcl.webAcl;
  acl.rules = (acl.rules as CfnWebACL.RuleProperty[]).filter((rule) => rule.name !== "RatePerIp");
  // The vote API's scaling policies removed (its bounds stay; nothing tracks load any more).
  const scaling = stacks.services.services.voteApi.scaling;
  for (const policy of scaling.node.findAll().filter((c) => ["Cpu", "Requests"].includes(c.node.id)))
    policy.node.scope?.node.tryRemoveChild(policy.node.id);
});

describe("the safety assertions fail when the property is removed", () => {
  it("point-in-time recovery", () => {
    expect(() => expectPointInTimeRecovery(broken.templates.data)).toThrow(/point-in-time recovery/);
  });

  it("Object Lock in COMPLIANCE mode", () => {
    expect(() => expectObjectLockCompliance(broken.templates.data, broken.parameters.auditRetentionDays)).toThrow(
      /Object Lock default retention/,
    );
  });

  it("the WAF's rate rule", () => {
    expect(() => expectWafRateRules(broken.templates.edge, broken.parameters.waf)).toThrow(/the per-IP rate rule/);
  });

  it("autoscaling", () => {
    expect(() =>
      expectAutoscalingBounds(broken.templates.services, broken.parameters.services, scalableTargetIds(broken.stacks)),
    ).toThrow(/voteApi: CPU target tracking/);
  });
});

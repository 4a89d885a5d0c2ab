import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { WebAcl } from "../lib/constructs/web-acl";
import { prod } from "./support/prod";
import { expectNoPublicBuckets, expectWafRateRules } from "./support/safety";

const { templates, parameters, stacks } = prod;
const template = templates.edge;
const rules = () => (Object.values(template.findResources("AWS::WAFv2::WebACL"))[0]!.Properties as { Rules: { Name: string; Priority: number; Statement: Record<string, Record<string, unknown>> }[] }).Rules;

describe("the edge stack", () => {
  it("lives in us-east-1, where CloudFront takes web ACLs and certificates", () => {
    expect(stacks.edge.region).toBe("us-east-1");
  });

  it("filters with a CLOUDFRONT web ACL: AWS managed groups, Bot Control, and rate rules per IP and per session", () => {
    template.hasResourceProperties("AWS::WAFv2::WebACL", { Scope: "CLOUDFRONT", DefaultAction: { Allow: {} } });
    const managed = rules()
      .map((rule) => rule.Statement.ManagedRuleGroupStatement?.Name)
      .filter(Boolean);
    expect(managed).toEqual([
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesAnonymousIPList",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesBotControlRuleSet",
    ]);
    expectWafRateRules(template, parameters.waf);
    template.hasResourceProperties("AWS::WAFv2::WebACL", {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: "BotControl",
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              ManagedRuleGroupConfigs: [{ AWSManagedRulesBotControlRuleSet: { InspectionLevel: parameters.waf.botControlLevel, EnableMachineLearning: true } }],
            }),
          },
        }),
      ]),
    });
    // Bot Control is priced per request inspected: it runs after every cheaper rule.
    const botControl = rules().find((r) => r.Name === "BotControl")!;
    expect(Math.max(...rules().map((r) => r.Priority))).toBe(botControl.Priority);
  });

  it("logs WAF verdicts with tokens redacted", () => {
    template.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", {
      RedactedFields: Match.arrayWith([{ SingleHeader: { Name: "authorization" } }]),
      LoggingFilter: Match.objectLike({ DefaultBehavior: "DROP" }),
    });
    template.hasResourceProperties("AWS::Logs::LogGroup", { LogGroupName: "aws-waf-logs-landslide-prod" });
  });

  it("associates the web ACL with both distributions, TLS 1.2+, access logs, the configured hostnames", () => {
    template.resourceCountIs("AWS::CloudFront::Distribution", 2);
    for (const hostname of [parameters.publicHostname, parameters.consoleHostname]) {
      template.hasResourceProperties("AWS::CloudFront::Distribution", {
        DistributionConfig: Match.objectLike({
          Aliases: [hostname],
          WebACLId: { "Fn::GetAtt": [Match.stringLikeRegexp("WafWebAcl"), "Arn"] },
          ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: "TLSv1.2_2021", SslSupportMethod: "sni-only" }),
          Logging: Match.objectLike({ Bucket: Match.anyValue() }),
        }),
      });
    }
    expectNoPublicBuckets(template);
  });

  it("routes each API by path, caches only the results snapshot (briefly), never the SSE stream", () => {
    const distribution = Object.values(template.findResources("AWS::CloudFront::Distribution")).find((d) =>
      JSON.stringify(d.Properties).includes(parameters.publicHostname),
    )!;
    const behaviours = (distribution.Properties as { DistributionConfig: { CacheBehaviors: { PathPattern: string; CachePolicyId: unknown; Compress: boolean }[] } }).DistributionConfig.CacheBehaviors;
    expect(behaviours.map((b) => b.PathPattern)).toEqual(["/api/vote/*", "/api/control/*", "/api/results/v1/elections/*/results*", "/api/results/*"]);
    const cachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    const [vote, control, snapshot, results] = behaviours;
    for (const api of [vote, control, results]) {
      expect(api!.CachePolicyId).toBe(cachingDisabled);
      expect(api!.Compress).toBe(false);
    }
    expect(snapshot!.CachePolicyId).toEqual({ Ref: expect.stringMatching(/^ResultsSnapshotCache/) });
    template.hasResourceProperties("AWS::CloudFront::CachePolicy", {
      CachePolicyConfig: Match.objectLike({ DefaultTTL: 1, MaxTTL: 5, MinTTL: 0 }),
    });
  });

  it("reaches only internal load balancers, through VPC origins", () => {
    template.resourceCountIs("AWS::CloudFront::VpcOrigin", 5);
    expect(JSON.stringify(template.findResources("AWS::CloudFront::Distribution"))).not.toContain("CustomOriginConfig");
  });
});

describe("the WAF's geo rule", () => {
  // The construct alone, in a bare stack: three variants cost milliseconds, not three app syntheses.
  const outdir = mkdtempSync(join(tmpdir(), "landslide-test-"));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const build = (geo: { mode: "off" | "allow" | "block"; countries: string[] }) => {
    const app = new App({ builtinCloudFormationValidation: false, outdir: join(outdir, geo.mode) });
    const stack = new Stack(app, "Geo", { env: { region: "us-east-1" } });
    new WebAcl(stack, "Waf", { name: "geo", requestsPerIpPer5Minutes: 100, requestsPerSessionPer5Minutes: 100, botControlLevel: "COMMON", geo, logRetentionDays: 30 });
    return Template.fromJSON(app.synth().getStackByName("Geo").template);
  };

  it("blocks everything outside an allow-list", () => {
    build({ mode: "allow", countries: ["DE", "AT"] }).hasResourceProperties("AWS::WAFv2::WebACL", {
      Rules: Match.arrayWith([
        Match.objectLike({ Name: "GeoRule", Priority: 0, Action: { Block: {} }, Statement: { NotStatement: { Statement: { GeoMatchStatement: { CountryCodes: ["DE", "AT"] } } } } }),
      ]),
    });
  });

  it("blocks a block-list, and is absent when off", () => {
    build({ mode: "block", countries: ["XX"] }).hasResourceProperties("AWS::WAFv2::WebACL", {
      Rules: Match.arrayWith([Match.objectLike({ Name: "GeoRule", Statement: { GeoMatchStatement: { CountryCodes: ["XX"] } } })]),
    });
    const off = build({ mode: "off", countries: [] }).findResources("AWS::WAFv2::WebACL");
    expect(JSON.stringify(off)).not.toContain("GeoRule");
  });
});

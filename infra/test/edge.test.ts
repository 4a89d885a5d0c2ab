import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { tokenRequiredPaths, WebAcl } from "../lib/constructs/web-acl";
import { prod } from "./support/prod";
import { expectNoPublicBuckets, expectWafRateRules } from "./support/safety";
import { templateOf } from "./support/template";
import { botControlInspects, matches, ruleNamed, webAclOf } from "./support/waf";

const { templates, parameters, stacks } = prod;
const template = templates.edge;
const rules = () =>
  (
    Object.values(template.findResources("AWS::WAFv2::WebACL"))[0]!.Properties as {
      Rules: { Name: string; Priority: number; Statement: Record<string, Record<string, unknown>> }[];
    }
  ).Rules;

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
              ManagedRuleGroupConfigs: [
                {
                  AWSManagedRulesBotControlRuleSet: {
                    InspectionLevel: parameters.waf.botControlLevel,
                    EnableMachineLearning: true,
                  },
                },
              ],
            }),
          },
        }),
      ]),
    });
    // Bot Control is priced per request inspected: it runs after every cheaper rule. Only the rules
    // that read its labels (the ballot pages' challenge, the token check) come after it.
    const botControl = rules().find((r) => r.Name === "BotControl")!;
    const after = rules().filter((r) => r.Priority > botControl.Priority);
    expect(after.map((r) => r.Name).sort()).toEqual(["BallotPageChallenge", "EdgeTokenRequired"]);
    for (const rule of after) expect(JSON.stringify(rule.Statement), rule.Name).toContain("awswaf:managed:");
  });

  it("challenges the voter site's ballot pages and checks tokens on casts and sign-up tickets, as the parameters say", () => {
    const { properties, rules: all } = webAclOf(template);
    const { challenge } = parameters.waf;
    const page = ruleNamed(all, "BallotPageChallenge");
    const token = ruleNamed(all, "EdgeTokenRequired");
    expect(page.ChallengeConfig).toEqual({ ImmunityTimeProperty: { ImmunityTime: challenge.pageImmunitySeconds } });
    expect(properties.ChallengeConfig).toEqual({
      ImmunityTimeProperty: { ImmunityTime: challenge.tokenImmunitySeconds },
    });
    expect(challenge.enforcement).toBe("block");
    expect(token.Action).toMatchObject({ Block: { CustomResponse: { ResponseCode: 403 } } });

    const host = parameters.publicHostname;
    expect(matches(page.Statement, { method: "GET", host, path: "/elections/e-1" })).toBe(true);
    expect(matches(page.Statement, { method: "GET", host: parameters.consoleHostname, path: "/elections/e-1" })).toBe(
      false,
    );
    for (const path of tokenRequiredPaths)
      expect(
        matches(token.Statement, { method: "POST", host, path, labels: ["awswaf:managed:token:absent"] }),
        path,
      ).toBe(true);
  });

  it("leaves the CLI's control API and the results document as they were: no challenge, no token, no Bot Control", () => {
    const { rules: all } = webAclOf(template);
    const host = parameters.publicHostname;
    const requests = [
      { method: "POST", host, path: "/api/control/trpc/operator.pauseElection" },
      { method: "GET", host, path: "/api/control/trpc/official.elections" },
      { method: "GET", host, path: "/api/results/v1/elections/e-1/results" },
    ];
    for (const request of requests) {
      for (const name of ["BallotPageChallenge", "EdgeTokenRequired"]) {
        expect(
          matches(ruleNamed(all, name).Statement, { ...request, labels: ["awswaf:managed:token:absent"] }),
          `${name}: ${request.method} ${request.path}`,
        ).toBe(false);
      }
      expect(botControlInspects(all, request), request.path).toBe(false);
    }
    // Nothing else challenges or asks for a CAPTCHA.
    expect(
      all.filter((r) => r.Action && ("Challenge" in r.Action || "Captcha" in r.Action)).map((r) => r.Name),
    ).toEqual(["BallotPageChallenge"]);
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
    const behaviours = (
      distribution.Properties as {
        DistributionConfig: { CacheBehaviors: { PathPattern: string; CachePolicyId: unknown; Compress: boolean }[] };
      }
    ).DistributionConfig.CacheBehaviors;
    expect(behaviours.map((b) => b.PathPattern)).toEqual([
      "/api/vote/*",
      "/api/control/*",
      "/api/results/v1/elections/*/results*",
      "/api/results/*",
    ]);
    // The token check's paths are the vote API's (as CloudFront receives them); ballot pages fall to the voter site.
    for (const path of tokenRequiredPaths) expect(path.startsWith("/api/vote/trpc/"), path).toBe(true);
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
    new WebAcl(stack, "Waf", {
      name: "geo",
      requestsPerIpPer5Minutes: 100,
      requestsPerSessionPer5Minutes: 100,
      botControlLevel: "COMMON",
      geo,
      logRetentionDays: 30,
      publicHostname: "vote.example.org",
      challenge: { pageImmunitySeconds: 900, tokenImmunitySeconds: 4_500, enforcement: "block" },
    });
    return templateOf(app.synth(), "Geo");
  };

  it("blocks everything outside an allow-list", () => {
    build({ mode: "allow", countries: ["DE", "AT"] }).hasResourceProperties("AWS::WAFv2::WebACL", {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: "GeoRule",
          Priority: 0,
          Action: { Block: {} },
          Statement: { NotStatement: { Statement: { GeoMatchStatement: { CountryCodes: ["DE", "AT"] } } } },
        }),
      ]),
    });
  });

  it("blocks a block-list, and is absent when off", () => {
    build({ mode: "block", countries: ["XX"] }).hasResourceProperties("AWS::WAFv2::WebACL", {
      Rules: Match.arrayWith([
        Match.objectLike({ Name: "GeoRule", Statement: { GeoMatchStatement: { CountryCodes: ["XX"] } } }),
      ]),
    });
    const off = build({ mode: "off", countries: [] }).findResources("AWS::WAFv2::WebACL");
    expect(JSON.stringify(off)).not.toContain("GeoRule");
  });
});

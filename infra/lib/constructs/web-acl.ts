import { ArnFormat, RemovalPolicy, Stack } from "aws-cdk-lib";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { CfnLoggingConfiguration, CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";

export interface WebAclProps {
  /** Names the ACL, its metrics and its log group. */
  readonly name: string;
  readonly requestsPerIpPer5Minutes: number;
  readonly requestsPerSessionPer5Minutes: number;
  readonly botControlLevel: "COMMON" | "TARGETED";
  readonly geo: { readonly mode: "off" | "allow" | "block"; readonly countries: readonly string[] };
  readonly logRetentionDays: number;
}

/** Rule names, also their CloudWatch metric names (dashboards and tests refer to them). */
export const wafRuleNames = {
  geo: "GeoRule",
  ipReputation: "AmazonIpReputationList",
  anonymousIp: "AnonymousIpList",
  common: "CommonRuleSet",
  knownBadInputs: "KnownBadInputs",
  ratePerIp: "RatePerIp",
  ratePerSession: "RatePerSession",
  botControl: "BotControl",
} as const;

/** Paths Bot Control does not inspect: operators' CLI, the results document media outlets poll, and Next's static files. */
const botControlExemptPrefixes = ["/api/control/", "/api/results/v1/", "/_next/static/"];
/** The control API serves operators' CLI, which may run from a cloud host. */
const controlApiPrefix = "/api/control/";

const startsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: "STARTS_WITH",
    searchString: prefix,
    textTransformations: [{ priority: 0, type: "NONE" }],
  },
});

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const managedGroup = (
  priority: number,
  name: string,
  ruleName: string,
  extra: Partial<CfnWebACL.ManagedRuleGroupStatementProperty> = {},
): CfnWebACL.RuleProperty => ({
  name: ruleName,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: "AWS", name, ...extra } },
  visibilityConfig: visibility(ruleName),
});

/** A rule answering 429 with the same reason code packages/api's own limiter uses. */
const tooManyRequests: CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429, customResponseBodyKey: "rate-limited" } },
};

/**
 * The edge's WAF (scope CLOUDFRONT, so in us-east-1). Order matters: cheap verdicts first
 * (geo, reputation lists, rate limits), Bot Control last because it is priced per request it
 * inspects. The API keeps its own per-IP-block, per-account and per-device limits behind this;
 * the WAF's job is to stop floods before they cost a task a cast's worth of cryptography.
 */
export class WebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const rules: CfnWebACL.RuleProperty[] = [];

    if (props.geo.mode !== "off") {
      const inList: CfnWebACL.StatementProperty = { geoMatchStatement: { countryCodes: [...props.geo.countries] } };
      rules.push({
        name: wafRuleNames.geo,
        priority: 0,
        action: { block: {} },
        // allow-list: block what is NOT in it; block-list: block what is.
        statement: props.geo.mode === "allow" ? { notStatement: { statement: inList } } : inList,
        visibilityConfig: visibility(wafRuleNames.geo),
      });
    }

    rules.push(
      managedGroup(10, "AWSManagedRulesAmazonIpReputationList", wafRuleNames.ipReputation),
      managedGroup(20, "AWSManagedRulesAnonymousIPList", wafRuleNames.anonymousIp, {
        // VPN and privacy-relay users are voters too: counted (and labelled) rather than refused.
        // Hosting providers stay blocked, except towards the control API, which operators' CLI may reach from a cloud host.
        ruleActionOverrides: [{ name: "AnonymousIPList", actionToUse: { count: {} } }],
        scopeDownStatement: { notStatement: { statement: startsWith(controlApiPrefix) } },
      }),
      managedGroup(30, "AWSManagedRulesCommonRuleSet", wafRuleNames.common, {
        // Voter-roll imports post batches of 500 rows (tens of KB) and tRPC batches queries into the
        // query string: count these two size rules instead of blocking legitimate calls.
        ruleActionOverrides: [
          { name: "SizeRestrictions_BODY", actionToUse: { count: {} } },
          { name: "SizeRestrictions_QUERYSTRING", actionToUse: { count: {} } },
        ],
      }),
      managedGroup(40, "AWSManagedRulesKnownBadInputsRuleSet", wafRuleNames.knownBadInputs),
      {
        name: wafRuleNames.ratePerIp,
        priority: 50,
        action: tooManyRequests,
        statement: { rateBasedStatement: { aggregateKeyType: "IP", limit: props.requestsPerIpPer5Minutes, evaluationWindowSec: 300 } },
        visibilityConfig: visibility(wafRuleNames.ratePerIp),
      },
      {
        // Per signed-in session: the Authorization header's bearer token is the key. Requests
        // without one are not counted here (the per-IP rule covers them).
        name: wafRuleNames.ratePerSession,
        priority: 60,
        action: tooManyRequests,
        statement: {
          rateBasedStatement: {
            aggregateKeyType: "CUSTOM_KEYS",
            customKeys: [{ header: { name: "authorization", textTransformations: [{ priority: 0, type: "NONE" }] } }],
            limit: props.requestsPerSessionPer5Minutes,
            evaluationWindowSec: 300,
          },
        },
        visibilityConfig: visibility(wafRuleNames.ratePerSession),
      },
      managedGroup(70, "AWSManagedRulesBotControlRuleSet", wafRuleNames.botControl, {
        managedRuleGroupConfigs: [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: props.botControlLevel, enableMachineLearning: true } }],
        scopeDownStatement: { notStatement: { statement: { orStatement: { statements: botControlExemptPrefixes.map(startsWith) } } } },
      }),
    );

    this.webAcl = new CfnWebACL(this, "WebAcl", {
      name: props.name,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      rules,
      customResponseBodies: {
        "rate-limited": {
          contentType: "APPLICATION_JSON",
          content: '{"error":{"code":"TOO_MANY_REQUESTS","data":{"reason":"RATE_LIMITED"},"message":"Too many requests: wait a minute and try again."}}',
        },
      },
      visibilityConfig: visibility(props.name),
    });

    // WAF only writes to log groups whose names start with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-${props.name}`;
    this.logGroup = new LogGroup(this, "Logs", { logGroupName, retention: props.logRetentionDays, removalPolicy: RemovalPolicy.RETAIN });
    new CfnLoggingConfiguration(this, "Logging", {
      resourceArn: this.webAcl.attrArn,
      // The WAF wants the log group's ARN without the ":*" CDK's logGroupArn carries.
      logDestinationConfigs: [Stack.of(this).formatArn({ service: "logs", resource: "log-group", resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      // Bearer tokens, ID tokens and device proofs never reach a log.
      redactedFields: ["authorization", "x-id-token", "dpop", "x-device-token"].map((name) => ({ singleHeader: { Name: name } })),
      // At 240,000 requests/s logging every allowed request costs more than it tells: keep verdicts.
      loggingFilter: {
        DefaultBehavior: "DROP",
        Filters: [
          {
            Behavior: "KEEP",
            Requirement: "MEETS_ANY",
            Conditions: ["BLOCK", "COUNT", "CAPTCHA", "CHALLENGE"].map((action) => ({ ActionCondition: { Action: action } })),
          },
        ],
      },
    }).node.addDependency(this.logGroup);
  }
}

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
  /** The voter site's hostname: its ballot pages are challenged, the console's pages of the same shape are not. */
  readonly publicHostname: string;
  readonly challenge: {
    /** The ballot pages' challenge immunity: how long one solved challenge spares a browser the next. */
    readonly pageImmunitySeconds: number;
    /** The web ACL's challenge immunity: how long a token stays "accepted" for casts and sign-up tickets. */
    readonly tokenImmunitySeconds: number;
    readonly enforcement: "block" | "count";
  };
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
  ballotPageChallenge: "BallotPageChallenge",
  tokenRequired: "EdgeTokenRequired",
} as const;

/** Paths Bot Control does not inspect: operators' CLI, the results document media outlets poll, and Next's static files. */
const botControlExemptPrefixes = ["/api/control/", "/api/results/v1/", "/_next/static/"];
/** The control API serves operators' CLI, which may run from a cloud host. */
const controlApiPrefix = "/api/control/";

/**
 * The voter site's ballot page, /elections/<id>, which also holds the sign-up form (not its
 * /results page, which media and watchers open without signing in).
 */
export const ballotPagePattern = "^/elections/[^/]+/?$";
/** The calls that need a token: a cast, and the ticket Cognito's sign-up asks for (as CloudFront receives them, prefix included). */
export const tokenRequiredPaths = ["/api/vote/trpc/voter.cast", "/api/vote/trpc/signUp.ticket"] as const;
/** Labels Bot Control's token management and bot verification add (AWS WAF developer guide, "token labels"). */
export const botControlLabels = {
  tokenAbsent: "awswaf:managed:token:absent",
  tokenRejected: "awswaf:managed:token:rejected",
  verifiedBot: "awswaf:managed:aws:bot-control:bot:verified",
} as const;

const startsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: "STARTS_WITH",
    searchString: prefix,
    textTransformations: [{ priority: 0, type: "NONE" }],
  },
});

const exactly = (
  fieldToMatch: CfnWebACL.FieldToMatchProperty,
  searchString: string,
  transformation = "NONE",
): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch,
    positionalConstraint: "EXACTLY",
    searchString,
    textTransformations: [{ priority: 0, type: transformation }],
  },
});

const method = (name: "GET" | "POST") => exactly({ method: {} }, name);

const hasLabel = (key: string): CfnWebACL.StatementProperty => ({ labelMatchStatement: { scope: "LABEL", key } });

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

/**
 * Refusals in tRPC's own error shape, so the SDK reads them like the API's: `code` must be the
 * JSON-RPC number (the client discards an error whose code is not a number as "unable to
 * transform response"), and data.httpStatus tells its retry policy the refusal is final.
 */
const trpcRefusal = (jsonRpcCode: number, code: string, httpStatus: number, reason: string, message: string) =>
  JSON.stringify({ error: { message, code: jsonRpcCode, data: { code, httpStatus, reason } } });

export const customResponseBodies = {
  "rate-limited": trpcRefusal(
    -32029,
    "TOO_MANY_REQUESTS",
    429,
    "RATE_LIMITED",
    "Too many requests: wait a minute and try again.",
  ),
  "edge-challenge-required": trpcRefusal(
    -32003,
    "FORBIDDEN",
    403,
    "EDGE_CHALLENGE_REQUIRED",
    "This call needs the token a browser gets by opening the election's page, and it had none that is still valid: reload the page, then try again.",
  ),
} as const;

/** A rule answering 429 with the same reason code packages/api's own limiter uses. */
const tooManyRequests: CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429, customResponseBodyKey: "rate-limited" } },
};

/**
 * The edge's WAF (scope CLOUDFRONT, so in us-east-1). Order matters: cheap verdicts first
 * (geo, reputation lists, rate limits), then Bot Control because it is priced per request it
 * inspects, then the two rules that read its labels: a silent challenge on the ballot pages and
 * the token check on casts and sign-up tickets. The API keeps its own per-IP-block, per-account
 * and per-device limits behind this; the WAF's job is to stop floods before they cost a task a
 * cast's worth of cryptography.
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
        statement: {
          rateBasedStatement: {
            aggregateKeyType: "IP",
            limit: props.requestsPerIpPer5Minutes,
            evaluationWindowSec: 300,
          },
        },
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
        managedRuleGroupConfigs: [
          { awsManagedRulesBotControlRuleSet: { inspectionLevel: props.botControlLevel, enableMachineLearning: true } },
        ],
        scopeDownStatement: {
          notStatement: { statement: { orStatement: { statements: botControlExemptPrefixes.map(startsWith) } } },
        },
      }),
      {
        // A browser opening a ballot (or the sign-up form on it) without a valid token gets WAF's
        // silent JavaScript interstitial (HTTP 202), which sets the aws-waf-token cookie and reloads
        // the page; with one, Challenge acts like Count. Next's client-side navigation fetches the
        // page as an RSC payload (not text/html): the 202 is not one, so the router falls back to a
        // full navigation, which gets the interstitial. Verified bots (link previews, search
        // engines) cannot solve it and need no token. The console's /elections/<id> pages are not
        // the voter's: the host is checked.
        name: wafRuleNames.ballotPageChallenge,
        priority: 80,
        action: { challenge: {} },
        challengeConfig: { immunityTimeProperty: { immunityTime: props.challenge.pageImmunitySeconds } },
        statement: {
          andStatement: {
            statements: [
              method("GET"),
              exactly({ singleHeader: { Name: "host" } }, props.publicHostname, "LOWERCASE"),
              {
                regexMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  regexString: ballotPagePattern,
                  textTransformations: [{ priority: 0, type: "NONE" }],
                },
              },
              { notStatement: { statement: hasLabel(botControlLabels.verifiedBot) } },
            ],
          },
        },
        visibilityConfig: visibility(wafRuleNames.ballotPageChallenge),
      },
      {
        // A cast or a sign-up ticket whose token Bot Control found missing, corrupt or older than the
        // web ACL's challenge immunity. These are fetch() calls: a Challenge or CAPTCHA answer
        // (202/405 with an HTML interstitial) is something no fetch can solve, and the SDK would read
        // it as "no answer" and retry. A Block with a tRPC-shaped body is a refusal the voter site
        // shows ("reload the page"). Any host: the token is bound to the voter site's domain anyway.
        // Requests Bot Control did not inspect carry no token label and pass (its scope-down must
        // keep covering these paths): what the WAF could not judge, it does not refuse.
        name: wafRuleNames.tokenRequired,
        priority: 90,
        action:
          props.challenge.enforcement === "block"
            ? { block: { customResponse: { responseCode: 403, customResponseBodyKey: "edge-challenge-required" } } }
            : { count: {} },
        statement: {
          andStatement: {
            statements: [
              method("POST"),
              // The services decode the procedure's path; so does this match, so an encoded dot does not slip past.
              {
                orStatement: {
                  statements: tokenRequiredPaths.map((path) => exactly({ uriPath: {} }, path, "URL_DECODE")),
                },
              },
              {
                orStatement: {
                  statements: [hasLabel(botControlLabels.tokenAbsent), hasLabel(botControlLabels.tokenRejected)],
                },
              },
            ],
          },
        },
        visibilityConfig: visibility(wafRuleNames.tokenRequired),
      },
    );

    this.webAcl = new CfnWebACL(this, "WebAcl", {
      name: props.name,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      rules,
      // The default for every Challenge without its own, and what Bot Control judges a token's age by.
      challengeConfig: { immunityTimeProperty: { immunityTime: props.challenge.tokenImmunitySeconds } },
      customResponseBodies: Object.fromEntries(
        Object.entries(customResponseBodies).map(([key, content]) => [
          key,
          { contentType: "APPLICATION_JSON", content },
        ]),
      ),
      visibilityConfig: visibility(props.name),
    });

    // WAF only writes to log groups whose names start with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-${props.name}`;
    this.logGroup = new LogGroup(this, "Logs", {
      logGroupName,
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnLoggingConfiguration(this, "Logging", {
      resourceArn: this.webAcl.attrArn,
      // The WAF wants the log group's ARN without the ":*" CDK's logGroupArn carries.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: "logs",
          resource: "log-group",
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Bearer tokens, ID tokens and device proofs never reach a log.
      redactedFields: ["authorization", "x-id-token", "dpop", "x-device-token"].map((name) => ({
        singleHeader: { Name: name },
      })),
      // At 240,000 requests/s logging every allowed request costs more than it tells: keep verdicts.
      loggingFilter: {
        DefaultBehavior: "DROP",
        Filters: [
          {
            Behavior: "KEEP",
            Requirement: "MEETS_ANY",
            Conditions: ["BLOCK", "COUNT", "CAPTCHA", "CHALLENGE"].map((action) => ({
              ActionCondition: { Action: action },
            })),
          },
        ],
      },
    }).node.addDependency(this.logGroup);
  }
}

import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { Certificate, CertificateValidation, type ICertificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  type IOrigin,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { VpcOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { IApplicationLoadBalancer } from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { WebAcl } from "../constructs/web-acl";
import { acknowledgeFindings } from "../nag";
import type { Parameters, ServiceName } from "../parameters";
import { serviceCatalog } from "../service-catalog";

export type PublicServiceName = Exclude<ServiceName, "aggregator">;

export interface EdgeStackProps extends StackProps {
  readonly parameters: Parameters;
  /** The internal load balancer of each public service (in the primary region: a cross-region reference). */
  readonly loadBalancers: Record<PublicServiceName, IApplicationLoadBalancer>;
}

/** How long the live results snapshot may be served from an edge: the API says max-age=1, this caps it. */
export const RESULTS_SNAPSHOT_MAX_TTL = Duration.seconds(5);

/**
 * CloudFront in front of everything, with the WAF: in us-east-1 because CloudFront only takes
 * web ACLs and certificates from there. Two distributions: the public one (voter site at /,
 * the three APIs under /api/<name>/, the live results snapshot cached for a second) and the
 * console's (its own hostname: Next.js serves it from the root). Both reach the internal load
 * balancers through VPC origins: nothing of ours has a public address.
 */
export class EdgeStack extends Stack {
  readonly webAcl: WebAcl;
  readonly publicDistribution: Distribution;
  readonly consoleDistribution: Distribution;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { parameters, loadBalancers } = props;
    const name = `landslide-${parameters.envName}`;

    this.webAcl = new WebAcl(this, "Waf", {
      name,
      requestsPerIpPer5Minutes: parameters.waf.requestsPerIpPer5Minutes,
      requestsPerSessionPer5Minutes: parameters.waf.requestsPerSessionPer5Minutes,
      botControlLevel: parameters.waf.botControlLevel,
      geo: parameters.waf.geo,
      logRetentionDays: parameters.logRetentionDays,
      // The voter site (the public distribution's default behaviour) is where ballots are challenged.
      publicHostname: parameters.publicHostname,
      challenge: parameters.waf.challenge,
    });

    const certificate: ICertificate = parameters.certificateArn
      ? Certificate.fromCertificateArn(this, "Certificate", parameters.certificateArn)
      : new Certificate(this, "Certificate", {
          domainName: parameters.publicHostname,
          subjectAlternativeNames: [parameters.consoleHostname],
          // No hosted zone lookup: the deployment waits until the CNAMEs ACM asks for exist (runbook).
          validation: CertificateValidation.fromDns(),
        });

    const logs = new Bucket(this, "AccessLogs", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront's standard logs are delivered with an ACL grant: the bucket must accept ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: "expire-access-logs", expiration: Duration.days(parameters.logRetentionDays) }],
    });
    acknowledgeFindings(logs, {
      "AwsSolutions-S1":
        "This bucket receives CloudFront's access logs; logging access to the log bucket itself would only log the log delivery.",
    });

    const origin = (service: PublicServiceName, options: { shield?: boolean; readTimeout?: Duration } = {}): IOrigin =>
      VpcOrigin.withApplicationLoadBalancer(loadBalancers[service], {
        httpPort: 80,
        protocolPolicy: OriginProtocolPolicy.HTTP_ONLY,
        vpcOriginName: `${name}-${serviceCatalog[service].id}`,
        readTimeout: options.readTimeout ?? Duration.seconds(30),
        keepaliveTimeout: Duration.seconds(60),
        // Origin Shield collapses every edge's misses into one request per object per second.
        ...(options.shield ? { originShieldRegion: parameters.primaryRegion } : {}),
      });

    // /api/<service>/trpc/... reaches the service as /trpc/...; the public URL (with the prefix)
    // is what device proofs sign, and the services are configured with it.
    const stripApiPrefix = new CloudFrontFunction(this, "StripApiPrefix", {
      runtime: FunctionRuntime.JS_2_0,
      comment: "Removes /api/<service> before the request reaches the service",
      code: FunctionCode.fromInline(
        [
          "function handler(event) {",
          "  var request = event.request;",
          "  var match = request.uri.match(/^\\/api\\/(vote|control|results)(\\/.*)$/);",
          "  if (match) request.uri = match[2];",
          "  return request;",
          "}",
        ].join("\n"),
      ),
    });
    const api = (target: IOrigin): BehaviorOptions => ({
      origin: target,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Votes, proofs and subscriptions are never cached; every header reaches the API. CloudFront
      // forwards Authorization through an origin request policy only with caching disabled and the
      // AllViewer policies; this is that combination (DPoP, X-Id-Token and X-Device-Token come too).
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      // Compression would buffer server-sent events.
      compress: false,
      functionAssociations: [{ function: stripApiPrefix, eventType: FunctionEventType.VIEWER_REQUEST }],
    });

    const resultsOrigin = origin("results", { shield: true, readTimeout: Duration.seconds(60) });
    const snapshotCache = new CachePolicy(this, "ResultsSnapshotCache", {
      cachePolicyName: `${name}-results-snapshot`,
      comment: "Live results snapshot: honours the API's max-age=1, never longer than 5 s",
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(1),
      maxTtl: RESULTS_SNAPSHOT_MAX_TTL,
      // The answer's CORS header depends on the Origin; nothing else varies.
      headerBehavior: CacheHeaderBehavior.allowList("origin"),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const web = (target: IOrigin): BehaviorOptions => ({
      origin: target,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Next.js says what may be cached (its hashed static files for a year, pages not at all).
      cachePolicy: CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      compress: true,
    });

    const common = {
      certificate,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      // Voters are everywhere, abroad included.
      priceClass: PriceClass.PRICE_CLASS_ALL,
      webAclId: this.webAcl.webAcl.attrArn,
      enableLogging: true,
      logBucket: logs,
    };

    this.publicDistribution = new Distribution(this, "Public", {
      ...common,
      comment: `Landslide ${parameters.envName}: voter site, APIs, live results`,
      domainNames: [parameters.publicHostname],
      logFilePrefix: "public/",
      defaultBehavior: web(origin("voterWeb")),
      // Evaluated in this order: the cacheable snapshot before the rest of the results API.
      additionalBehaviors: {
        [`${serviceCatalog.voteApi.publicPath}/*`]: api(origin("voteApi")),
        [`${serviceCatalog.controlApi.publicPath}/*`]: api(origin("controlApi")),
        [`${serviceCatalog.results.publicPath}/v1/elections/*/results*`]: {
          ...api(resultsOrigin),
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          cachePolicy: snapshotCache,
          originRequestPolicy: undefined,
          compress: true,
        },
        // tRPC queries and the SSE subscription: never cached, never compressed (see api()).
        [`${serviceCatalog.results.publicPath}/*`]: api(resultsOrigin),
      },
    });

    this.consoleDistribution = new Distribution(this, "Console", {
      ...common,
      comment: `Landslide ${parameters.envName}: operator console`,
      domainNames: [parameters.consoleHostname],
      logFilePrefix: "console/",
      defaultBehavior: web(origin("console")),
    });

    for (const distribution of [this.publicDistribution, this.consoleDistribution]) {
      acknowledgeFindings(distribution, {
        "AwsSolutions-CFR1":
          "Geo rules live in the WAF (GeoRule, allow- or block-list from parameters), where they are logged and counted; a second copy in CloudFront would only disagree with it one day.",
      });
    }

    new CfnOutput(this, "PublicDistributionDomain", {
      value: this.publicDistribution.distributionDomainName,
      description: `CNAME ${parameters.publicHostname} to this`,
    });
    new CfnOutput(this, "ConsoleDistributionDomain", {
      value: this.consoleDistribution.distributionDomainName,
      description: `CNAME ${parameters.consoleHostname} to this`,
    });
    new CfnOutput(this, "WebAclArn", { value: this.webAcl.webAcl.attrArn });
  }
}

import { Duration, Stack, type StackProps } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  type IMetric,
  TextWidget,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { HttpCodeElb, HttpCodeTarget } from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";
import { wafRuleNames } from "../constructs/web-acl";
import { EDGE_REGION, type Parameters, type ServiceName } from "../parameters";
import { serviceCatalog } from "../service-catalog";
import type { DataStack } from "./data-stack";
import type { ServicesStack } from "./services-stack";

export interface ObservabilityStackProps extends StackProps {
  readonly parameters: Parameters;
  readonly data: DataStack;
  readonly services: ServicesStack;
}

/**
 * The aggregator's lag, published by the aggregator as a custom metric:
 *   namespace "Landslide", metric "AggregatorLagSeconds", dimension Environment=<env>
 * — the seconds between a vote being written and its change reaching the tallies in the latest
 * pass (packages/api's gauge landslide_aggregator_lag_seconds). The alarm and the dashboard use
 * this name. The aggregator publishes it as a log line in CloudWatch's embedded metric format
 * every 10 s (packages/api/src/aggregator/lag-metric.ts): no agent, no extra permission.
 */
export const AGGREGATOR_LAG_METRIC = { namespace: "Landslide", metricName: "AggregatorLagSeconds" } as const;

/** p99 latency above which a service is paged, per service (the vote path is the tightest). */
const p99Seconds: Partial<Record<ServiceName, number>> = {
  voteApi: 0.5,
  controlApi: 2,
  results: 1,
  voterWeb: 2,
  console: 3,
};

/**
 * Alarms on what hurts voters first (5xx, slow casts, throttled tables, tallies falling behind,
 * change records dead-lettered), all to one SNS topic; and a dashboard to look at during polls.
 */
export class ObservabilityStack extends Stack {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { parameters, data, services } = props;
    const env = parameters.envName;

    const topicKey = new Key(this, "AlarmTopicKey", { description: "Landslide alarm topic", enableKeyRotation: true });
    // CloudWatch must be allowed to publish to a topic encrypted with a customer managed key.
    topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        conditions: { StringEquals: { "aws:SourceAccount": this.account } },
      }),
    );
    this.alarmTopic = new Topic(this, "AlarmTopic", {
      displayName: `Landslide ${env} alarms`,
      masterKey: topicKey,
      enforceSSL: true,
    });
    if (parameters.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(parameters.alarmEmail));
    const action = new SnsAction(this.alarmTopic);
    const alarm = (id: string, options: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, id, { ...options, alarmName: `landslide-${env}-${options.alarmName ?? id}` });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    const requestWidgets: GraphWidget[] = [];
    for (const [name, service] of Object.entries(services.services) as [
      ServiceName,
      (typeof services.services)[ServiceName],
    ][]) {
      const id = serviceCatalog[name].id;
      const loadBalancer = service.loadBalancer;
      if (!loadBalancer) continue;
      const metrics = loadBalancer.metrics;
      const requests = metrics.requestCount({ period: Duration.minutes(1) });
      const errorRate = new MathExpression({
        label: `${id} 5xx %`,
        expression: "100 * (FILL(elb, 0) + FILL(target, 0)) / MAX([FILL(requests, 0), 1])",
        usingMetrics: {
          elb: metrics.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, { period: Duration.minutes(1) }),
          target: metrics.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1) }),
          requests,
        },
        period: Duration.minutes(1),
      });
      alarm(`${id}-5xx`, {
        alarmName: `${id}-5xx-rate`,
        alarmDescription: `More than 1% of ${id} requests answered 5xx for 3 of the last 5 minutes`,
        metric: errorRate,
        threshold: 1,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      const p99 = metrics.targetResponseTime({ statistic: "p99", period: Duration.minutes(1) });
      alarm(`${id}-p99`, {
        alarmName: `${id}-p99-latency`,
        alarmDescription: `${id} p99 target response time above ${p99Seconds[name] ?? 2}s for 3 of the last 5 minutes`,
        metric: p99,
        threshold: p99Seconds[name] ?? 2,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      requestWidgets.push(
        new GraphWidget({ title: `${id}: requests and 5xx %`, left: [requests], right: [errorRate], width: 8 }),
        new GraphWidget({ title: `${id}: p99 latency (s)`, left: [p99], width: 8 }),
        new GraphWidget({
          title: `${id}: running tasks`,
          left: [
            new Metric({
              namespace: "ECS/ContainerInsights",
              metricName: "RunningTaskCount",
              dimensionsMap: { ClusterName: services.cluster.clusterName, ServiceName: service.service.serviceName },
              statistic: "Average",
              period: Duration.minutes(1),
            }),
          ],
          width: 8,
        }),
      );
    }

    // Throttles on any table: on-demand tables throttle when a partition is hotter than 1,000
    // writes/s or a surge outruns the table's warm throughput. Either means refused casts.
    const throttleMetrics: IMetric[] = [];
    for (const [index, [name, table]] of data.tables.all().entries()) {
      // Ids unique across the dashboard graph that draws all tables together.
      const [r, w] = [`reads${index}`, `writes${index}`];
      const throttles = new MathExpression({
        label: `${name} throttled`,
        expression: `FILL(${r}, 0) + FILL(${w}, 0)`,
        usingMetrics: {
          [r]: table.metric("ReadThrottleEvents", { statistic: "Sum", period: Duration.minutes(1) }),
          [w]: table.metric("WriteThrottleEvents", { statistic: "Sum", period: Duration.minutes(1) }),
        },
        period: Duration.minutes(1),
      });
      throttleMetrics.push(throttles);
      alarm(`${name}-throttles`, {
        alarmName: `dynamodb-${name}-throttles`,
        alarmDescription: `The ${name} table throttled requests in 2 of the last 3 minutes`,
        metric: throttles,
        threshold: 0,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
    const replicationLatency = data.tables.votes.metric("ReplicationLatency", {
      dimensionsMap: { TableName: data.tables.votes.tableName, ReceivingRegion: parameters.replicaRegion },
      statistic: "Maximum",
      period: Duration.minutes(1),
    });

    const lag = new Metric({
      ...AGGREGATOR_LAG_METRIC,
      dimensionsMap: { Environment: env },
      statistic: "Maximum",
      period: Duration.minutes(1),
    });
    alarm("aggregator-lag", {
      alarmName: "aggregator-lag",
      alarmDescription:
        "Tallies more than 30 s behind the votes for 3 minutes: results are stale (runbook: aggregator lag)",
      metric: lag,
      threshold: 30,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No data means no aggregator reporting: the running-task alarm below covers a dead one.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const aggregatorTasks = new Metric({
      namespace: "ECS/ContainerInsights",
      metricName: "RunningTaskCount",
      dimensionsMap: {
        ClusterName: services.cluster.clusterName,
        ServiceName: services.services.aggregator.service.serviceName,
      },
      statistic: "Minimum",
      period: Duration.minutes(1),
    });
    alarm("aggregator-running", {
      alarmName: "aggregator-not-running",
      alarmDescription: "No aggregator task running: votes are stored but not counted",
      metric: aggregatorTasks,
      threshold: 1,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    });

    const dlqDepth = services.aggregatorDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
      statistic: "Maximum",
      period: Duration.minutes(1),
    });
    alarm("aggregator-dlq", {
      alarmName: "aggregator-dlq-not-empty",
      alarmDescription:
        "Change records reached the aggregator's dead-letter queue: they are not counted until re-driven (runbook: re-driving the DLQ)",
      metric: dlqDepth,
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const acu = data.database.cluster.metricACUUtilization({ statistic: "Maximum", period: Duration.minutes(5) });
    alarm("aurora-acu", {
      alarmName: "aurora-capacity-near-max",
      alarmDescription:
        "Aurora Serverless v2 above 90% of its maximum ACUs for 15 minutes: raise aurora.maxCapacityAcu",
      metric: acu,
      threshold: 90,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // The WAF lives in us-east-1; CloudWatch dashboards draw metrics from any region.
    const waf = (rule: string) =>
      new Metric({
        namespace: "AWS/WAFV2",
        metricName: "BlockedRequests",
        dimensionsMap: { WebACL: `landslide-${env}`, Rule: rule },
        statistic: "Sum",
        period: Duration.minutes(1),
        region: EDGE_REGION,
        label: rule,
      });

    this.dashboard = new Dashboard(this, "Dashboard", { dashboardName: `landslide-${env}` });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Landslide ${env}\nAlarms go to SNS \`${this.alarmTopic.topicName}\`. Runbook: docs/operations.md.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(...requestWidgets);
    this.dashboard.addWidgets(
      new GraphWidget({ title: "DynamoDB throttled requests", left: throttleMetrics, width: 8 }),
      new GraphWidget({
        title: "Votes: consumed write units / s",
        left: [
          data.tables.votes.metric("ConsumedWriteCapacityUnits", { statistic: "Sum", period: Duration.minutes(1) }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: `Votes: replication latency to ${parameters.replicaRegion} (ms)`,
        left: [replicationLatency],
        width: 8,
      }),
      new GraphWidget({ title: "Aggregator lag (s)", left: [lag], right: [aggregatorTasks], width: 8 }),
      new GraphWidget({ title: "Aggregator dead-letter queue", left: [dlqDepth], width: 8 }),
      new GraphWidget({ title: "WAF blocked requests by rule", left: Object.values(wafRuleNames).map(waf), width: 8 }),
      new GraphWidget({ title: "Aurora ACU utilisation %", left: [acu], width: 8 }),
    );
  }
}

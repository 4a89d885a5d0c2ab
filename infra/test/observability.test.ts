import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { prod } from "./support/prod";

const { templates } = prod;
const template = templates.observability;
const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map(
  (a) => a.Properties as Record<string, unknown>,
);
const alarmNamed = (suffix: string) => alarms.find((a) => String(a.AlarmName).endsWith(suffix));

describe("the observability stack", () => {
  it("sends every alarm, and its recovery, to one encrypted SNS topic", () => {
    template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    expect(alarms.length).toBeGreaterThan(15);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmTopic/) }]);
      expect(alarm.OKActions).toEqual(alarm.AlarmActions);
    }
  });

  it("alarms on 5xx rate and p99 latency of every load-balanced service", () => {
    for (const id of ["vote-api", "control-api", "results", "voter-web", "console"]) {
      expect(alarmNamed(`${id}-5xx-rate`), `${id} 5xx`).toBeDefined();
      expect(alarmNamed(`${id}-p99-latency`)).toMatchObject({
        ExtendedStatistic: "p99",
        MetricName: "TargetResponseTime",
      });
    }
    expect(alarmNamed("vote-api-p99-latency")?.Threshold).toBe(0.5);
  });

  it("alarms on DynamoDB throttles of each table, aggregator lag, a dead aggregator and the dead-letter queue", () => {
    for (const table of ["votes", "tallies", "nonces", "devices", "voter-rolls", "elections"])
      expect(alarmNamed(`dynamodb-${table}-throttles`), table).toBeDefined();
    expect(alarmNamed("aggregator-lag")).toMatchObject({
      Namespace: "Landslide",
      MetricName: "AggregatorLagSeconds",
      Threshold: 30,
    });
    expect(alarmNamed("aggregator-not-running")).toMatchObject({
      MetricName: "RunningTaskCount",
      TreatMissingData: "breaching",
    });
    expect(alarmNamed("aggregator-dlq-not-empty")).toMatchObject({
      MetricName: "ApproximateNumberOfMessagesVisible",
      Threshold: 0,
    });
  });

  it("draws a dashboard", () => {
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
  });
});

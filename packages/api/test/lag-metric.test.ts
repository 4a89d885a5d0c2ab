import { describe, expect, it } from "vitest";
import { LagPublisher, lagMetricRecord } from "../src/aggregator/lag-metric";

describe("the aggregator's lag metric (CloudWatch embedded metric format)", () => {
  it("is a log record CloudWatch reads as Landslide/AggregatorLagSeconds by environment", () => {
    const record = lagMetricRecord("prod", 1.25, new Date("2026-11-30T10:00:00Z"));
    expect(record).toEqual({
      _aws: {
        Timestamp: Date.parse("2026-11-30T10:00:00Z"),
        CloudWatchMetrics: [
          {
            Namespace: "Landslide",
            Dimensions: [["Environment"]],
            Metrics: [{ Name: "AggregatorLagSeconds", Unit: "Seconds" }],
          },
        ],
      },
      Environment: "prod",
      AggregatorLagSeconds: 1.25,
    });
    // Every dimension and metric the directive names is a value at the root, as the format requires.
    const directive = record._aws.CloudWatchMetrics[0]!;
    for (const name of [...directive.Dimensions.flat(), ...directive.Metrics.map((m) => m.Name)])
      expect(record).toHaveProperty([name]);
  });

  it("publishes at most once an interval, the worst lag seen in it", () => {
    const publisher = new LagPublisher("prod", 10_000);
    const at = (ms: number) => new Date(Date.parse("2026-11-30T10:00:00Z") + ms);
    expect(publisher.observe(0.2, at(0))?.AggregatorLagSeconds).toBe(0.2);
    expect(publisher.observe(3.5, at(250))).toBeUndefined();
    expect(publisher.observe(0.1, at(5_000))).toBeUndefined();
    expect(publisher.observe(0, at(10_000))?.AggregatorLagSeconds).toBe(3.5);
    expect(publisher.observe(0, at(20_000))?.AggregatorLagSeconds).toBe(0);
  });
});

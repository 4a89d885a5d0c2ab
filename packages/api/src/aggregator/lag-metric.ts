/** The CloudWatch metric the observability stack alarms on (infra/lib/stacks/observability-stack.ts). */
export const LAG_METRIC = { namespace: "Landslide", name: "AggregatorLagSeconds" } as const;

/**
 * One log line in CloudWatch's embedded metric format: CloudWatch Logs turns it into a metric
 * data point by itself, so the aggregator needs no agent, no SDK call and no extra permission —
 * its log line is the publication. (Prometheus still scrapes /metrics beside it.)
 */
export function lagMetricRecord(environment: string, lagSeconds: number, at: Date) {
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: LAG_METRIC.namespace,
          Dimensions: [["Environment"]],
          Metrics: [{ Name: LAG_METRIC.name, Unit: "Seconds" }],
        },
      ],
    },
    Environment: environment,
    [LAG_METRIC.name]: lagSeconds,
  };
}

/**
 * Keeps the worst lag seen since the last publication and hands it out once per interval:
 * a pass every 250 ms would otherwise write four metric lines a second, and a short spike
 * between publications would be lost if only the latest value were sent.
 */
export class LagPublisher {
  private worstSeconds = 0;
  private lastAt: number | undefined;

  constructor(
    private readonly environment: string,
    private readonly intervalMs = 10_000,
  ) {}

  /** Notes one pass's lag; returns the record to log when an interval has passed, else undefined. */
  observe(lagSeconds: number, now: Date): ReturnType<typeof lagMetricRecord> | undefined {
    this.worstSeconds = Math.max(this.worstSeconds, lagSeconds);
    if (this.lastAt !== undefined && now.getTime() - this.lastAt < this.intervalMs) return undefined;
    const record = lagMetricRecord(this.environment, this.worstSeconds, now);
    this.lastAt = now.getTime();
    this.worstSeconds = 0;
    return record;
  }
}

import { z } from "zod";
import { serviceStatus, type ServiceStatus } from "./deployment-status";
import { type MetricsSummary, scrape, summarize } from "./metrics-summary";
import type { RecentError } from "./recent-errors";

/** The four services as the operator views name them, in the order they are shown. */
export const SERVICE_NAMES = {
  voteApi: "vote-api",
  controlApi: "control-api",
  results: "results",
  aggregator: "aggregator",
} as const;

export type ServiceKey = keyof typeof SERVICE_NAMES;
type ServiceUrls = Readonly<Record<ServiceKey, string>>;

/** One service now: its readiness (with how long it took to answer), whether its metrics answered, its recent errors. */
export interface ServiceNow extends ServiceStatus {
  readonly metricsReachable: boolean;
  /** Undefined when the metrics listener did not answer: unknown, not "none". */
  readonly recentErrors: { readonly total: number; readonly errors: readonly RecentError[] } | undefined;
}

/**
 * What the operations page polls: the deployment "now". Counters and histogram counts grow from
 * each service's start; the page keeps the snapshots and takes rates and percentiles from their
 * differences. `at` is when the control API took it, so rates do not depend on the page's clock.
 */
export interface OperationsSnapshot {
  readonly at: string;
  readonly healthy: boolean;
  readonly services: readonly ServiceNow[];
  readonly metrics: MetricsSummary;
}

/** Scrapes every service's /metrics (on its metrics listener) and sums Landslide's counters. */
export async function deploymentMetrics(metricsUrls: ServiceUrls): Promise<MetricsSummary> {
  return summarize(await scrapeAll(metricsUrls));
}

export async function operationsSnapshot(
  serviceUrls: ServiceUrls,
  metricsUrls: ServiceUrls,
): Promise<OperationsSnapshot> {
  const keys = Object.keys(SERVICE_NAMES) as ServiceKey[];
  const [statuses, pages, errors] = await Promise.all([
    Promise.all(keys.map((key) => serviceStatus(SERVICE_NAMES[key], serviceUrls[key]))),
    scrapeAll(metricsUrls),
    Promise.all(keys.map((key) => readRecentErrors(metricsUrls[key]))),
  ]);
  return {
    at: new Date().toISOString(),
    healthy: statuses.every((s) => s.ready),
    services: statuses.map((status, i) => ({
      ...status,
      metricsReachable: pages[i]!.text !== undefined,
      recentErrors: errors[i],
    })),
    metrics: summarize(pages),
  };
}

async function scrapeAll(metricsUrls: ServiceUrls) {
  return Promise.all(
    (Object.keys(SERVICE_NAMES) as ServiceKey[]).map(async (key) => ({
      service: SERVICE_NAMES[key],
      text: await scrape(metricsUrls[key]),
    })),
  );
}

// Read back from another process: checked, so a listener that answers something else is "unknown", not a crash.
const recentErrorsBody = z.object({
  total: z.number().int().nonnegative(),
  errors: z.array(
    z.object({
      at: z.string(),
      message: z.string(),
      error: z.string().optional(),
      requestId: z.string().optional(),
    }),
  ),
});

/** GET /errors on a service's metrics listener (metrics-listener.ts); undefined when it does not answer. */
export async function readRecentErrors(url: string, timeoutMs = 2000): Promise<ServiceNow["recentErrors"]> {
  try {
    const response = await fetch(`${url}/errors`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const parsed = recentErrorsBody.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

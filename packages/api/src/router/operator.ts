import type { TRPCRouterRecord } from "@trpc/server";
import { serviceStatus } from "../operations/deployment-status";
import { scrape, summarize } from "../operations/metrics-summary";
import { operatorProcedure } from "../trpc";
import { networkListsRouter } from "./network-lists";

const serviceNames = {
  voteApi: "vote-api",
  controlApi: "control-api",
  results: "results",
  aggregator: "aggregator",
} as const;

/** Scrapes every service's /metrics (on its metrics listener) and sums Landslide's counters. */
export async function deploymentMetrics(serviceUrls: Readonly<Record<keyof typeof serviceNames, string>>) {
  const pages = await Promise.all(
    Object.entries(serviceNames).map(async ([key, service]) => ({
      service,
      text: await scrape(serviceUrls[key as keyof typeof serviceNames]),
    })),
  );
  return summarize(pages);
}

/** The operations views, behind the `operators` group. */
export const operatorRouter = {
  /** Each service's readiness and the settings that shape the deployment (never a secret). */
  deploymentStatus: operatorProcedure.query(async ({ ctx }) => {
    const { serviceUrls, riskPolicy, humanCheckKind, deployment } = ctx.services;
    const services = await Promise.all(
      Object.entries(serviceNames).map(([key, name]) =>
        serviceStatus(name, serviceUrls[key as keyof typeof serviceNames]),
      ),
    );
    return {
      ...deployment,
      healthy: services.every((s) => s.ready),
      services,
      humanCheck: humanCheckKind,
      risk: riskPolicy,
    };
  }),
  /** Votes by outcome and refusal reason, and the aggregator's progress, summed over every service. */
  metricsSummary: operatorProcedure.query(({ ctx }) => deploymentMetrics(ctx.services.metricsUrls)),
  networkLists: networkListsRouter,
} satisfies TRPCRouterRecord;

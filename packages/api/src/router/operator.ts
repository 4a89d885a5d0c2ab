import type { TRPCRouterRecord } from "@trpc/server";
import { serviceStatus } from "../operations/deployment-status";
import {
  deploymentMetrics,
  operationsSnapshot,
  SERVICE_NAMES,
  type ServiceKey,
} from "../operations/operations-snapshot";
import { operatorProcedure } from "../trpc";
import { networkListsRouter } from "./network-lists";

export { deploymentMetrics };

/** The operations views, behind the `operators` group. */
export const operatorRouter = {
  /** Each service's readiness and the settings that shape the deployment (never a secret). */
  deploymentStatus: operatorProcedure.query(async ({ ctx }) => {
    const { serviceUrls, riskPolicy, humanCheckKind, deployment } = ctx.services;
    const services = await Promise.all(
      (Object.keys(SERVICE_NAMES) as ServiceKey[]).map((key) => serviceStatus(SERVICE_NAMES[key], serviceUrls[key])),
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
  /**
   * The operations page's poll: every service's readiness and recent errors, and the metrics summed
   * over services (counters, cast-latency histogram, aggregator lag, live watchers), as of now.
   */
  snapshot: operatorProcedure.query(({ ctx }) =>
    operationsSnapshot(ctx.services.serviceUrls, ctx.services.metricsUrls),
  ),
  networkLists: networkListsRouter,
} satisfies TRPCRouterRecord;

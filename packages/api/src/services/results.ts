import { createAppServices } from "../app-services";
import { auditBundleRoute, resultsRoutes } from "../http/results-routes";
import { firstMatching } from "../http/service-server";
import { trpcRoutes } from "../http/trpc-routes";
import { serviceRouters } from "../root";
import { runService } from "./run-service";

// Live results snapshots and subscriptions: scales with watchers.
await runService({
  name: "results",
  port: (config) => config.ports.results,
  readiness: (deps) => ({ dynamodb: deps.checks.dynamodb(deps.tables.tallies), postgres: deps.checks.postgres() }),
  routes: (deps, logger, metrics) => {
    const services = createAppServices(deps, metrics, logger);
    return firstMatching(resultsRoutes(services), auditBundleRoute(services), trpcRoutes(serviceRouters.results, services, logger));
  },
});

import { createAppServices } from "../app-services";
import { liveResultsStream } from "../http/live-results-stream";
import { auditBundleRoute, resultsRoutes } from "../http/results-routes";
import { firstMatching } from "../http/service-server";
import { trpcRoutes } from "../http/trpc-routes";
import { serviceRouters } from "../root";
import { runService } from "./run-service";

// Live results snapshots and subscriptions: scales with watchers.
await runService({
  name: "results",
  port: (config) => config.ports.results,
  // Live results come from the data plane alone; Postgres (the audit bundle's log) being down must
  // not take every results task out of the load balancer.
  readiness: (deps) => ({ dynamodb: deps.checks.dynamodb(deps.tables.tallies) }),
  routes: (deps, logger, metrics) => {
    const services = createAppServices(deps, metrics, logger);
    // results.live on the wire: one encoded frame per snapshot for every watcher (see live-results-stream.ts).
    const live = liveResultsStream(services, serviceRouters.results, metrics);
    return firstMatching(
      resultsRoutes(services),
      auditBundleRoute(services),
      trpcRoutes(serviceRouters.results, services, logger, { "results.live": live.route }),
    );
  },
});

import { createAppServices } from "../app-services";
import { trpcRoutes } from "../http/trpc-routes";
import { serviceRouters } from "../root";
import { runService } from "./run-service";

// Cast, receipts, challenges and device binding: scales with votes per second.
await runService({
  name: "vote-api",
  port: (config) => config.ports.voteApi,
  readiness: (deps) => ({ dynamodb: deps.checks.dynamodb(deps.tables.votes), cognito: deps.checks.cognito() }),
  routes: (deps, logger, metrics) => {
    const services = createAppServices(deps, metrics, logger);
    // The imported network lists are read from the start, not from the first cast: no cast is judged without them.
    services.networkReputation.start();
    return trpcRoutes(serviceRouters["vote-api"], services, logger);
  },
});

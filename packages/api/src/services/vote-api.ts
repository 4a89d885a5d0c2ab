import { createAppServices } from "../app-services";
import { trpcRoutes } from "../http/trpc-routes";
import { serviceRouters } from "../root";
import { runService } from "./run-service";

// Cast, receipts, challenges and device binding: scales with votes per second.
await runService({
  name: "vote-api",
  port: (config) => config.ports.voteApi,
  readiness: (deps) => ({ dynamodb: deps.checks.dynamodb(deps.tables.votes), cognito: deps.checks.cognito() }),
  routes: (deps, logger, metrics) => trpcRoutes(serviceRouters["vote-api"], createAppServices(deps, metrics, logger), logger),
});

import { createAppServices } from "../app-services";
import { electionRoutes } from "../http/election-routes";
import { firstMatching } from "../http/service-server";
import { trpcRoutes } from "../http/trpc-routes";
import { serviceRouters } from "../root";
import { runService } from "./run-service";

// Elections, voter rolls, fraud review, certification and audit: scales with officials.
await runService({
  name: "control-api",
  port: (config) => config.ports.controlApi,
  readiness: (deps) => ({
    postgres: deps.checks.postgres(),
    dynamodb: deps.checks.dynamodb(deps.tables.votes),
    cognito: deps.checks.cognito(),
  }),
  routes: (deps, logger, metrics) =>
    firstMatching(
      electionRoutes(deps),
      trpcRoutes(serviceRouters["control-api"], createAppServices(deps, metrics, logger), logger),
    ),
});

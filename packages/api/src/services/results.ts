import { resultsRoutes } from "../http/results-routes";
import { runService } from "./run-service";

// Live results snapshots and subscriptions: scales with watchers.
await runService({
  name: "results",
  port: (config) => config.ports.results,
  readiness: (deps) => ({ dynamodb: deps.checks.dynamodb(deps.tables.tallies), postgres: deps.checks.postgres() }),
  routes: (deps) => resultsRoutes(deps),
});

import { runService } from "./run-service";
import { electionRoutes } from "../http/election-routes";

// Elections, voter rolls, fraud review, certification and audit: scales with officials.
await runService({
  name: "control-api",
  port: (config) => config.ports.controlApi,
  readiness: (deps) => ({
    postgres: deps.checks.postgres(),
    dynamodb: deps.checks.dynamodb(deps.tables.votes),
    cognito: deps.checks.cognito(),
  }),
  routes: (deps) => electionRoutes(deps),
});

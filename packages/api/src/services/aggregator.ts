import { runAggregator } from "../aggregator/run-aggregator";
import { runService } from "./run-service";

// Change stream to tallies, fraud cases and audit epochs: scales with stream shards.
// Its HTTP port serves health and metrics only.
await runService({
  name: "aggregator",
  port: (config) => config.ports.aggregator,
  readiness: (deps) => ({
    dynamodb: deps.checks.dynamodb(deps.tables.votes),
    postgres: deps.checks.postgres(),
  }),
  background: (deps, logger, metrics) => runAggregator(deps, logger, metrics),
});

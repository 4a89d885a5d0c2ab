import { DynamoDbElectionCopies } from "@landslide/vote-engine/dynamodb";
import { ElectionsRepository } from "@landslide/vote-engine/postgres";
import { runAggregator } from "../aggregator/run-aggregator";
import { reconcileElectionCopies } from "../elections/reconcile-copies";
import { runService } from "./run-service";

// Change stream to tallies, fraud cases and audit epochs: scales with stream shards. It also keeps
// the data plane's election copies in step with the control plane. Its HTTP port serves health only.
await runService({
  name: "aggregator",
  port: (config) => config.ports.aggregator,
  readiness: (deps) => ({
    dynamodb: deps.checks.dynamodb(deps.tables.votes),
    postgres: deps.checks.postgres(),
    auditArchive: deps.checks.auditArchive(),
    deadLetterQueue: deps.checks.deadLetterQueue(),
  }),
  background: (deps, logger, metrics) => {
    const aggregator = runAggregator(deps, logger, metrics);
    const copies = reconcileElectionCopies({
      copies: new DynamoDbElectionCopies(deps.dynamodb, deps.tables.elections),
      repository: () => new ElectionsRepository(deps.controlPlane().db),
      logger,
    });
    return {
      async stop() {
        copies.stop();
        await aggregator.stop();
      },
    };
  },
});

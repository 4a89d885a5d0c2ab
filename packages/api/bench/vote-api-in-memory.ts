/**
 * The vote API as `services/vote-api.ts` runs it, except that votes are kept in this process's
 * memory: what is left is the service's own work per cast (HTTP, tRPC, tokens, proofs, checks,
 * the engine). Benchmarks only (http-ceiling.bench.ts); nothing in a deployment can start it.
 */
import { InMemoryVoteStore } from "@landslide/vote-engine/memory";
import { createAppServices } from "../src/app-services";
import { trpcRoutes } from "../src/http/trpc-routes";
import { serviceRouters } from "../src/root";
import { runService } from "../src/services/run-service";
import { profileCastPhasesOnSignal } from "./cast-phase-profiler";

if (process.env.BENCH_CPU_PROFILE) profileCastPhasesOnSignal(process.env.BENCH_CPU_PROFILE);

await runService({
  name: "vote-api",
  port: (config) => config.ports.voteApi,
  readiness: (deps) => ({ dynamodb: deps.checks.dynamodb(deps.tables.votes) }),
  routes: (deps, logger, metrics) =>
    trpcRoutes(
      serviceRouters["vote-api"],
      { ...createAppServices(deps, metrics, logger), votes: new InMemoryVoteStore() },
      logger,
    ),
});

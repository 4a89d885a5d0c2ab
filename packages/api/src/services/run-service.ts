import { ConfigError, type Config, loadConfig } from "@landslide/config";
import type { ReadinessCheck } from "../http/readiness";
import { type RouteHandler, type RunningService, startServiceServer } from "../http/service-server";
import { createMetrics, type Metrics } from "../http/metrics";
import { createLogger, type Logger } from "../logger";
import { createDependencies, type Dependencies } from "./dependencies";

export interface ServiceDefinition {
  readonly name: string;
  readonly port: (config: Config) => number;
  readonly readiness: (deps: Dependencies) => Record<string, ReadinessCheck>;
  readonly routes?: (deps: Dependencies, logger: Logger, metrics: Metrics) => RouteHandler;
  /** Background work (the aggregator's stream loop); stopped before the clients close. */
  readonly background?: (deps: Dependencies, logger: Logger, metrics: Metrics) => { stop(): Promise<void> };
}

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The entry point of every service process: configuration (a bad value stops start-up with one
 * line), structured logs, the HTTP shell and a graceful shutdown on SIGTERM/SIGINT that finishes
 * in-flight requests, stops background work and closes clients.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return exitWith(error.message);
    throw error;
  }
  const metrics = createMetrics(definition.name);
  const logger = createLogger(definition.name, config.logLevel, metrics.recentErrors);
  const deps = createDependencies(config);
  const port = definition.port(config);
  let service: RunningService;
  try {
    service = await startServiceServer({
      name: definition.name,
      host: config.host,
      port,
      logger,
      readiness: definition.readiness(deps),
      metrics,
      metricsListener: { host: config.metrics.host, port: port + config.metrics.portOffset },
      corsOrigins: config.corsOrigins,
      hstsSeconds: config.hstsSeconds,
      loadShedding: config.loadShedding,
      ...(definition.routes ? { routes: definition.routes(deps, logger, metrics) } : {}),
    });
  } catch (error) {
    await deps.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      // Node names the port that was taken; say which of the two it was.
      const metricsPort = port + config.metrics.portOffset;
      if ((error as NodeJS.ErrnoException & { port?: number }).port === metricsPort) {
        return exitWith(
          `${definition.name}: its metrics port ${metricsPort} is already in use on ${config.metrics.host}; choose another LANDSLIDE_METRICS_PORT_OFFSET or service port in the environment.`,
        );
      }
      return exitWith(
        `${definition.name}: port ${port} is already in use on ${config.host}; choose another port in the environment.`,
      );
    }
    if (error instanceof ConfigError) return exitWith(error.message);
    throw error;
  }
  const background = definition.background?.(deps, logger, metrics);

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${definition.name} shutting down`);
    const force = setTimeout(() => {
      logger.warn("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await service.close();
    await background?.stop();
    await deps.close();
    logger.info(`${definition.name} stopped`);
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

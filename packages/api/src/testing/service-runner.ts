import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { environmentSchema } from "@landslide/config";
import { freePort, isPortInUse, startSesLocal, waitForHttp } from "@landslide/local-stack";
import type { TestStack } from "@landslide/vote-engine/testing";
import { serviceEntryPoints, type ServiceName } from "../services/index";

/** The environment a service process gets from the launcher, pointed at a provisioned stack (a test's or a benchmark's). */
export function serviceEnvironment(
  stack: Pick<TestStack, "target" | "provisioned" | "keysFile">,
  port: number,
): NodeJS.ProcessEnv {
  const { target, provisioned } = stack;
  return {
    PATH: process.env.PATH,
    LANDSLIDE_LOG_LEVEL: "info",
    LANDSLIDE_DYNAMODB_ENDPOINT: target.dynamodbEndpoint,
    LANDSLIDE_COGNITO_ENDPOINT: target.cognitoEndpoint,
    LANDSLIDE_TABLE_PREFIX: target.tablePrefix,
    LANDSLIDE_S3_ENDPOINT: target.localAuditBucket?.endpoint,
    LANDSLIDE_AUDIT_BUCKET: target.localAuditBucket?.bucket,
    // The queue provisioning made, which the services find by the table prefix on this endpoint.
    LANDSLIDE_SQS_ENDPOINT: target.localDeadLetterQueue?.endpoint,
    DATABASE_URL: target.databaseUrl,
    LANDSLIDE_COGNITO_USER_POOL_ID: provisioned.userPoolId,
    LANDSLIDE_COGNITO_VOTER_CLIENT_ID: provisioned.clientIds["voter-web"],
    LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID: provisioned.clientIds.console,
    LANDSLIDE_COGNITO_CLI_CLIENT_ID: provisioned.clientIds.cli,
    LANDSLIDE_KEYS_FILE: stack.keysFile,
    LANDSLIDE_VOTE_API_PORT: String(port),
    LANDSLIDE_CONTROL_API_PORT: String(port),
    LANDSLIDE_RESULTS_PORT: String(port),
    LANDSLIDE_AGGREGATOR_PORT: String(port),
  };
}

/** Starts a service from its TypeScript source as its own process, keeping its output. */
export function startService(name: ServiceName, env: NodeJS.ProcessEnv) {
  return startNodeProcess(["--import", "tsx", fileURLToPath(serviceEntryPoints[name])], env);
}

/** Starts Node with these arguments (a service's entry point, from source or a bundle), keeping its output. */
export function startNodeProcess(args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string) {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // "close", not "exit": only then has all of stdout and stderr been read.
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

export interface Deployment {
  readonly urls: {
    readonly voteApi: string;
    readonly controlApi: string;
    readonly results: string;
    readonly aggregator: string;
  };
  /** The deployment's own local SES server: its API, and at /store every message it was sent. */
  readonly sesEndpoint: string;
  readonly services: ReadonlyArray<ReturnType<typeof startService>>;
  stop(): Promise<void>;
}

/** All four services on free ports, each knowing where the others are, as the launcher runs them. */
export async function startDeployment(stack: TestStack, extra: NodeJS.ProcessEnv = {}): Promise<Deployment> {
  // Test files run side by side, so a port free when probed can be taken before the service binds it
  // (another file's service, or its metrics listener at port + offset). Such a start is tried again
  // on new ports; any other failure is reported at once.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDeploymentOnce(stack, extra);
    } catch (error) {
      if (attempt === 3 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startDeploymentOnce(stack: TestStack, extra: NodeJS.ProcessEnv): Promise<Deployment> {
  const metricsOffset = environmentSchema.shape.LANDSLIDE_METRICS_PORT_OFFSET.parse(
    extra.LANDSLIDE_METRICS_PORT_OFFSET,
  );
  const ports = {
    voteApi: await freePortWithMetrics(metricsOffset),
    controlApi: await freePortWithMetrics(metricsOffset),
    results: await freePortWithMetrics(metricsOffset),
    aggregator: await freePortWithMetrics(metricsOffset),
  };
  const ses = await startSesLocal({ port: await freePort() });
  const urls = {
    voteApi: `http://127.0.0.1:${ports.voteApi}`,
    controlApi: `http://127.0.0.1:${ports.controlApi}`,
    results: `http://127.0.0.1:${ports.results}`,
    aggregator: `http://127.0.0.1:${ports.aggregator}`,
  };
  const env = {
    ...serviceEnvironment(stack, 0),
    LANDSLIDE_VOTE_API_PORT: String(ports.voteApi),
    LANDSLIDE_CONTROL_API_PORT: String(ports.controlApi),
    LANDSLIDE_RESULTS_PORT: String(ports.results),
    LANDSLIDE_AGGREGATOR_PORT: String(ports.aggregator),
    LANDSLIDE_LOG_LEVEL: "warn",
    LANDSLIDE_SES_ENDPOINT: ses.endpoint,
    ...extra,
  };
  const names = ["vote-api", "control-api", "results", "aggregator"] as const;
  const services = names.map((name) => startService(name, env));
  const stop = async () => {
    for (const service of services) service.child.kill("SIGTERM");
    await Promise.all(services.map((s) => s.exited));
    await ses.stop();
  };
  try {
    await Promise.all(
      [urls.voteApi, urls.controlApi, urls.results, urls.aggregator].map((base, i) =>
        waitForService(base, names[i]!, services[i]!),
      ),
    );
  } catch (error) {
    await stop();
    const stderr = services.map((s) => s.output().stderr).join("\n");
    const Failure = /already in use/.test(stderr) ? PortTakenError : Error;
    throw new Failure(`the deployment did not start: ${(error as Error).message}\n${stderr}`);
  }
  return { urls, sesEndpoint: ses.endpoint, services, stop };
}

/**
 * Waits until `base` answers /healthz as the named service. Any answer is not enough: when another
 * process (a service or metrics listener of a test file running beside this one) took the port
 * between probe and bind, it answers, while this service dies of EADDRINUSE; requests meant for
 * it would then reach the stranger (CI once got "not found" from a metrics listener).
 */
export function waitForService(
  base: string,
  name: ServiceName,
  service: { readonly child: { readonly exitCode: number | null } },
  timeoutMs = 60_000,
): Promise<void> {
  return waitForHttp(`${base}/healthz`, {
    timeoutMs,
    isAlive: () => service.child.exitCode === null,
    accepts: async (response) => {
      const body: unknown = await response.json().catch(() => undefined);
      return response.ok && (body as { service?: unknown } | undefined)?.service === name;
    },
  });
}

/** A free port whose metrics port (port + offset) is free too. */
async function freePortWithMetrics(offset: number): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port + offset <= 65_535 && !(await isPortInUse(port + offset))) return port;
  }
}

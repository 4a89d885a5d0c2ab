import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestStack } from "@landslide/vote-engine/testing";
import { serviceEntryPoints, type ServiceName } from "../src/services/index";

/** The environment a service process gets from the launcher, pointed at a test stack. */
export function serviceEnvironment(stack: TestStack, port: number): NodeJS.ProcessEnv {
  const { target, provisioned } = stack;
  return {
    PATH: process.env.PATH,
    LANDSLIDE_LOG_LEVEL: "info",
    LANDSLIDE_DYNAMODB_ENDPOINT: target.dynamodbEndpoint,
    LANDSLIDE_COGNITO_ENDPOINT: target.cognitoEndpoint,
    LANDSLIDE_TABLE_PREFIX: target.tablePrefix,
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

/** Starts a service as its own process, keeping its output. */
export function startService(name: ServiceName, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(serviceEntryPoints[name])], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // "close", not "exit": only then has all of stdout and stderr been read.
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}


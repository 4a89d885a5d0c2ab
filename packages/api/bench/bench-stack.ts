import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, freeServerPorts, startLocalServers, waitForHttp } from "@landslide/local-stack";
import { systemClock } from "@landslide/vote-engine";
import { provision } from "@landslide/vote-engine/provision";
import { cognitoIssuer } from "../src/index";
import { serviceEnvironment } from "../src/testing/index";

/**
 * What the cast benches run against: DynamoDB Local, cognito-local and Postgres in a scratch
 * folder of their own, provisioned with the demo election, and the vote API as its own process.
 */
export async function startBenchStack(name: string) {
  const scratch = mkdtempSync(join(tmpdir(), `landslide-${name}-`));
  const servers = await startLocalServers({
    ports: await freeServerPorts(),
    dataDir: join(scratch, "data"),
    scratchDir: scratch,
  });
  const target = {
    region: "eu-west-1",
    dynamodbEndpoint: servers.dynamodb.endpoint,
    cognitoEndpoint: servers.cognito.endpoint,
    tablePrefix: "bench",
    userPoolName: "bench",
    databaseUrl: servers.postgres.url,
  };
  const keysFile = join(scratch, "keys.json");
  const provisioned = await provision({ target, clock: systemClock, demo: true, credentialsFile: null, keysFile });
  const issuer = cognitoIssuer({
    region: target.region,
    endpoint: target.cognitoEndpoint,
    userPoolId: provisioned.userPoolId,
  });

  /** Starts a vote API (Node with `nodeArgs`) against the stack and waits until it answers; `env` adds to its settings. */
  async function startVoteApi(nodeArgs: readonly string[], env: NodeJS.ProcessEnv = {}) {
    const port = await freePort();
    const service = spawn(process.execPath, nodeArgs, {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...serviceEnvironment({ target, provisioned, keysFile }, port),
        LANDSLIDE_LOG_LEVEL: "warn",
        // The bench stands in for the load balancer: its X-Forwarded-For names each voter's network.
        LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1",
        // The cheapest challenge keeps the client's work (on the same machine) small.
        LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
        ...env,
      },
    });
    const api = `http://127.0.0.1:${port}`;
    await waitForHttp(`${api}/healthz`, { timeoutMs: 60_000, isAlive: () => service.exitCode === null });
    return { port, api, service };
  }

  async function stop(): Promise<void> {
    await servers.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  return { target, provisioned, keysFile, issuer, startVoteApi, stop };
}

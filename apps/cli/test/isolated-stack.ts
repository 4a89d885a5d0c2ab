import { join } from "node:path";
import { freePort, isPortInUse } from "@landslide/local-stack";

/** Every port a whole local stack listens on, by the suffix of its LANDSLIDE_<NAME>_PORT setting. */
export const LOCAL_PORTS = [
  "VOTE_API",
  "CONTROL_API",
  "RESULTS",
  "AGGREGATOR",
  "DYNAMODB_LOCAL",
  "COGNITO_LOCAL",
  "POSTGRES",
  "SES_LOCAL",
  "S3_LOCAL",
  "SQS_LOCAL",
  "VOTER_WEB",
  "CONSOLE",
] as const;
export type LocalPort = (typeof LOCAL_PORTS)[number];

/** A data folder and a config folder of their own under `scratch`, and every local port on a free one. */
export async function isolatedStack(
  scratch: string,
  name: string,
): Promise<{ env: NodeJS.ProcessEnv; ports: Record<LocalPort, number> }> {
  const ports = await freeLocalPorts(LOCAL_PORTS);
  const env: NodeJS.ProcessEnv = {
    LANDSLIDE_DATA_DIR: join(scratch, name, "data"),
    ELECTION_CONFIG_DIR: join(scratch, name, "config"),
    ...Object.fromEntries(LOCAL_PORTS.map((v) => [`LANDSLIDE_${v}_PORT`, String(ports[v])])),
  };
  return { env, ports };
}

/** The services whose metrics listen at their port plus LANDSLIDE_METRICS_PORT_OFFSET (100 by default). */
const METERED: readonly string[] = ["VOTE_API", "CONTROL_API", "RESULTS", "AGGREGATOR"];
const METRICS_OFFSET = 100;

/**
 * A free port for each name, where each service's metrics port is free too and no port is another's
 * metrics port: ports the kernel hands out one after another lie close together, and a service
 * whose metrics port is taken does not start.
 */
export async function freeLocalPorts<Name extends string>(names: readonly Name[]): Promise<Record<Name, number>> {
  for (;;) {
    const ports = {} as Record<Name, number>;
    for (const name of names) ports[name] = await freePort();
    const chosen = new Set(Object.values<number>(ports));
    const metrics = names.filter((name) => METERED.includes(name)).map((name) => ports[name] + METRICS_OFFSET);
    const clash = await Promise.all(metrics.map(async (port) => chosen.has(port) || (await isPortInUse(port))));
    if (chosen.size === names.length && !clash.includes(true)) return ports;
  }
}

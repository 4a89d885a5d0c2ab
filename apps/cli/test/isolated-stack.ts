import { join } from "node:path";
import { freePort } from "@landslide/local-stack";

/** Every port a whole local stack listens on, by the suffix of its LANDSLIDE_<NAME>_PORT setting. */
export const LOCAL_PORTS = [
  "VOTE_API",
  "CONTROL_API",
  "RESULTS",
  "AGGREGATOR",
  "DYNAMODB_LOCAL",
  "COGNITO_LOCAL",
  "POSTGRES",
  "VOTER_WEB",
  "CONSOLE",
] as const;
export type LocalPort = (typeof LOCAL_PORTS)[number];

/** A data folder and a config folder of their own under `scratch`, and every local port on a free one. */
export async function isolatedStack(
  scratch: string,
  name: string,
): Promise<{ env: NodeJS.ProcessEnv; ports: Record<LocalPort, number> }> {
  const ports = {} as Record<LocalPort, number>;
  for (const variable of LOCAL_PORTS) ports[variable] = await freePort();
  const env: NodeJS.ProcessEnv = {
    LANDSLIDE_DATA_DIR: join(scratch, name, "data"),
    ELECTION_CONFIG_DIR: join(scratch, name, "config"),
    ...Object.fromEntries(LOCAL_PORTS.map((v) => [`LANDSLIDE_${v}_PORT`, String(ports[v])])),
  };
  return { env, ports };
}

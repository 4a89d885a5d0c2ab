import type { Config } from "@landslide/config";
import { isPortInUse } from "@landslide/local-stack";
import { portPlan } from "../local-stack/port-plan";
import type { RunFile } from "../local-stack/run-file";
import { answers } from "./answers";
import { type Check, fail, ok } from "./check";

/**
 * Each port is fine when free, or when the local stack running from this data folder holds it
 * (its run file lists the port and the process there answers); anything else stops `npm run dev`.
 */
export function checkPorts(config: Config, running: RunFile | undefined): Promise<Check[]> {
  return Promise.all(
    // The web apps' ports too: 'npm run dev' starts them.
    portPlan(config, config.stack === "embedded", "dev").map(async ({ port, what, variable }): Promise<Check> => {
      const name = `port ${port} (${what})`;
      if (!(await isPortInUse(port, config.host))) return ok(name, `free on ${config.host}`);
      const ours = running && Object.entries(running.urls).find(([, url]) => portOf(url) === port);
      if (ours && (await answers(ours[1])))
        return ok(name, `in use by the local stack's ${ours[0]} (pid ${running.pid})`);
      return fail(
        name,
        ours
          ? `in use, but the local stack's ${ours[0]} does not answer there`
          : `in use on ${config.host} by something other than the local stack`,
        `stop what listens there (lsof -iTCP:${port} -sTCP:LISTEN names it), or set ${variable} to a free port`,
      );
    }),
  );
}

function portOf(url: string): number | undefined {
  try {
    const parsed = new URL(url);
    return Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
  } catch {
    return undefined;
  }
}

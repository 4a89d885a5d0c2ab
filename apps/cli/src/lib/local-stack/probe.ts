import type { Config } from "@landslide/config";

export interface ServiceProbe {
  readonly service: string;
  readonly url: string;
  readonly status: "ready" | "not-ready" | "unreachable";
  /** The names of the readiness checks that failed. */
  readonly failing: string[];
}

/** Asks each service's /readyz; never throws. */
export async function probeServices(config: Config): Promise<ServiceProbe[]> {
  const targets = {
    "vote-api": config.urls.voteApi,
    "control-api": config.urls.controlApi,
    results: config.urls.results,
    aggregator: config.urls.aggregator,
  };
  return Promise.all(
    Object.entries(targets).map(async ([service, url]): Promise<ServiceProbe> => {
      try {
        const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2500) });
        const body = (await response.json()) as { checks?: Record<string, { ok: boolean }> };
        const failing = Object.entries(body.checks ?? {})
          .filter(([, c]) => !c.ok)
          .map(([name]) => name);
        return { service, url, status: response.ok ? "ready" : "not-ready", failing };
      } catch {
        return { service, url, status: "unreachable", failing: [] };
      }
    }),
  );
}

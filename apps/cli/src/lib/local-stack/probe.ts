import type { Config } from "@landslide/config";
import { patientFetch } from "./patient-fetch";

export interface ServiceProbe {
  readonly service: string;
  readonly url: string;
  readonly status: "ready" | "not-ready" | "unreachable";
  /** The names of the readiness checks that failed. */
  readonly failing: string[];
}

/** Each service and its base URL. */
export function serviceUrls(config: Config): Record<string, string> {
  return {
    "vote-api": config.urls.voteApi,
    "control-api": config.urls.controlApi,
    results: config.urls.results,
    aggregator: config.urls.aggregator,
  };
}

/** Asks each service's /readyz, patiently (see patient-fetch.ts); never throws. */
export async function probeServices(config: Config): Promise<ServiceProbe[]> {
  return Promise.all(Object.entries(serviceUrls(config)).map(([service, url]) => probeService(service, url)));
}

export async function probeService(service: string, url: string): Promise<ServiceProbe> {
  try {
    const response = await patientFetch(`${url}/readyz`);
    const body = (await response.json()) as { checks?: Record<string, { ok: boolean }> };
    const failing = Object.entries(body.checks ?? {})
      .filter(([, c]) => !c.ok)
      .map(([name]) => name);
    return { service, url, status: response.ok ? "ready" : "not-ready", failing };
  } catch {
    return { service, url, status: "unreachable", failing: [] };
  }
}

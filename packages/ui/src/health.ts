export type ServiceStatus = "ready" | "not-ready" | "unreachable";

export interface DependencyCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

export interface ServiceHealth {
  readonly service: string;
  readonly label: string;
  readonly url: string;
  readonly status: ServiceStatus;
  readonly checks: readonly DependencyCheck[];
}

export interface ServiceUrls {
  readonly voteApi: string;
  readonly controlApi: string;
  readonly results: string;
  readonly aggregator: string;
}

const services = [
  { service: "vote-api", label: "Vote API", key: "voteApi" },
  { service: "control-api", label: "Control API", key: "controlApi" },
  { service: "results", label: "Results fan-out", key: "results" },
  { service: "aggregator", label: "Aggregator", key: "aggregator" },
] as const;

interface ReadyzBody {
  checks?: Record<string, { ok?: boolean; latencyMs?: number; error?: string }>;
}

/** Asks every service's /readyz at once; a service that does not answer in time is "unreachable". */
export async function getPlatformHealth(urls: ServiceUrls, timeoutMs = 1500): Promise<ServiceHealth[]> {
  return Promise.all(
    services.map(async ({ service, label, key }): Promise<ServiceHealth> => {
      const url = urls[key];
      try {
        const response = await fetch(`${url}/readyz`, { cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
        const body = (await response.json()) as ReadyzBody;
        const checks = Object.entries(body.checks ?? {}).map(([name, c]) => ({
          name,
          ok: c.ok === true,
          latencyMs: c.latencyMs ?? 0,
          ...(c.error ? { error: c.error } : {}),
        }));
        return { service, label, url, status: response.ok ? "ready" : "not-ready", checks };
      } catch {
        return { service, label, url, status: "unreachable", checks: [] };
      }
    }),
  );
}

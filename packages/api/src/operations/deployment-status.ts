/** The deployment's services as an operator sees them: each one's readiness, asked over HTTP. */
export interface ServiceStatus {
  readonly service: string;
  readonly url: string;
  readonly reachable: boolean;
  readonly ready: boolean;
  readonly latencyMs: number;
  readonly checks: Record<string, { ok: boolean; latencyMs: number; error?: string }>;
  readonly error?: string;
}

export async function serviceStatus(service: string, url: string, timeoutMs = 2000): Promise<ServiceStatus> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { checks?: ServiceStatus["checks"] };
    return {
      service,
      url,
      reachable: true,
      ready: response.ok,
      latencyMs: Math.round(performance.now() - started),
      checks: body.checks ?? {},
    };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "not reachable";
    return {
      service,
      url,
      reachable: false,
      ready: false,
      latencyMs: Math.round(performance.now() - started),
      checks: {},
      error: reason,
    };
  }
}

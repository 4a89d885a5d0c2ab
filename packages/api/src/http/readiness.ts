/** A dependency a service needs before it can do useful work; throws when it does not answer. */
export type ReadinessCheck = () => Promise<void>;

export interface CheckResult {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Record<string, CheckResult>;
}

/** Runs every check at once, each bounded by a timeout, and never throws. */
export async function runReadiness(checks: Record<string, ReadinessCheck>, timeoutMs = 2000): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
      const started = performance.now();
      try {
        await withTimeout(check(), timeoutMs);
        return [name, { ok: true, latencyMs: Math.round(performance.now() - started) }];
      } catch (error) {
        return [name, { ok: false, latencyMs: Math.round(performance.now() - started), error: describe(error) }];
      }
    }),
  );
  return { ready: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Readiness is public: say which dependency failed and how, never a stack trace.
// Drivers wrap the cause ("Failed query: ..."); the innermost error says what really happened.
function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error && error.cause !== undefined) return describe(error.cause);
  if (error instanceof Error) return (error.message || error.name).split("\n")[0]!.slice(0, 200);
  return "failed";
}

/**
 * How long each try waits for an answer. On a loaded two-core machine (a `next dev` compile or a
 * test run beside it) a healthy server was seen to take more than 2.5 s to answer a bare GET, and
 * `election doctor` then reported failures while all was well: the first try waits 5 s, a second
 * one 15 s. Nothing listening is not waited for: a refused connection fails at once.
 */
export const TRY_BUDGETS_MS: readonly number[] = [5_000, 15_000];

/** A GET that is tried again, with a longer budget, only when a try ran out of time. */
export async function patientFetch(url: string, budgets: readonly number[] = TRY_BUDGETS_MS): Promise<Response> {
  let last: unknown = new Error(`no try made for ${url}`);
  for (const ms of budgets) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(ms) });
    } catch (error) {
      last = error;
      if (!isTimeout(error)) break;
    }
  }
  throw last;
}

export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === "TimeoutError";
}

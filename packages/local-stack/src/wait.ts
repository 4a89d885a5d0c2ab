/** Polls an HTTP URL until it answers at all (any status): the server is listening and speaking HTTP. */
export async function waitForHttp(
  url: string,
  { timeoutMs, isAlive }: { timeoutMs: number; isAlive: () => boolean },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`exited before ${url} answered`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

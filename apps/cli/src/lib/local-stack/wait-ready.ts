import { waitWhileProgressing } from "@landslide/local-stack";
import type { LaunchedProcess } from "./processes";

/**
 * Waits until every process answers 200 at its ready URL, for as long as each lives and keeps
 * printing (a service transpiling at start, `next` compiling on a busy machine): no fixed budget
 * to overrun. Fails fast, naming the culprit, its last lines and its log, if one exits or stalls.
 */
export async function waitUntilReady(processes: readonly LaunchedProcess[]): Promise<void> {
  await Promise.all(processes.map(({ child, readyUrl }) => waitWhileProgressing(child, () => answersOk(readyUrl))));
}

/** A 200 within 30 s: a page `next dev` compiles on its first request takes a while. */
async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

import { LocalStackError } from "@landslide/local-stack";
import { lastLine } from "./last-line";
import type { LaunchedProcess } from "./processes";

/** Waits until every process answers 200 at its ready URL; fails fast, naming the culprit, if one exits. */
export async function waitUntilReady(processes: readonly LaunchedProcess[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    processes.map(async ({ child, readyUrl }) => {
      while (Date.now() < deadline) {
        if (!child.alive) {
          throw new LocalStackError(
            `${child.name} exited during start-up: ${lastLine(child.output)} (full log: ${child.options.logFile ?? "not kept"})`,
          );
        }
        try {
          const response = await fetch(readyUrl, { signal: AbortSignal.timeout(30_000) });
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new LocalStackError(
        `${child.name} did not become ready within ${timeoutMs / 1000} s (log: ${child.options.logFile ?? "not kept"})`,
      );
    }),
  );
}

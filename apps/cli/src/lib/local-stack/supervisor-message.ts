import type { SupervisorEvent } from "./supervisor";

/** The line the launcher prints when the supervisor acts, e.g. "vote-api exited (code 1): …; restarting in 1 s (restart 2)". */
export function describeSupervisorEvent(event: SupervisorEvent): string {
  switch (event.event) {
    case "service-exited":
      return `${event.service} exited (${howItEnded(event.code, event.signal)}): ${event.lastLine}; restarting in ${seconds(event.restartInMs)} (restart ${event.restart})`;
    case "service-restarted":
      return `${event.service} answers again on ${event.url} (restart ${event.restart})`;
  }
}

/** "code 1", "signal SIGKILL", or "it did not start" (a spawn that failed has neither). */
export function howItEnded(code: number | null, signal: string | null): string {
  if (signal) return `signal ${signal}`;
  if (code !== null) return `code ${code}`;
  return "it did not start";
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

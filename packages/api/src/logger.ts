import { pino, type Logger } from "pino";
import type { Config } from "@landslide/config";

export type { Logger };

/**
 * Structured JSON logs on stdout, one line per event, tagged with the service that wrote them.
 * Written synchronously: lines stay in order and none is lost when the process exits; the
 * container's log driver, not this process, absorbs bursts.
 */
export function createLogger(service: string, level: Config["logLevel"]): Logger {
  return pino(
    { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: true }),
  );
}

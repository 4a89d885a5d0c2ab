import { pino, type Logger } from "pino";
import type { Config } from "@landslide/config";

export type { Logger };

/**
 * Structured JSON logs on stdout, one line per event, tagged with the service that wrote them.
 * Written synchronously: lines stay in order and none is lost when the process exits; the
 * container's log driver, not this process, absorbs bursts. Error-level lines also go to
 * `errorSink` when given (the operations view's recent errors).
 */
export function createLogger(
  service: string,
  level: Config["logLevel"],
  errorSink?: { write(line: string): void },
): Logger {
  const stdout = pino.destination({ dest: 1, sync: true });
  return pino(
    { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime },
    errorSink
      ? pino.multistream([
          { level, stream: stdout },
          { level: "error", stream: errorSink },
        ])
      : stdout,
  );
}

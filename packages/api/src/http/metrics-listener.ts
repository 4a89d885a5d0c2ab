import { createServer, type Server } from "node:http";
import type { Logger } from "../logger";
import type { Metrics } from "./metrics";

/**
 * GET /metrics (and GET /errors, the last error log records) on a listener of its own (loopback by default): a scraper beside the service reads
 * it; the public port, and so the edge, never serves it. A scrape formats every series, which is
 * why nobody outside may trigger one.
 */
export async function startMetricsListener(options: {
  host: string;
  port: number;
  metrics: Metrics;
  logger: Logger;
}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://metrics").pathname;
    if (request.method === "GET" && path === "/errors") {
      // The last error log records, for the operations view: behind the same door as /metrics.
      response
        .writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
        .end(JSON.stringify(options.metrics.recentErrors.snapshot()));
      return;
    }
    if (request.method !== "GET" || path !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    options.metrics.registry.metrics().then(
      (text) =>
        response
          .writeHead(200, { "content-type": options.metrics.registry.contentType, "cache-control": "no-store" })
          .end(text),
      (error: unknown) => {
        options.logger.error({ err: error }, "metrics failed");
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("metrics failed\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port}/metrics`;
  options.logger.info({ url }, "metrics listening");
  return { server, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

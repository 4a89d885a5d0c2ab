import type { IncomingMessage } from "node:http";
import type { AnyTRPCRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { AppServices } from "../app-services";
import type { Logger } from "../logger";
import { Refusal } from "../errors";
import { createContext } from "../trpc";
import type { RouteHandler } from "./service-server";

/** Bodies larger than this are refused before parsing: a ballot is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The client's address: the peer, or, behind trusted proxies that each append the address they
 * saw to X-Forwarded-For, the entry that many hops from the end (anything before it is the
 * client's own claim and can be forged).
 */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const peer = request.socket.remoteAddress ?? "unknown";
  if (trustedHops === 0) return peer;
  const forwarded = String(request.headers["x-forwarded-for"] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded[forwarded.length - trustedHops] ?? peer;
}

/** Serves a router under /trpc/ on the service's HTTP shell. */
export function trpcRoutes(router: AnyTRPCRouter, services: AppServices, logger: Logger): RouteHandler {
  const handler = createHTTPHandler({
    router,
    basePath: "/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, res }) =>
      createContext(services, {
        authorization: req.headers.authorization,
        dpop: req.headers.dpop,
        idToken: req.headers["x-id-token"],
        deviceToken: req.headers["x-device-token"],
        requestId: String(res.getHeader("x-request-id") ?? ""),
        userAgent: req.headers["user-agent"],
        clientIp: clientAddress(req, services.trustedProxyHops),
      }),
    responseMeta: ({ errors }) => {
      const retryAfter = errors.map((e) => (e.cause instanceof Refusal ? e.cause.retryAfterSeconds : undefined)).find((s) => s !== undefined);
      return retryAfter === undefined ? {} : { headers: { "retry-after": String(retryAfter) } };
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "procedure failed");
    },
  });
  return async (request, response) => {
    if (!request.url?.startsWith("/trpc/")) return false;
    handler(request, response);
    return true;
  };
}

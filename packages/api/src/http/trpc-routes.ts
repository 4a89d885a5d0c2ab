import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyTRPCRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { AppServices } from "../app-services";
import type { Logger } from "../logger";
import { Refusal } from "../errors";
import { createContext } from "../trpc";
import { clientAddress, trustedProxies } from "./client-address";
import { jsonShapeProblem } from "./json-shape";
import { labelRoute } from "./metrics";
import type { RouteHandler } from "./service-server";
import { StreamLimit } from "./stream-limit";

/** Bodies larger than this are refused before parsing: a ballot is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;
/** When a client over its stream cap may try again: streams end when their tab closes. */
const STREAM_RETRY_SECONDS = 10;

type ErrorCode = keyof typeof TRPC_ERROR_CODES_BY_KEY;

/**
 * Serves a router under /trpc/ on the service's HTTP shell. Before tRPC sees a request: a call to
 * an unknown procedure is labelled "unmatched" in the metrics, the input (query or body) is
 * checked for depth and array sizes, and a subscription takes one of its client's stream slots.
 * Batching is off: the SDK sends one call per request (httpLink), and a batch let one GET run
 * hundreds of procedures. `wire` may answer a procedure's requests itself after those checks
 * (results.live's fan-out); what it leaves (returns false for) goes to tRPC.
 */
export function trpcRoutes(
  router: AnyTRPCRouter,
  services: AppServices,
  logger: Logger,
  wire: Readonly<Record<string, RouteHandler>> = {},
): RouteHandler {
  const trusted = trustedProxies(services.trustedProxies);
  const streams = new StreamLimit(services.sseStreamsPerClient);
  const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;
  const clientIps = new WeakMap<IncomingMessage, string>();
  const handler = createHTTPHandler({
    router,
    basePath: "/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    allowBatching: false,
    createContext: ({ req, res }) =>
      createContext(services, {
        authorization: req.headers.authorization,
        dpop: req.headers.dpop,
        idToken: req.headers["x-id-token"],
        deviceToken: req.headers["x-device-token"],
        requestId: String(res.getHeader("x-request-id") ?? ""),
        userAgent: req.headers["user-agent"],
        clientIp: clientIps.get(req) ?? clientAddress(req, trusted),
      }),
    responseMeta: ({ errors }) => {
      const retryAfter = errors
        .map((e) => (e.cause instanceof Refusal ? e.cause.retryAfterSeconds : undefined))
        .find((s) => s !== undefined);
      // tRPC sets its own Vary (trpc-accept, accept) over the shell's; an array is appended to it.
      return {
        headers: { vary: ["origin"], ...(retryAfter === undefined ? {} : { "retry-after": String(retryAfter) }) },
      };
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "procedure failed");
    },
  });
  return async (request, response, log) => {
    if (!request.url?.startsWith("/trpc/")) return false;
    const url = new URL(request.url, "http://service");
    const path = decodedPath(url.pathname.slice("/trpc/".length));
    const procedure = procedures[path];
    labelRoute(response, procedure ? `/trpc/${path}` : "unmatched");

    const queryInput = url.searchParams.get("input");
    const queryProblem = queryInput === null ? undefined : jsonShapeProblem(queryInput);
    if (queryProblem) return refuse(response, path, "BAD_REQUEST", queryProblem, inputMessage(queryProblem));
    if (request.method === "POST") {
      const body = await readBody(request);
      if (body === undefined)
        return refuse(
          response,
          path,
          "PAYLOAD_TOO_LARGE",
          "PAYLOAD_TOO_LARGE",
          `A request body may hold at most ${MAX_BODY_BYTES} bytes.`,
        );
      const bodyProblem = jsonShapeProblem(body);
      if (bodyProblem) return refuse(response, path, "BAD_REQUEST", bodyProblem, inputMessage(bodyProblem));
      // The standalone adapter reads a body already read from `req.body` instead of the stream. A
      // mutation without input (voter.passkeyOptions) comes with no body at all from httpLink, and
      // tRPC parses every POST body as JSON: an empty one is "no input" (null, as the device proof hashes it).
      (request as IncomingMessage & { body?: string }).body = body === "" ? "null" : body;
    }

    const clientIp = clientAddress(request, trusted);
    clientIps.set(request, clientIp);
    if (procedure?._def.type === "subscription") {
      const release = streams.acquire(clientIp);
      if (!release) {
        response.setHeader("retry-after", String(STREAM_RETRY_SECONDS));
        return refuse(
          response,
          path,
          "TOO_MANY_REQUESTS",
          "TOO_MANY_STREAMS",
          "This address already follows as many live results as one client may; close one first.",
        );
      }
      response.once("close", release);
    }
    if (procedure && Object.hasOwn(wire, path) && (await wire[path]!(request, response, log))) return true;
    handler(request, response);
    return true;
  };
}

/** The procedure path, or "" when it is not valid percent-encoding (then no procedure matches). */
function decodedPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return "";
  }
}

const inputMessage = (problem: "INPUT_TOO_DEEP" | "INPUT_TOO_LARGE") =>
  problem === "INPUT_TOO_DEEP"
    ? "The input is nested deeper than any request needs."
    : "The input holds a larger array than any request needs.";

/** The body as text, or undefined once it passes the size limit (the rest is not read). */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A refusal in tRPC's own error shape, so clients read `error.data.reason` as from any procedure. */
function refuse(response: ServerResponse, path: string, code: ErrorCode, reason: string, message: string): true {
  const httpStatus = { BAD_REQUEST: 400, PAYLOAD_TOO_LARGE: 413, TOO_MANY_REQUESTS: 429 }[code as string] ?? 400;
  response.setHeader("vary", "origin, trpc-accept, accept");
  response.writeHead(httpStatus, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...(httpStatus === 413 ? { connection: "close" } : {}),
  });
  response.end(
    JSON.stringify({
      error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus, path, reason } },
    }),
  );
  return true;
}

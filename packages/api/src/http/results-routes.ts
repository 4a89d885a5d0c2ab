import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ResultsSnapshot } from "@landslide/vote-engine";
import type { AppServices } from "../app-services";
import { Refusal } from "../errors";
import { closedElectionOrRefuse } from "../router/public-audit";
import { labelRoute } from "./metrics";
import { type RouteHandler, sendJson } from "./service-server";

const RESULTS_PATH = /^\/v1\/elections\/([0-9a-f-]{36})\/results$/;
const BUNDLE_PATH = /^\/v1\/elections\/([0-9a-f-]{36})\/audit-bundle\.json$/;

/**
 * The live results snapshot as a cacheable JSON document: a CDN in front may serve it to
 * millions for a second. The snapshot is LiveResults' current one (the live poller's, or one
 * read shared for a moment), and its JSON is encoded once per snapshot, not once per request.
 */
export function resultsRoutes(services: AppServices): RouteHandler {
  const encoded = new WeakMap<ResultsSnapshot, Buffer>();
  const bodyOf = (snapshot: ResultsSnapshot) => {
    let body = encoded.get(snapshot);
    if (!body) encoded.set(snapshot, (body = Buffer.from(JSON.stringify(snapshot))));
    return body;
  };
  return async (request, response) => {
    const match = RESULTS_PATH.exec(new URL(request.url ?? "/", "http://service").pathname);
    if (request.method !== "GET" || !match) return false;
    labelRoute(response, "/v1/elections/:id/results");
    const election = await services.elections.get(match[1]!);
    if (!election) {
      sendJson(response, 404, { error: { code: "ELECTION_NOT_FOUND", message: "There is no such election." } });
      return true;
    }
    const body = bodyOf(await services.liveResults.current(election));
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "public, max-age=1",
    });
    response.end(body);
    return true;
  };
}

/** A closed election's audit bundle as a file to download (and for a CDN to keep). */
export function auditBundleRoute(services: AppServices): RouteHandler {
  return async (request, response) => {
    const match = BUNDLE_PATH.exec(new URL(request.url ?? "/", "http://service").pathname);
    if (request.method !== "GET" || !match) return false;
    labelRoute(response, "/v1/elections/:id/audit-bundle.json");
    try {
      const bundle = await services.auditBundle(await closedElectionOrRefuse(services, match[1]!));
      response.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="landslide-audit-${bundle.election.id}.json"`,
        "cache-control": "public, max-age=60",
      });
      response.end(JSON.stringify(bundle));
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const reason = error.cause instanceof Refusal ? error.cause.reason : error.code;
      sendJson(response, getHTTPStatusCodeFromError(error), { error: { code: reason, message: error.message } });
    }
    return true;
  };
}

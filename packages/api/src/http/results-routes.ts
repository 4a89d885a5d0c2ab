import { buildResultsSnapshot } from "@landslide/vote-engine";
import { DynamoDbTallyStore } from "@landslide/vote-engine/dynamodb";
import { ElectionsRepository } from "@landslide/vote-engine/postgres";
import type { Dependencies } from "../services/dependencies";
import { type RouteHandler, sendJson } from "./service-server";

const RESULTS_PATH = /^\/v1\/elections\/([0-9a-f-]{36})\/results$/;

/**
 * The live results snapshot as a cacheable JSON document: a CDN in front may serve it to
 * millions for a second. The tRPC subscription will push the same snapshots.
 */
export function resultsRoutes(deps: Dependencies): RouteHandler {
  const tallies = new DynamoDbTallyStore(deps.dynamodb, { tallies: deps.tables.tallies, deadLetters: deps.tables["dead-letters"] }, deps.config.aws.tallyShards);
  return async (request, response) => {
    const match = RESULTS_PATH.exec(new URL(request.url ?? "/", "http://service").pathname);
    if (request.method !== "GET" || !match) return false;
    const election = await new ElectionsRepository(deps.controlPlane().db).get(match[1]!);
    if (!election) {
      sendJson(response, 404, { error: { code: "ELECTION_NOT_FOUND", message: "There is no such election." } });
      return true;
    }
    const snapshot = buildResultsSnapshot(election, await tallies.readCounters(election.id), new Date());
    response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=1" });
    response.end(JSON.stringify(snapshot));
    return true;
  };
}

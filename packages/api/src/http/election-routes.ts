import { ElectionsRepository } from "@landslide/vote-engine/postgres";
import type { Dependencies } from "../services/dependencies";
import { labelRoute } from "./metrics";
import { type RouteHandler, sendJson } from "./service-server";

/** Read-only election listing; the tRPC routers replace this plain route. */
export function electionRoutes(deps: Dependencies): RouteHandler {
  return async (request, response) => {
    const path = new URL(request.url ?? "/", "http://service").pathname;
    if (request.method !== "GET" || path !== "/v1/elections") return false;
    labelRoute(response, path);
    const elections = await new ElectionsRepository(deps.controlPlane().db).list();
    sendJson(response, 200, { elections });
    return true;
  };
}

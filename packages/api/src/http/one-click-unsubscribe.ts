import type { AppServices } from "../app-services";
import { labelRoute } from "./metrics";
import { type RouteHandler, sendJson } from "./service-server";

const PATH = "/mail/unsubscribe";

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` to the address
 * in a message's List-Unsubscribe header, with no page and no person in between. Only POST stops
 * mail (a GET, which link scanners send, changes nothing); the token alone says whose address.
 */
export function oneClickUnsubscribe(services: AppServices): RouteHandler {
  return async (request, response) => {
    const url = new URL(request.url ?? "/", "http://service");
    if (url.pathname !== PATH) return false;
    labelRoute(response, PATH);
    if (request.method !== "POST") {
      response.setHeader("Allow", "POST");
      sendJson(response, 405, { error: "Use POST (RFC 8058 one-click unsubscribe)." });
      return true;
    }
    request.resume(); // the body says only "List-Unsubscribe=One-Click"
    const email = services.mail.tokens().verify(url.searchParams.get("token") ?? "");
    if (!email) {
      sendJson(response, 400, { error: "This unsubscribe link is not one Landslide sent." });
      return true;
    }
    await services.mail.queue().suppress(email, "unsubscribed");
    sendJson(response, 200, { unsubscribed: true });
    return true;
  };
}

import { NextRequest, NextResponse } from "next/server";
import { type Config, loadConfig } from "@landslide/config";
import { type ContentSecurityPolicyOptions, framingFor, newNonce, perRequestSecurityHeaders } from "./security-headers";

type Deployment = Omit<ContentSecurityPolicyOptions, "nonce" | "framing">;

/**
 * What the policy needs from the configuration, read when the server runs (not when it is built:
 * one image serves every environment, as the public config the pages get does).
 */
export function deploymentOf(config: Config, development: boolean): Deployment {
  return {
    connectTo: [
      config.urls.voteApi,
      config.urls.controlApi,
      config.urls.results,
      // The SDK's own endpoint when none is configured (real Cognito).
      config.aws.cognitoEndpoint ?? `https://cognito-idp.${config.aws.region}.amazonaws.com`,
    ],
    development,
    // LANDSLIDE_CORS_ORIGINS names the origins the two sites are served from (the APIs admit no
    // other page): all https there means these pages are served over https.
    https: config.corsOrigins.length > 0 && config.corsOrigins.every((origin) => origin.startsWith("https://")),
  };
}

/**
 * What becomes of a request once its policy is set: the voter site's locale routing (next-intl's
 * middleware) answers with a rewrite to the page's language, a redirect, or next. It must pass the
 * request's headers on to the page (next-intl does), since Next.js reads the nonce from them.
 */
export type RequestRouter = (request: NextRequest) => NextResponse;

export interface SecurityProxyOptions {
  /** Left out: the request goes on as it came (NextResponse.next). */
  readonly route?: RequestRouter;
  /** The languages a path may start with ("/es/embed/…"), for who may frame the page (framingFor). */
  readonly localePrefixes?: readonly string[];
}

/**
 * The web apps' proxy (Next.js 16's request interceptor): a fresh nonce per page, put in the
 * request's CSP header, where Next.js finds it and stamps its scripts and styles, and in the
 * response's, where the browser enforces it. With `route`, the request, its CSP header added, is
 * handed to it, and its answer (rewrite, redirect or next) gets the policy's headers.
 */
export function createSecurityProxy({ route, localePrefixes = [] }: SecurityProxyOptions = {}): (
  request: NextRequest,
) => NextResponse {
  let deployment: Deployment | undefined;
  return (request) => {
    // Next.js inlines NODE_ENV: "development" under `next dev` only.
    deployment ??= deploymentOf(loadConfig(), process.env.NODE_ENV === "development");
    const headers = perRequestSecurityHeaders({
      ...deployment,
      nonce: newNonce(),
      framing: framingFor(request.nextUrl.pathname, localePrefixes),
    });
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    // The router reads the URL, the headers and the cookies: a copy carries them (never the body,
    // which stays with the request Next.js passes on).
    const response = route
      ? route(new NextRequest(request.url, { headers: forwarded, method: request.method }))
      : NextResponse.next({ request: { headers: forwarded } });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };
}

/**
 * What the console's proxy.ts re-exports (the voter site composes its own with its locale
 * routing). Its matcher stays in proxy.ts as a literal, because Next.js reads `config` from that
 * file without running it (a re-exported one is ignored). The matcher covers pages only: static
 * files need no nonce (next.config's headers() gives them the rest), and prefetches are not
 * documents. Prefetches can only be left out there, not here: Next strips the router's headers
 * from the request before the proxy sees it.
 */
export const proxy = createSecurityProxy();

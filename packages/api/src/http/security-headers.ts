import type { ServerResponse } from "node:http";

/**
 * Headers for every API response. The APIs answer JSON (and SSE) only, never a page: nothing may
 * be sniffed as HTML, framed, or run; no URL leaks through Referer; other sites may not embed the
 * answers as no-cors resources (the web apps call through CORS, which CORP does not affect, and in
 * production they share the API's site). HSTS only when the deployment is HTTPS end to end for
 * browsers (it is remembered by the browser for the whole host).
 */
export function setApiSecurityHeaders(response: ServerResponse, hstsSeconds: number): void {
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("referrer-policy", "no-referrer");
  response.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  response.setHeader("cross-origin-resource-policy", "same-site");
  if (hstsSeconds > 0) response.setHeader("strict-transport-security", `max-age=${hstsSeconds}; includeSubDomains`);
}

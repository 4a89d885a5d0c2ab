/**
 * The security headers both web apps send, as plain data: no Next.js here, so the policy is
 * tested on its own (test/security-headers.test.ts) and read in one place.
 *
 * The page's scripts run under a strict CSP: only scripts carrying this response's nonce, and
 * what they load ('strict-dynamic': Next's chunks, the proof-of-work worker's loader), may run.
 * An injected <script> or inline handler has no nonce and is refused.
 */

export interface ContentSecurityPolicyOptions {
  /** Fresh for every response (newNonce()); Next.js reads it from the request's CSP header and stamps its own scripts and styles. */
  readonly nonce: string;
  /** Origins the page may call besides its own: the APIs (tRPC, SSE) and Cognito. Paths are dropped. */
  readonly connectTo: readonly string[];
  /** `next dev`: React rebuilds server error stacks with eval, so development alone allows it. */
  readonly development: boolean;
  /** Served over https in production: every http subresource is then upgraded. */
  readonly https: boolean;
  /** Who may show the page in a frame: no one (the default), or any site (the embeddable results widget). */
  readonly framing?: Framing;
}

export type Framing = "none" | "anyone";

/** The pages any site may put in a frame: the results widget, which shows only public figures and takes no input. */
export const EMBED_PATH_PREFIX = "/embed/";

/**
 * Who may frame the page at this path. Every other page refuses to be framed: a page with forms or
 * a signed-in session in someone else's frame invites clickjacking. `localePrefixes` are the
 * site's languages as its paths start with them ("es" for /es/embed/…): the widget in another
 * language is the same widget; no other first segment is taken off.
 */
export function framingFor(pathname: string, localePrefixes: readonly string[] = []): Framing {
  const prefix = localePrefixes.find((locale) => pathname.startsWith(`/${locale}/`));
  const unprefixed = prefix === undefined ? pathname : pathname.slice(prefix.length + 1);
  return unprefixed.startsWith(EMBED_PATH_PREFIX) ? "anyone" : "none";
}

/** A nonce: 128 random bits, base64 (the CSP grammar's base64-value). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy header's value. */
export function contentSecurityPolicy({
  nonce,
  connectTo,
  development,
  https,
  framing = "none",
}: ContentSecurityPolicyOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    // 'self' is ignored where 'strict-dynamic' is understood; it keeps older browsers working.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // <style> and <link rel=stylesheet>: our own files, and the inline styles Next stamps with the nonce.
    ["style-src", "'self'", `'nonce-${nonce}'`],
    // style="..." attributes cannot carry a nonce. The apps' components and recharts render them on
    // the server, so attributes (not elements: no CSS selectors can be injected) stay allowed.
    ["style-src-attr", "'unsafe-inline'"],
    ["connect-src", "'self'", ...uniqueOrigins(connectTo)],
    // The proof-of-work worker is a same-origin chunk (Turbopack's worker loader; no blob: URL).
    ["worker-src", "'self'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    // The static X-Frame-Options: DENY stays on every response for browsers without CSP; a browser
    // that reads this directive ignores X-Frame-Options, so the embed can be framed there.
    ["frame-ancestors", framing === "anyone" ? "*" : "'none'"],
    ...(https && !development ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/**
 * The headers every response gets, pages and static files alike. They do not change between
 * requests or deployments, so next.config's headers() can set them at build time.
 */
export const staticSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Other origins (the APIs included) learn the site's origin, never a page's path.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers older than CSP's frame-ancestors.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  // No window another site opens (or that opens us) keeps a handle on ours.
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Two years, subdomains included: only ever sent over https in production. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/** The headers that depend on the request (the nonce) or the deployment (https): the proxy sets them. */
export function perRequestSecurityHeaders(options: ContentSecurityPolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.https && !options.development ? { "Strict-Transport-Security": strictTransportSecurity } : {}),
  };
}

/** `https://host:port` of each URL, once each, in order. */
function uniqueOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

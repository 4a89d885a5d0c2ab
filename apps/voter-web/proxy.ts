import createMiddleware from "next-intl/middleware";
import { createSecurityProxy } from "@landslide/ui/security-proxy";
import { routing } from "./i18n/routing";

/**
 * Every page: a fresh CSP nonce (packages/ui/src/security-proxy.ts), then the page's language
 * (next-intl: the address's prefix, else the browser's language; English keeps plain addresses,
 * the others are rewritten to or redirected under /es, /fr, …). The results widget may be framed
 * in every language: /es/embed/… as /embed/….
 */
export const proxy = createSecurityProxy({ route: createMiddleware(routing), localePrefixes: routing.locales });

// Next.js reads this matcher without running the file: it must be a literal here. Pages only
// (static files need no nonce and no language), prefetches included: the router's prefetch of an
// English page must be rewritten to its [locale] route like the page itself.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

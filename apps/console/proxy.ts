import createMiddleware from "next-intl/middleware";
import { createSecurityProxy } from "@landslide/ui/security-proxy";
import { routing } from "./i18n/routing";

/**
 * Every page: a fresh CSP nonce (packages/ui/src/security-proxy.ts), then the page's language
 * (next-intl: the address's prefix; an address without one is redirected to the browser's
 * language, or the one last chosen). The console is never framed, in any language.
 */
export const proxy = createSecurityProxy({ route: createMiddleware(routing) });

// Next.js reads this matcher without running the file: it must be a literal here. Pages only
// (static files need no nonce and no language), prefetches included: a prefetch of an address
// without its language must be redirected like the page itself.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

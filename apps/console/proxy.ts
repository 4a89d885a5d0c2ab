import { createSecurityProxy } from "@landslide/ui/security-proxy";

// A strict CSP with a fresh nonce for every page (packages/ui/src/security-headers.ts).
export const proxy = createSecurityProxy();

export const config = {
  // Pages only: static files need no nonce (next.config's headers() still gives them the rest),
  // and prefetches of the router are not documents.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

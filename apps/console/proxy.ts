// A fresh CSP nonce for every page (packages/ui/src/security-proxy.ts). Next.js reads this matcher without running the file: it must be a literal here.
export { proxy } from "@landslide/ui/security-proxy";
export const config = {
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

import { resolve } from "node:path";
import type { NextConfig } from "next";
import { ConfigError, loadConfig } from "@landslide/config";
import { staticSecurityHeaders } from "./security-headers";

/**
 * The Next.js configuration both web apps share. It validates the environment when Next starts
 * or builds, so a bad variable fails there, in one line, rather than at the first request.
 */
export function landslideNextConfig(): NextConfig {
  try {
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Container images (the Dockerfile) build a standalone server: server.js with only the files it
  // needs, traced from the repository root so the workspace packages come along.
  const standalone = process.env.LANDSLIDE_NEXT_OUTPUT === "standalone";
  return {
    ...(standalone ? { output: "standalone" as const, outputFileTracingRoot: resolve(process.cwd(), "..", "..") } : {}),
    // Workspace packages ship TypeScript source.
    transpilePackages: ["@landslide/config", "@landslide/ui", "@landslide/api", "@landslide/vote-engine"],
    poweredByHeader: false,
    reactStrictMode: true,
    // Every response, static files included (the proxy skips those): the headers that never vary.
    // The CSP and HSTS vary by request or deployment, so each app's proxy.ts sets them at run time.
    async headers() {
      return [
        { source: "/:path*", headers: Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value })) },
      ];
    },
  };
}

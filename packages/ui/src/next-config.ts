import type { NextConfig } from "next";
import { ConfigError, loadConfig } from "@landslide/config";

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
  return {
    // Workspace packages ship TypeScript source.
    transpilePackages: ["@landslide/config", "@landslide/ui", "@landslide/api", "@landslide/vote-engine"],
    poweredByHeader: false,
    reactStrictMode: true,
  };
}

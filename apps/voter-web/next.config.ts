import type { NextConfig } from "next";
import { ConfigError, loadConfig } from "@landslide/config";

// Validate the environment when Next starts or builds, so a bad variable fails here, in one line.
try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@landslide/config", "@landslide/ui"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

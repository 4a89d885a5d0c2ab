import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@landslide/local-stack/vitest-global-setup"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

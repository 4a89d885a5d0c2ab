import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@landslide/local-stack/vitest-global-setup", "./test/build-cli.global-setup.ts"],
    // Each file starts its own deployment or local stack (Java, cognito-local, four services):
    // on a two-core machine, files side by side only starve each other's start-up.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

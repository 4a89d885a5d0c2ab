import { defineConfig } from "vitest/config";

// The counting methods are pure: their tests need none of the local servers the full run starts.
export default defineConfig({
  test: { include: ["test/counting/**/*.test.ts"], testTimeout: 120_000 },
});

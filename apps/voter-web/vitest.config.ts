import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Pure modules only: the pages themselves are exercised in a browser by e2e/.
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});

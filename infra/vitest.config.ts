import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // The stack tests share one synthesized production app per worker (test/support/prod.ts);
    // synthesizing it costs seconds, and nothing in these tests holds global state.
    isolate: false,
  },
});

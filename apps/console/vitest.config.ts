import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Pure modules only: the pages themselves are exercised in a browser by e2e/.
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Officials' local times are asserted in a zone with daylight saving (it changes on 30 March 2025), whatever the machine's zone.
    env: { TZ: "Europe/Paris" },
    // next-intl's middleware imports "next/server" as a bundler would (Next has no exports map):
    // Vite resolves it, Node's own ESM loader would not.
    server: { deps: { inline: ["next-intl"] } },
  },
});

import { defineConfig } from "@playwright/test";
import { e2ePortEnv, e2eUrls } from "./stack-ports";

// The tests play the proxy in front of the stack (a load balancer): trusted, they may say where an
// SDK voter comes from (X-Forwarded-For), so the bot-farm spec's people vote from networks of their
// own. Browsers send no such header and stay on 127.0.0.1. Set here, the stack and the workers both see it.
process.env.LANDSLIDE_TRUSTED_PROXIES ??= "127.0.0.1";
// The stack's own ports (stack-ports.ts), for the launcher and for what the tests run themselves
// (the CLI finds the stack by them): set here, the workers inherit them too.
for (const [name, value] of Object.entries(e2ePortEnv)) process.env[name] = value;

// Debian's Chromium: Playwright's own browser download cannot reach the internet here.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    // Playwright's browser otherwise sets navigator.webdriver, which the risk score weighs (packages/api tests that).
    "--disable-blink-features=AutomationControlled",
  ],
};

export default defineConfig({
  testDir: "./tests",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: "list",
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "voter-web", testMatch: /voter-web\..*spec\.ts/, use: { baseURL: e2eUrls.voterWeb } },
    { name: "console", testMatch: /console\..*spec\.ts/, use: { baseURL: e2eUrls.console } },
  ],
  // The same launcher as `npm run dev`, on production builds of the apps (turbo builds them first),
  // in a data folder of its own so a developer's local data is never touched.
  webServer: {
    command: "node apps/cli/bin/run.js local up --fresh --web prod --json",
    cwd: "..",
    // The tests begin once the launcher's ready document (printed after stack.json, which the tests
    // read) is out. No `url` or `port`: Playwright takes whichever of those and `wait` comes first,
    // and the web apps answer before the services are provisioned. So no reuse of a running stack
    // either (it is found by url or port); each run starts its own, fresh.
    wait: { stdout: /"status":"running"/ },
    timeout: 180_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    // Every e2e voter signs up from 127.0.0.1 at example.org: the per-network and per-domain sign-up limits are
    // raised here because these tests are about the site; the limits themselves are attacked over HTTP in
    // packages/api/test/attacks/sign-up-abuse.test.ts. The launcher passes them on to the vote API.
    env: {
      LANDSLIDE_DATA_DIR: ".landslide/e2e",
      LANDSLIDE_SIGN_UP_LIMIT_PER_NETWORK: "500",
      LANDSLIDE_SIGN_UP_LIMIT_PER_DOMAIN: "500",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { raw } from "./support";

/** Attack surface: a JSON API framed, sniffed as HTML, leaking the referrer, or cached across origins. */
let stack: TestStack;
let deployment: Deployment;
const ORIGIN = "https://vote.example.org";

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack, { LANDSLIDE_CORS_ORIGINS: ORIGIN, LANDSLIDE_HSTS_SECONDS: "31536000" });
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const electionInput = encodeURIComponent(JSON.stringify({ electionId: DEMO_ELECTION_ID }));
const responses = () => ({
  "tRPC query": raw(`${deployment.urls.results}/trpc/results.snapshot?input=${electionInput}`, {
    headers: { origin: ORIGIN },
  }),
  "tRPC error": raw(`${deployment.urls.voteApi}/trpc/voter.me`, { headers: { origin: ORIGIN } }),
  "plain JSON route": raw(`${deployment.urls.results}/v1/elections/${DEMO_ELECTION_ID}/results`, {
    headers: { origin: ORIGIN },
  }),
  "not found": raw(`${deployment.urls.controlApi}/nothing-here`),
  health: raw(`${deployment.urls.aggregator}/healthz`),
  preflight: raw(`${deployment.urls.voteApi}/trpc/voter.cast`, {
    method: "OPTIONS",
    headers: { origin: ORIGIN, "access-control-request-method": "POST" },
  }),
});

describe("every API response", () => {
  it("says it is not to be sniffed, framed, referred or (when configured) reached over plain HTTP", async () => {
    for (const [name, pending] of Object.entries(responses())) {
      const { headers } = await pending;
      expect(headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(headers.get("referrer-policy"), name).toBe("no-referrer");
      expect(headers.get("content-security-policy"), name).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get("cross-origin-resource-policy"), name).toBe("same-site");
      expect(headers.get("strict-transport-security"), name).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("keeps Vary: Origin, tRPC's answers included, so a cache never serves one origin's CORS answer to another", async () => {
    for (const [name, pending] of Object.entries(responses())) {
      const vary = ((await pending).headers.get("vary") ?? "")
        .toLowerCase()
        .split(",")
        .map((v) => v.trim());
      expect(vary, name).toContain("origin");
    }
  });
});

import { loadConfig } from "@landslide/config";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  framingFor,
  newNonce,
  perRequestSecurityHeaders,
  staticSecurityHeaders,
} from "../src/security-headers";
import { deploymentOf } from "../src/security-proxy";

/** The policy as directive name -> its sources, so each assertion names one directive. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((directive) => {
      const [name, ...sources] = directive.split(" ");
      return [name!, sources];
    }),
  );
}

const local = {
  nonce: "bm9uY2U=",
  connectTo: ["http://127.0.0.1:4000", "http://127.0.0.1:4001/", "http://127.0.0.1:4002", "http://127.0.0.1:9229"],
  development: false,
  https: false,
};

describe("contentSecurityPolicy", () => {
  it("allows scripts only with this response's nonce and what they load, never eval in production", () => {
    const policy = directives(contentSecurityPolicy(local));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    // Inline <style> and <script> need the nonce: 'unsafe-inline' only for style attributes.
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect([...policy].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual([
      "style-src-attr",
    ]);
  });

  it("lets the page call exactly its own origin and the configured ones, by origin", () => {
    const policy = directives(
      contentSecurityPolicy({
        ...local,
        connectTo: [
          "https://vote.example.org/api/vote",
          "https://vote.example.org/api/control",
          "https://cognito-idp.eu-west-1.amazonaws.com",
        ],
      }),
    );
    expect(policy.get("connect-src")).toEqual([
      "'self'",
      "https://vote.example.org",
      "https://cognito-idp.eu-west-1.amazonaws.com",
    ]);
    expect(directives(contentSecurityPolicy(local)).get("connect-src")).toEqual([
      "'self'",
      "http://127.0.0.1:4000",
      "http://127.0.0.1:4001",
      "http://127.0.0.1:4002",
      "http://127.0.0.1:9229",
    ]);
  });

  it("allows eval under `next dev` only, and upgrades requests only in production over https", () => {
    expect(directives(contentSecurityPolicy({ ...local, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(directives(contentSecurityPolicy(local)).has("upgrade-insecure-requests")).toBe(false);
    expect(
      directives(contentSecurityPolicy({ ...local, https: true, development: true })).has("upgrade-insecure-requests"),
    ).toBe(false);
    expect(contentSecurityPolicy({ ...local, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe("framing", () => {
  it("lets any site frame the results widget under /embed/ and no site frame any other page", () => {
    expect(framingFor("/embed/elections/7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61")).toBe("anyone");
    for (const path of ["/", "/elections/x/results", "/receipts", "/embed", "/embedded/x", "/elections/embed/x"])
      expect(framingFor(path), path).toBe("none");
  });

  it("says so in frame-ancestors, keeping every other directive as strict", () => {
    const embed = directives(contentSecurityPolicy({ ...local, framing: "anyone" }));
    expect(embed.get("frame-ancestors")).toEqual(["*"]);
    expect(directives(contentSecurityPolicy({ ...local, framing: "none" })).get("frame-ancestors")).toEqual(["'none'"]);
    const page = directives(contentSecurityPolicy(local));
    expect([...embed].filter(([name]) => name !== "frame-ancestors")).toEqual(
      [...page].filter(([name]) => name !== "frame-ancestors"),
    );
  });
});

describe("the headers", () => {
  it("sends HSTS only in production over https", () => {
    expect(perRequestSecurityHeaders(local)).not.toHaveProperty("Strict-Transport-Security");
    expect(perRequestSecurityHeaders({ ...local, https: true, development: true })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(perRequestSecurityHeaders({ ...local, https: true })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("forbids sniffing, framing, the camera, microphone and location, and cross-origin openers", () => {
    expect(staticSecurityHeaders).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });

  it("makes a different, unguessable nonce every time", () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("deploymentOf", () => {
  it("reads the API origins and cognito-local from the local configuration, served over http", () => {
    expect(deploymentOf(loadConfig({}), false)).toEqual({
      connectTo: ["http://127.0.0.1:4000", "http://127.0.0.1:4001", "http://127.0.0.1:4002", "http://127.0.0.1:9229"],
      development: false,
      https: false,
    });
  });

  it("reaches real Cognito in the region, and knows a deployment served over https", () => {
    const deployment = deploymentOf(
      loadConfig({
        LANDSLIDE_STACK: "aws",
        DATABASE_URL: "postgres://u:p@db.internal:5432/landslide",
        AWS_REGION: "eu-central-1",
        LANDSLIDE_VOTE_API_URL: "https://vote.example.org/api/vote",
        LANDSLIDE_CONTROL_API_URL: "https://vote.example.org/api/control",
        LANDSLIDE_RESULTS_URL: "https://vote.example.org/api/results",
        LANDSLIDE_CORS_ORIGINS: "https://vote.example.org,https://console.example.org",
      }),
      false,
    );
    expect(deployment.connectTo).toContain("https://cognito-idp.eu-central-1.amazonaws.com");
    expect(deployment.https).toBe(true);
    // One origin still on http: not every page is served over https, so no HSTS and no upgrade.
    expect(
      deploymentOf(loadConfig({ LANDSLIDE_CORS_ORIGINS: "https://vote.example.org,http://console.example.org" }), false)
        .https,
    ).toBe(false);
  });
});

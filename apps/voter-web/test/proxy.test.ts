import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../proxy";

/**
 * The voter site's proxy: a fresh CSP nonce on every page (packages/ui's security proxy), then the
 * page's language (next-intl). Every language has its prefix (/en, /es, …); an address without
 * one is redirected, following the browser's language; the results widget may be framed in every
 * language, and nothing else in any.
 */
const SITE = "https://vote.example.org";
const ID = "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61";

function visit(path: string, headers: Record<string, string> = {}) {
  const response = proxy(new NextRequest(`${SITE}${path}`, { headers }));
  const policy = response.headers.get("content-security-policy") ?? "";
  return {
    status: response.status,
    location: response.headers.get("location"),
    rewrite: response.headers.get("x-middleware-rewrite"),
    /** The CSP header Next.js reads the nonce from, forwarded with the request to the page. */
    forwardedPolicy: response.headers.get("x-middleware-request-content-security-policy"),
    policy,
    frameAncestors: /frame-ancestors ([^;]+)/.exec(policy)?.[1],
  };
}

describe("a page without a language in its address", () => {
  it("is redirected to the browser's language, keeping its path and query", () => {
    for (const path of [
      "/",
      `/elections/${ID}`,
      `/elections/${ID}/results`,
      "/receipts?id=abc",
      "/unsubscribe?token=t",
    ]) {
      const page = visit(path, { "accept-language": "en-GB,en;q=0.9" });
      expect(page.status, path).toBe(307);
      const target = new URL(page.location!);
      expect(`${target.pathname}${target.search}`, path).toBe(`/en${path === "/" ? "" : path}`);
    }
    expect(visit(`/elections/${ID}?x=1`, { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" }).location).toBe(
      `${SITE}/ar/elections/${ID}?x=1`,
    );
    expect(visit("/", { "accept-language": "de-CH" }).location).toBe(`${SITE}/de`);
    // A language the site does not have: English.
    expect(visit("/", { "accept-language": "ja" }).location).toBe(`${SITE}/en`);
  });

  it("goes to the language chosen last (the switcher's cookie), whatever the browser asks", () => {
    expect(visit("/receipts", { "accept-language": "fr", cookie: "NEXT_LOCALE=en" }).location).toBe(
      `${SITE}/en/receipts`,
    );
  });
});

describe("a page in a language", () => {
  it("is served under its prefix without a rewrite (no English page is one), with a nonce of its own carried to the page", () => {
    for (const locale of ["en", "es", "fr", "de", "ar"]) {
      const page = visit(`/${locale}/elections/${ID}`);
      expect(page.location).toBeNull();
      expect(page.rewrite).toBeNull();
      expect(page.policy).toMatch(/'nonce-/);
      expect(page.forwardedPolicy).toBe(page.policy);
    }
  });
});

describe("framing", () => {
  it("lets any site frame the results widget, in every language", () => {
    for (const path of [`/en/embed/elections/${ID}`, `/es/embed/elections/${ID}`, `/ar/embed/elections/${ID}`])
      expect(visit(path).frameAncestors, path).toBe("*");
  });

  it("refuses every frame to every other page, whatever its language, and to look-alikes of the widget", () => {
    for (const path of [
      "/",
      "/es",
      `/fr/elections/${ID}`,
      `/de/elections/${ID}/results`,
      "/ar/receipts",
      "/xx/embed/elections/1",
      "/es/embed",
      "/esembed/elections/1",
      "/es/../receipts",
      `/es/elections/${ID}?/embed/elections/${ID}`,
    ])
      expect(visit(path).frameAncestors, path).toBe("'none'");
  });
});

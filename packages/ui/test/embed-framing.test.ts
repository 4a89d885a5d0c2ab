import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { framingFor, staticSecurityHeaders } from "../src/security-headers";
import { createSecurityProxy } from "../src/security-proxy";

/**
 * Attack: get a page other than the results widget into a hostile site's frame (clickjacking) by
 * asking for it under a path that looks like the widget's, /embed/elections/[id]. The voter site's
 * proxy decides per request, from request.nextUrl.pathname: each path here goes in as a browser or
 * a script would send it, through NextRequest's own URL parsing and the real proxy, and the
 * answer is read from the Content-Security-Policy header it sets.
 */
const SITE = "https://vote.example.org";
const ID = "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61";
const proxy = createSecurityProxy();

/** What the proxy says of a request for `path` (sent as is: dots, case and escapes untouched). */
function framing(path: string) {
  const request = new NextRequest(`${SITE}${path}`);
  const policy = proxy(request).headers.get("content-security-policy") ?? "";
  const ancestors = policy.split("; ").filter((directive) => directive.startsWith("frame-ancestors "));
  expect(ancestors, path).toHaveLength(1);
  return { pathname: request.nextUrl.pathname, frameAncestors: ancestors[0]!.slice("frame-ancestors ".length) };
}

describe("the embed page", () => {
  it("may be framed by any site, with or without a query or fragment", () => {
    for (const path of [
      `/embed/elections/${ID}`,
      `/embed/elections/${ID}?theme=dark&lang=en`,
      `/embed/elections/${ID}#standings`,
    ])
      expect(framing(path).frameAncestors, path).toBe("*");
  });
});

describe("every other page, however its path is spelled", () => {
  const pages = ["/", `/elections/${ID}`, `/elections/${ID}/results`, "/receipts", "/no-such-page"];
  const lookAlikes = [
    // Near misses of the prefix.
    "/embed",
    "/embed?next=/embed/elections/1",
    "/embedx/elections/1",
    "/embedded/elections/1",
    "/elections/1/embed",
    `/elections/embed/${ID}`,
    // Out of /embed/ again by dot segments, plain, percent-encoded or with backslashes: the URL
    // parser resolves them, so the proxy sees (and Next.js serves) the page they lead to.
    "/embed/../admin",
    `/embed/../elections/${ID}`,
    `/embed/%2e%2e/elections/${ID}`,
    "/embed/.%2E/receipts",
    "/embed\\..\\receipts",
    `/embed/elections/${ID}/../../../receipts`,
    // Another case: Next.js routes are case-sensitive, so these are not the widget.
    "/EMBED/elections/1",
    "/Embed/elections/1",
    // Encoded or doubled slashes: one path segment, or an empty one, is not the prefix.
    "/embed%2Felections%2F1",
    "/embed%2felections/1",
    "/%2Fembed/elections/1",
    "//embed/elections/1",
    // The prefix in the query or the fragment only.
    `/receipts?frame=/embed/elections/${ID}`,
    `/elections/${ID}?/embed/elections/${ID}`,
    `/elections/${ID}#/embed/elections/${ID}`,
  ];

  it("refuses every frame: frame-ancestors 'none'", () => {
    for (const path of [...pages, ...lookAlikes]) expect(framing(path).frameAncestors, path).toBe("'none'");
  });

  // Next.js's behaviour, pinned: the matcher is a plain prefix test, safe only because no dot segment reaches it.
  it("is decided on the path NextRequest resolved, which leaves no dot segment for the matcher to trip on", () => {
    expect(framing("/embed/../admin").pathname).toBe("/admin");
    expect(framing(`/embed/%2e%2e/elections/${ID}`).pathname).toBe(`/elections/${ID}`);
    expect(framing("/embed\\..\\receipts").pathname).toBe("/receipts");
    for (const path of lookAlikes) expect(framing(path).pathname, path).not.toMatch(/(^|\/)\.\.?(\/|$)/);
  });

  it("keeps X-Frame-Options: DENY on every response, for browsers that do not read frame-ancestors", () => {
    expect(staticSecurityHeaders["X-Frame-Options"]).toBe("DENY");
  });
});

describe("framingFor", () => {
  it("admits the widget's path and nothing that merely starts like it", () => {
    expect(framingFor(`/embed/elections/${ID}`)).toBe("anyone");
    for (const pathname of [
      "/embed",
      "/embedx/elections/1",
      "/EMBED/elections/1",
      "/embed%2Felections%2F1",
      "//embed/x",
    ])
      expect(framingFor(pathname), pathname).toBe("none");
  });
});

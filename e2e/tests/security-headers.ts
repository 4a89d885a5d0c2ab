import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { stackCognito } from "./voter-session";
import { e2eUrls } from "../stack-ports";

/** The headers every response of both sites carries, pages and static files alike. */
export const alwaysSent = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "cross-origin-opener-policy": "same-origin",
};

/** The policy as directive name -> its sources. */
export function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!, sources];
      }),
  );
}

/**
 * Fetches a page twice over HTTP and checks what the browser is told: a strict policy whose nonce
 * is new each time and is the one on every script of the page; the other headers; no HSTS over
 * http. Then a static file the page loads: the same headers, but no policy (it needs none).
 */
export async function expectSecurityHeaders(request: APIRequestContext, path: string): Promise<void> {
  const nonces: string[] = [];
  let script = "";
  for (let i = 0; i < 2; i++) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers).toMatchObject(alwaysSent);
    expect(headers).not.toHaveProperty("strict-transport-security");
    const policy = directives(headers["content-security-policy"] ?? "");
    const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(policy.get("script-src")?.[1] ?? "")?.[1];
    expect(nonce, "a nonce in script-src").toBeDefined();
    nonces.push(nonce!);
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    // The APIs and Cognito of this stack, by origin, and nothing else.
    expect(policy.get("connect-src")).toEqual([
      "'self'",
      e2eUrls.voteApi,
      e2eUrls.controlApi,
      e2eUrls.results,
      new URL(stackCognito().endpoint!).origin,
    ]);

    // Every script Next.js wrote into the page carries this response's nonce, and only it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    script = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1] ?? script;
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  expect(script).not.toBe("");
  const asset = await request.get(script);
  expect(asset.status()).toBe(200);
  expect(asset.headers()).toMatchObject(alwaysSent);
  expect(asset.headers()).not.toHaveProperty("content-security-policy");
}

/**
 * Collects what the browser refuses under the policy, from the page's own
 * `securitypolicyviolation` events (installed before any script of the page runs) and from the
 * console, where Chromium also reports refusals inside workers.
 */
export async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __policyViolations: string[] }).__policyViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __policyViolations?: string[] }).__policyViolations ?? [])),
    ...fromConsole,
  ];
}

/**
 * Markup an attacker managed to get into a page as the server sends it (a stored or reflected
 * XSS): a script without the nonce, one with a guessed nonce, and an inline handler. None of the
 * three runs, while the page's own scripts (with the nonce) do: Next.js's client starts. (The
 * rewritten page cannot call the APIs: Chromium counts a document served by the test as public and
 * keeps it off loopback, so the test stops there.) (A script that already
 * runs can still add scripts: 'strict-dynamic' trusts what trusted code creates, by design.)
 */
export async function expectInjectedMarkupRefused(
  page: Page,
  path: string,
  violations: () => Promise<string[]>,
): Promise<void> {
  // A path string is resolved against the project's baseURL: only this site's document, not the APIs' "/".
  await page.route(path, async (route) => {
    const response = await route.fetch();
    const injected = `<script>window.__xss = "no nonce"</script><script nonce="AAAAAAAAAAAAAAAAAAAAAA==">window.__xss = "guessed nonce"</script><img src="/no-such-image.png" onerror="window.__xss = 'handler'">`;
    await route.fulfill({ response, body: (await response.text()).replace(/<body[^>]*>/, (body) => body + injected) });
  });
  await page.goto(path);
  await page.waitForFunction(
    () => typeof (window as unknown as { next?: { version?: unknown } }).next?.version === "string",
    undefined,
    { timeout: 20_000 },
  );
  await expect
    .poll(violations)
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem refused inline/),
        expect.stringMatching(/^script-src-attr refused inline/),
      ]),
    );
  expect((await violations()).filter((v) => v.startsWith("script-src-elem refused inline"))).toHaveLength(2);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await page.unroute(path);
}

import { expect, test } from "@playwright/test";
import {
  alwaysSent,
  directives,
  expectInjectedMarkupRefused,
  expectSecurityHeaders,
  watchPolicyViolations,
} from "./security-headers";
import { DEMO_ELECTION, personsUserAgent, signUpOnBallotPage } from "./voter-session";

test.use({ userAgent: personsUserAgent });

test("the voter site's pages carry a strict policy with a new nonce each time, and the other security headers", async ({
  request,
}) => {
  for (const path of ["/", `/elections/${DEMO_ELECTION}`, `/elections/${DEMO_ELECTION}/results`, "/receipts"])
    await expectSecurityHeaders(request, path);
});

test("only the results widget under /embed/ may be framed, by any site; its policy is otherwise as strict", async ({
  request,
}) => {
  const embed = await request.get(`/embed/elections/${DEMO_ELECTION}`);
  expect(embed.status()).toBe(200);
  const policy = directives(embed.headers()["content-security-policy"] ?? "");
  expect(policy.get("frame-ancestors")).toEqual(["*"]);
  expect(policy.get("script-src")?.[2]).toBe("'strict-dynamic'");
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  // X-Frame-Options stays DENY for browsers without CSP; every browser that reads frame-ancestors ignores it.
  expect(embed.headers()).toMatchObject(alwaysSent);
  for (const path of [`/elections/${DEMO_ELECTION}/results`, `/elections/${DEMO_ELECTION}`]) {
    const page = await request.get(path);
    expect(directives(page.headers()["content-security-policy"] ?? "").get("frame-ancestors"), path).toEqual([
      "'none'",
    ]);
  }
});

test("under the policy a voter signs up, casts with the human check in a worker, and watches the live chart: nothing refused; injected markup is", async ({
  page,
}) => {
  // Signing up solves a human check and casting another: minutes on a loaded two-core machine.
  test.setTimeout(120_000);
  const violations = await watchPolicyViolations(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto("/");
  await page.getByRole("link", { name: "Vote in Landslide Demo Election" }).click();
  await signUpOnBallotPage(page);
  const ballot = page.getByRole("form", { name: "Ballot" });
  await ballot.getByRole("radio", { name: "Otter" }).check();
  await ballot.getByRole("checkbox", { name: "Riverside Park" }).check();
  await ballot.getByRole("button", { name: "Rank Chen Wei" }).click();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await expect(page.getByText("Your ballot was received and counted.")).toBeVisible({ timeout: 15_000 });
  expect(workers.length).toBeGreaterThan(0);
  // The receipt's signature checks with WebCrypto in the page.
  await expect(page.getByText("Yes: issued by this election, checked in your browser")).toBeVisible({
    timeout: 15_000,
  });

  // Live results: the stream (SSE to the results service) and the chart's SVG.
  await page.goto(`/elections/${DEMO_ELECTION}/results`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 20_000 });
  expect(await violations()).toEqual([]);

  await expectInjectedMarkupRefused(page, "/", violations);
});

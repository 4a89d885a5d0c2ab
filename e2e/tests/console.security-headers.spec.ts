import { expect, test } from "@playwright/test";
import { signInToConsole } from "./console-session";
import { expectInjectedMarkupRefused, expectSecurityHeaders, watchPolicyViolations } from "./security-headers";
import { DEMO_ELECTION } from "./voter-session";

test("the console's pages carry a strict policy with a new nonce each time, and the other security headers", async ({
  request,
}) => {
  for (const path of ["/en", `/en/elections/${DEMO_ELECTION}`, "/es/audit"]) await expectSecurityHeaders(request, path);
});

test("under the policy an official signs in (Cognito) and follows an election live with its charts: nothing refused; injected markup is", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const violations = await watchPolicyViolations(page);
  await signInToConsole(page, "official@demo.landslide.test", `/elections/${DEMO_ELECTION}/results`);
  await expect(page.getByRole("heading", { level: 1, name: "Landslide Demo Election" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 20_000 });
  expect(await violations()).toEqual([]);

  await expectInjectedMarkupRefused(page, "/en", violations);
});

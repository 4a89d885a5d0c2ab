import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { afterAll, describe, expect, it } from "vitest";
import {
  botControlLabels,
  tokenRequiredPaths,
  WebAcl,
  type WebAclProps,
  wafRuleNames,
} from "../lib/constructs/web-acl";
import { templateOf } from "./support/template";
import { botControlInspects, matches, ruleNamed, type WafRequest, webAclOf } from "./support/waf";

// The construct alone, in a bare stack: each variant costs milliseconds, not an app synthesis.
const outdir = mkdtempSync(join(tmpdir(), "landslide-test-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const voterSite = "vote.example.org";
const challenge: WebAclProps["challenge"] = {
  pageImmunitySeconds: 600,
  tokenImmunitySeconds: 4_200,
  enforcement: "block",
};
let builds = 0;
const build = (overrides: Partial<WebAclProps> = {}) => {
  const app = new App({ builtinCloudFormationValidation: false, outdir: join(outdir, String(builds++)) });
  const stack = new Stack(app, "Acl", { env: { region: "us-east-1" } });
  new WebAcl(stack, "Waf", {
    name: "acl",
    requestsPerIpPer5Minutes: 100,
    requestsPerSessionPer5Minutes: 100,
    botControlLevel: "COMMON",
    geo: { mode: "off", countries: [] },
    logRetentionDays: 30,
    publicHostname: voterSite,
    challenge,
    ...overrides,
  });
  return webAclOf(templateOf(app.synth(), "Acl"));
};

const { properties, rules } = build();
const pageChallenge = ruleNamed(rules, wafRuleNames.ballotPageChallenge);
const tokenRequired = ruleNamed(rules, wafRuleNames.tokenRequired);

const get = (path: string, extra: Partial<WafRequest> = {}): WafRequest => ({
  method: "GET",
  host: voterSite,
  path,
  ...extra,
});
const post = (path: string, labels: readonly string[] = [], extra: Partial<WafRequest> = {}): WafRequest => ({
  method: "POST",
  host: voterSite,
  path,
  labels,
  ...extra,
});
const [castPath, ticketPath] = tokenRequiredPaths;
const noToken = [botControlLabels.tokenAbsent];
const staleToken = [botControlLabels.tokenRejected, "awswaf:managed:token:rejected:expired"];
const goodToken = ["awswaf:managed:token:accepted"];

describe("the WAF's challenge on ballot pages", () => {
  it("challenges a browser opening a ballot (and the sign-up form on it), with the page's own immunity time", () => {
    expect(pageChallenge.Action).toEqual({ Challenge: {} });
    expect(pageChallenge.ChallengeConfig).toEqual({
      ImmunityTimeProperty: { ImmunityTime: challenge.pageImmunitySeconds },
    });
    for (const path of ["/elections/e-123", "/elections/e-123/"])
      expect(matches(pageChallenge.Statement, get(path)), path).toBe(true);
    // Whatever the token: with a valid one Challenge only counts, so the rule must see every such request.
    expect(matches(pageChallenge.Statement, get("/elections/e-123", { labels: goodToken }))).toBe(true);
  });

  it("leaves alone the results page, the home page, the console's pages of the same shape, verified bots and the APIs", () => {
    const untouched: [string, WafRequest][] = [
      ["live results", get("/elections/e-123/results")],
      ["home", get("/")],
      ["receipts", get("/receipts")],
      ["a form post", post("/elections/e-123")],
      ["the console's election page", get("/elections/e-123", { host: "console.example.org" })],
      ["a verified bot (link preview)", get("/elections/e-123", { labels: [botControlLabels.verifiedBot] })],
      ["the control API", get("/api/control/trpc/official.elections")],
      ["the results document", get("/api/results/v1/elections/e-123/results")],
      ["a cast", post(castPath, noToken)],
    ];
    for (const [what, request] of untouched) expect(matches(pageChallenge.Statement, request), what).toBe(false);
  });
});

describe("the WAF's token check on casts and sign-up tickets", () => {
  it("refuses a cast or a ticket whose token is missing or rejected, with a 403 the SDK reads", () => {
    expect(tokenRequired.Action).toEqual({
      Block: { CustomResponse: { ResponseCode: 403, CustomResponseBodyKey: "edge-challenge-required" } },
    });
    for (const path of [castPath, ticketPath, "/api/vote/trpc/voter%2Ecast"]) {
      expect(matches(tokenRequired.Statement, post(path, noToken)), `${path} without a token`).toBe(true);
      expect(matches(tokenRequired.Statement, post(path, staleToken)), `${path} with an expired token`).toBe(true);
    }
  });

  it("lets through valid tokens, other procedures, other methods, the control API and the results API", () => {
    const passing: [string, WafRequest][] = [
      ["a cast with a valid token", post(castPath, goodToken)],
      ["a ticket with a valid token", post(ticketPath, goodToken)],
      // Not inspected by Bot Control: no token label at all. Fail open; the API's own checks stay.
      ["a cast without any token label", post(castPath, [])],
      ["another vote API mutation", post("/api/vote/trpc/voter.registerDevice", noToken)],
      ["a query", get("/api/vote/trpc/elections.get", { labels: noToken })],
      ["a cast by GET (tRPC refuses it anyway)", get(castPath, { labels: noToken })],
      ["the control API (operators' CLI)", post("/api/control/trpc/operator.pauseElection", noToken)],
      ["the results document", get("/api/results/v1/elections/e-123/results", { labels: noToken })],
      ["the results API", post("/api/results/trpc/results.live", noToken)],
    ];
    for (const [what, request] of passing) expect(matches(tokenRequired.Statement, request), what).toBe(false);
  });

  it("only counts when enforcement is count (a first rollout)", () => {
    const counted = ruleNamed(
      build({ challenge: { ...challenge, enforcement: "count" } }).rules,
      wafRuleNames.tokenRequired,
    );
    expect(counted.Action).toEqual({ Count: {} });
  });

  it("judges a token's age by the web ACL's challenge immunity, which the page's own outlasts by the ballot's time", () => {
    expect(properties.ChallengeConfig).toEqual({
      ImmunityTimeProperty: { ImmunityTime: challenge.tokenImmunitySeconds },
    });
    expect(tokenRequired.ChallengeConfig).toBeUndefined();
  });

  it("answers in tRPC's error shape: a numeric JSON-RPC code, the HTTP status the rule sends, a reason", () => {
    const bodies = properties.CustomResponseBodies as Record<string, { ContentType: string; Content: string }>;
    const errorIn = (key: string) =>
      (
        JSON.parse(bodies[key]!.Content) as {
          error: { code: unknown; message: unknown; data: { httpStatus: unknown; reason: unknown } };
        }
      ).error;
    const responses = rules.flatMap((rule) => {
      const custom = (
        rule.Action?.Block as { CustomResponse?: { ResponseCode: number; CustomResponseBodyKey: string } } | undefined
      )?.CustomResponse;
      return custom ? [custom] : [];
    });
    expect(responses.map((r) => r.CustomResponseBodyKey).sort()).toEqual([
      "edge-challenge-required",
      "rate-limited",
      "rate-limited",
    ]);
    for (const { ResponseCode, CustomResponseBodyKey } of responses) {
      expect(bodies[CustomResponseBodyKey]!.ContentType).toBe("APPLICATION_JSON");
      const error = errorIn(CustomResponseBodyKey);
      expect(typeof error.code, CustomResponseBodyKey).toBe("number");
      expect(typeof error.message).toBe("string");
      expect(error.data.httpStatus).toBe(ResponseCode);
    }
    expect(errorIn("edge-challenge-required").data).toMatchObject({
      code: "FORBIDDEN",
      reason: "EDGE_CHALLENGE_REQUIRED",
    });
    expect(errorIn("rate-limited").data).toMatchObject({ code: "TOO_MANY_REQUESTS", reason: "RATE_LIMITED" });
  });
});

describe("the order of the WAF's rules", () => {
  const priority = (name: string) => ruleNamed(rules, name).Priority;

  it("puts the challenge and the token check after the rate limits and after Bot Control, whose labels they read", () => {
    for (const name of [wafRuleNames.ballotPageChallenge, wafRuleNames.tokenRequired]) {
      expect(priority(name), name).toBeGreaterThan(priority(wafRuleNames.ratePerIp));
      expect(priority(name), name).toBeGreaterThan(priority(wafRuleNames.ratePerSession));
      expect(priority(name), name).toBeGreaterThan(priority(wafRuleNames.botControl));
    }
    expect(priority(wafRuleNames.tokenRequired)).toBeGreaterThan(priority(wafRuleNames.ballotPageChallenge));
  });

  it("lets Bot Control inspect every request the two rules judge by its labels, and still skip the control API and the results document", () => {
    for (const request of [post(castPath), post(ticketPath), get("/elections/e-123")])
      expect(botControlInspects(rules, request), request.path).toBe(true);
    for (const path of ["/api/control/trpc/operator.pauseElection", "/api/results/v1/elections/e-123/results"])
      expect(botControlInspects(rules, get(path)), path).toBe(false);
  });
});

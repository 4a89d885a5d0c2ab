import { describe, expect, it } from "vitest";
import { parametersFor } from "../lib/parameters";

describe("parameters", () => {
  it("refuse a replica in the primary region", () => {
    expect(() => parametersFor("prod", { replicaRegion: "eu-west-1" })).toThrow(
      /replicaRegion must differ from primaryRegion/,
    );
  });

  it("refuse an unknown environment and a malformed account", () => {
    expect(() => parametersFor("qa")).toThrow(/env must be dev, staging or prod/);
    expect(() => parametersFor("dev", { account: "12" })).toThrow(/12-digit AWS account id/);
  });

  it("refuse zones outside the primary region, or fewer than three", () => {
    expect(() => parametersFor("prod", { availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-central-1a"] })).toThrow(
      /availabilityZones must lie in primaryRegion/,
    );
    expect(() => parametersFor("prod", { availabilityZones: ["eu-west-1a", "eu-west-1b"] })).toThrow(
      /exactly three zones/,
    );
  });

  it("refuse scaling bounds that cross and Aurora capacities that are not half-ACUs", () => {
    const prod = parametersFor("prod");
    expect(() =>
      parametersFor("prod", { services: { ...prod.services, voteApi: { ...prod.services.voteApi, minTasks: 300 } } }),
    ).toThrow(/minTasks must not exceed maxTasks/);
    expect(() => parametersFor("prod", { aurora: { ...prod.aurora, maxCapacityAcu: 3.3 } })).toThrow(
      /multiples of 0.5 ACU/,
    );
  });

  it("refuse a geo rule without countries, and countries without a rule", () => {
    const prod = parametersFor("prod");
    expect(() => parametersFor("prod", { waf: { ...prod.waf, geo: { mode: "allow", countries: [] } } })).toThrow(
      /geo countries must be listed/,
    );
    expect(() => parametersFor("prod", { waf: { ...prod.waf, geo: { mode: "off", countries: ["DE"] } } })).toThrow(
      /geo countries must be listed/,
    );
    expect(() => parametersFor("prod", { waf: { ...prod.waf, geo: { mode: "block", countries: ["de"] } } })).toThrow(
      /ISO 3166-1 alpha-2/,
    );
  });

  it("refuse challenge immunity times WAF does not take, and a token that dies before a ballot can be cast", () => {
    const { waf } = parametersFor("prod");
    expect(() =>
      parametersFor("prod", { waf: { ...waf, challenge: { ...waf.challenge, pageImmunitySeconds: 60 } } }),
    ).toThrow(/pageImmunitySeconds must be at least 300/);
    expect(() =>
      parametersFor("prod", { waf: { ...waf, challenge: { ...waf.challenge, tokenImmunitySeconds: 300_000 } } }),
    ).toThrow(/tokenImmunitySeconds must be at most 259200/);
    expect(() =>
      parametersFor("prod", {
        waf: { ...waf, challenge: { ...waf.challenge, tokenImmunitySeconds: waf.challenge.pageImmunitySeconds } },
      }),
    ).toThrow(/tokenImmunitySeconds must exceed pageImmunitySeconds by at least 3600 s/);
  });

  it("size production for 240,000 requests per second at the target CPU (the runbook's arithmetic)", () => {
    const { voteApi } = parametersFor("prod").services;
    const perTaskPerSecond = (voteApi.requestsPerTaskPerMinute ?? 0) / 60;
    // The maximum must carry the peak with one zone of three lost.
    expect(voteApi.maxTasks * perTaskPerSecond * (2 / 3)).toBeGreaterThanOrEqual(240_000);
  });
});

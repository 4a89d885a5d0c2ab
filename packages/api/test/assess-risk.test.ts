import { describe, expect, it } from "vitest";
import { loadConfig } from "@landslide/config";
import { assessRisk } from "../src/risk/assess-risk";
import { isHeadlessUserAgent } from "../src/risk/client-hints";
import type { RiskObservations } from "../src/risk/risk-signals";

const policy = loadConfig({}).risk;
const person: RiskObservations = {
  castsFromIpBlockThisMinute: 1,
  castsFromDeviceThisMinute: 1,
  accountsOnDevice: 1,
  accountAgeMs: 3 * 24 * 3600_000,
  inBadIpRange: false,
  inHostingNetwork: false,
  inAnonymizingNetwork: false,
  webdriver: false,
  headlessClient: false,
  challengeElapsedMs: 40_000,
  ballotConcentrated: false,
  implausibleInteraction: false,
};

describe("the risk score", () => {
  it("accepts an ordinary person with no signal", () => {
    expect(assessRisk(person, policy)).toEqual({ decision: "accept", score: 0, reasons: [] });
  });

  it("never quarantines on one weak signal, nor on the usual pair of a new account that votes quickly", () => {
    expect(assessRisk({ ...person, challengeElapsedMs: 200 }, policy).decision).toBe("accept");
    expect(assessRisk({ ...person, accountAgeMs: 60_000, challengeElapsedMs: 200 }, policy)).toMatchObject({
      decision: "accept",
      reasons: ["FAST_SOLVE", "NEW_ACCOUNT"],
    });
    expect(
      assessRisk({ ...person, castsFromIpBlockThisMinute: policy.ipBlockCastsPerMinute + 1 }, policy).decision,
    ).toBe("accept");
  });

  it("quarantines a household-sized device pool only when shared beyond the limit", () => {
    expect(assessRisk({ ...person, accountsOnDevice: policy.accountsPerDevice }, policy).decision).toBe("accept");
    expect(assessRisk({ ...person, accountsOnDevice: policy.accountsPerDevice + 1 }, policy)).toMatchObject({
      decision: "quarantine",
      reasons: ["SHARED_DEVICE"],
    });
  });

  it("holds a ballot of a coordinated group on that signal alone, and never refuses on it alone", () => {
    expect(assessRisk({ ...person, ballotConcentrated: true }, policy)).toEqual({
      decision: "quarantine",
      score: 50,
      reasons: ["COORDINATED_BALLOT"],
    });
    // A group of new accounts voting at once is still held, not refused: an official decides it.
    expect(
      assessRisk({ ...person, ballotConcentrated: true, accountAgeMs: 60_000, challengeElapsedMs: 900 }, policy)
        .decision,
    ).toBe("quarantine");
  });

  it("holds a new account whose ballot was filled in as no person fills one, and never more than holds on that pair", () => {
    const scripted = assessRisk({ ...person, implausibleInteraction: true, accountAgeMs: 60_000 }, policy);
    expect(scripted).toMatchObject({ decision: "quarantine", reasons: ["IMPLAUSIBLE_INTERACTION", "NEW_ACCOUNT"] });
    expect(assessRisk({ ...person, implausibleInteraction: true }, policy).decision).toBe("accept");
  });

  it("refuses a bot that lights up several signals, naming them strongest first", () => {
    const bot = {
      ...person,
      webdriver: true,
      accountsOnDevice: 20,
      challengeElapsedMs: 30,
      castsFromIpBlockThisMinute: 500,
    };
    expect(assessRisk(bot, policy)).toEqual({
      decision: "refuse",
      score: 60 + 50 + 30 + 30,
      reasons: ["AUTOMATION_DECLARED", "SHARED_DEVICE", "IP_BLOCK_VELOCITY", "FAST_SOLVE"],
    });
  });

  it("follows configured thresholds", () => {
    const strict = loadConfig({ LANDSLIDE_RISK_QUARANTINE_SCORE: "10", LANDSLIDE_RISK_REFUSE_SCORE: "30" }).risk;
    expect(assessRisk({ ...person, accountAgeMs: 1000 }, strict).decision).toBe("quarantine");
    expect(assessRisk({ ...person, challengeElapsedMs: 1 }, strict).decision).toBe("refuse");
  });
});

describe("client hints", () => {
  it("recognise headless browsers and bare HTTP libraries, not ordinary browsers", () => {
    expect(
      isHeadlessUserAgent(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe(true);
    expect(isHeadlessUserAgent("python-requests/2.32.3")).toBe(true);
    expect(isHeadlessUserAgent("node")).toBe(true);
    expect(isHeadlessUserAgent(undefined)).toBe(true);
    expect(
      isHeadlessUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe(false);
  });
});

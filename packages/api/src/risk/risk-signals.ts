import type { Config } from "@landslide/config";

/**
 * The signals the risk layer scores, with their weights. A single weak signal never quarantines
 * a ballot on its own (every weight below 50 is "weak"); bots are caught because they light up
 * several at once. The weights are part of the design, documented in docs/architecture.md; the
 * thresholds they are compared with are configuration.
 */
export const riskWeights = {
  /** The client reported `navigator.webdriver`: a browser driven by automation says so. */
  AUTOMATION_DECLARED: 60,
  /** A headless browser's or an HTTP library's user agent. */
  HEADLESS_CLIENT: 40,
  /** The address is in a configured bad range, or an imported list of networks known for abuse. */
  BAD_IP_RANGE: 60,
  /** The address is in an imported list of data-centre and hosting networks: where farms rent, and where VPNs exit. */
  HOSTING_NETWORK: 30,
  /** The address is a Tor exit or an open proxy from an imported list: farms hide there, and so do people who must. */
  ANONYMIZING_NETWORK: 30,
  /** One device key registered by more accounts than a household would share. */
  SHARED_DEVICE: 50,
  /** More casts from the address block this minute than the configured velocity. */
  IP_BLOCK_VELOCITY: 30,
  /** More casts from this device this minute than the configured velocity. */
  DEVICE_VELOCITY: 30,
  /** The human check came back sooner after it was issued than a person fills a ballot. */
  FAST_SOLVE: 30,
  /** The account was first seen (its first device bound) only minutes ago. */
  NEW_ACCOUNT: 15,
  /**
   * Many casts from this address block with the same answer, far more often than that answer comes
   * from anywhere else (ballot-concentration.ts): seen by the server alone, it holds a ballot on its
   * own for an official to look at with the rest of its group, and never refuses one on its own.
   */
  COORDINATED_BALLOT: 50,
  /**
   * The voter site reported a ballot filled in with no press or key at all, or with presses on a
   * timer (interaction-plausibility.ts). What the client says of itself: with a new account's 15 it
   * holds a ballot for review, never more; a cast that reports nothing (the SDK) is not scored.
   */
  IMPLAUSIBLE_INTERACTION: 35,
} as const;

export type RiskSignal = keyof typeof riskWeights;

/** What the API observed about one cast, gathered before the ballot is written. */
export interface RiskObservations {
  readonly castsFromIpBlockThisMinute: number;
  readonly castsFromDeviceThisMinute: number;
  readonly accountsOnDevice: number;
  /** Since the account's first device binding; undefined when unknown. */
  readonly accountAgeMs: number | undefined;
  readonly inBadIpRange: boolean;
  readonly inHostingNetwork: boolean;
  readonly inAnonymizingNetwork: boolean;
  readonly webdriver: boolean;
  readonly headlessClient: boolean;
  /** From challenge issue to this cast; undefined when the human check cannot say. */
  readonly challengeElapsedMs: number | undefined;
  /** This cast belongs to a group of same-answer casts from its block that luck does not explain. */
  readonly ballotConcentrated: boolean;
  /** The voter site's report of how the ballot was filled in is one no person produces; false when none was sent. */
  readonly implausibleInteraction: boolean;
}

/** The thresholds: the configured ones (defaults in @landslide/config); bad ranges are an observation. */
export type RiskPolicy = Omit<Config["risk"], "badIpRanges">;

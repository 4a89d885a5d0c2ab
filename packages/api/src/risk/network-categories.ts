/**
 * What an imported network list holds, which decides the risk signal a cast from it raises
 * (risk-signals.ts): data-centre and hosting ranges (HOSTING_NETWORK, weak: people vote through
 * VPNs), Tor exits and open proxies (ANONYMIZING_NETWORK, weak: so do dissidents), and networks
 * known for abuse (BAD_IP_RANGE, as the configured LANDSLIDE_RISK_BAD_IP_RANGES).
 */
export const networkCategories = ["hosting", "anonymizer", "abuse"] as const;
export type NetworkCategory = (typeof networkCategories)[number];

/** A list's name: lower-case letters, digits and "-", as an operator types it (tor-exits, aws-ranges). */
export const NETWORK_LIST_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Intervals per stored part of a list: well under DynamoDB's 400 KB item limit. */
export const INTERVALS_PER_PART = 4000;

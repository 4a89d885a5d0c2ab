import { isIPv6 } from "node:net";

export interface RateRule {
  /** What is counted: "ip" (by /24 or /64 block), "account" or "device" (key thumbprint). */
  readonly scope: "ip" | "account" | "device";
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RateCounter {
  hit(key: string, windowSeconds: number, now: Date): Promise<{ count: number; resetAt: Date }>;
}

export type RateDecision =
  | {
      readonly allowed: true;
      /** This window's count per scope, including this request: the risk score's velocity signals. */
      readonly counts: Readonly<Partial<Record<RateRule["scope"], number>>>;
    }
  | { readonly allowed: false; readonly scope: RateRule["scope"]; readonly retryAfterSeconds: number };

/**
 * Fixed-window limits, counted in one shared table so that they hold across every API task:
 * the arithmetic is exact (no per-process division), at the cost of one atomic write per rule
 * per request. A window may admit up to twice the limit across its boundary, the known price of
 * fixed windows; limits are set with that in mind. (A fixed window is a token bucket that refills
 * all at once at the window's edge; it needs one counter item instead of a read-modify-write.)
 */
export async function checkRateLimits(
  counter: RateCounter,
  rules: readonly RateRule[],
  subject: { readonly ip: string; readonly account?: string; readonly device?: string },
  action: string,
  now: Date,
): Promise<RateDecision> {
  const counts: Partial<Record<RateRule["scope"], number>> = {};
  for (const rule of rules) {
    const id = rule.scope === "ip" ? addressBlock(subject.ip) : subject[rule.scope];
    if (!id) continue;
    const { count, resetAt } = await counter.hit(`${action}#${rule.scope}#${id}`, rule.windowSeconds, now);
    if (count > rule.limit) {
      return { allowed: false, scope: rule.scope, retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)) };
    }
    counts[rule.scope] = count;
  }
  return { allowed: true, counts };
}

/** Addresses are limited by block: a /24 for IPv4, a /64 for IPv6 (what one subscriber usually holds). */
export function addressBlock(ip: string): string {
  const address = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  const parts = address.split(".");
  return parts.length === 4 ? `${parts.slice(0, 3).join(".")}.0/24` : address;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail = ""] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const missing = 8 - headParts.length - tailParts.length;
  return [...headParts, ...Array.from({ length: address.includes("::") ? missing : 0 }, () => "0"), ...tailParts].map((p) => p.padStart(4, "0"));
}

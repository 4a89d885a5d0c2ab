import { isIPv6 } from "node:net";

/** What is counted: "ip" (by /24 or /64 block), "account", "device" (key thumbprint) or "domain" (a sign-up's e-mail domain). */
export type RateScope = "ip" | "account" | "device" | "domain";

export interface RateRule<S extends RateScope = RateScope> {
  readonly scope: S;
  readonly limit: number;
  readonly windowSeconds: number;
  /** Counted across every task through the shared table (see RateLimiter); otherwise in this task only. */
  readonly shared: boolean;
}

/** The shared table's side: adds a task's hits to a key's window and answers the total. */
export interface SharedRateCounter {
  add(key: string, windowSeconds: number, at: Date, amount: number): Promise<{ count: number; resetAt: Date }>;
}

export type RateDecision<S extends RateScope = RateScope> =
  | {
      readonly allowed: true;
      /** This window's count per scope, including this request: the risk score's velocity signals. */
      readonly counts: Readonly<Partial<Record<S, number>>>;
    }
  | { readonly allowed: false; readonly scope: S; readonly retryAfterSeconds: number };

interface Window<S extends RateScope> {
  readonly key: string;
  readonly rule: RateRule<S>;
  readonly startsAt: Date;
  readonly resetAt: Date;
  /** The total across tasks at this task's last report (its own reported hits included). */
  known: number;
  /** This task's hits not yet reported. */
  pending: number;
}

/**
 * Fixed-window rate limits decided in memory, with no round trip on the request path.
 *
 * Address blocks are limited across every task: each task adds its hits to a shared counter in
 * DynamoDB at most once per `reportEveryMs` (one write per busy block per task per second, however
 * many requests) and learns the total from the answer. A task decides on `total at its last report
 * + its own hits since`: within one task the limit is exact, and across T tasks a block can pass
 * its limit only by what each task admits between its first new hit and that hit's report, at most
 * one second of that task's traffic. Batching the writes is also what keeps a hot block (a
 * carrier's NAT) from becoming a hot key in the table.
 *
 * A block's hits can also wait until it has `reportFrom` of them unreported in this task (or has
 * been reported before): with `reportFrom` 2, a block that sends one cast to a task in a window, as
 * nearly every residential network does, costs the table no write at all, so a cast stays one
 * write. The price is stated: across T tasks a block may pass its limit by T × (reportFrom − 1)
 * hits it spread thinner than that over the tasks, on top of the second of traffic above.
 *
 * Accounts and devices are limited per task: a voter's requests are few and the one-vote rule
 * makes repeats harmless, so these limits only stop a client hammering one task; across T tasks
 * behind a round-robin balancer a client may reach T times the limit, about the same per task.
 * A window may admit up to twice its limit across its boundary, the known price of fixed windows.
 */
export class RateLimiter<S extends RateScope = RateScope> {
  private readonly windows = new Map<string, Window<S>>();
  private timer: NodeJS.Timeout | undefined;
  private reporting: Promise<void> | undefined;

  constructor(
    private readonly shared: SharedRateCounter,
    /** The scopes a limiter is built with are the only ones its refusals can name. */
    private readonly rules: readonly RateRule<S>[],
    private readonly options: {
      readonly reportEveryMs: number;
      /** A block's unreported hits in this task before they are written (default 1: every hit, within reportEveryMs). */
      readonly reportFrom?: number;
      readonly onReportError?: (error: unknown) => void;
    } = { reportEveryMs: 1000 },
  ) {}

  /** Counts this request against every rule it falls under, unless one of them is already at its limit. */
  check(
    subject: { readonly ip: string; readonly account?: string; readonly device?: string; readonly domain?: string },
    action: string,
    now: Date,
  ): RateDecision<S> {
    const windows: Window<S>[] = [];
    for (const rule of this.rules) {
      const id = rule.scope === "ip" ? addressBlock(subject.ip) : subject[rule.scope];
      if (!id) continue;
      const window = this.windowFor(`${action}#${rule.scope}#${id}`, rule, now);
      if (window.known + window.pending + 1 > rule.limit) {
        return {
          allowed: false,
          scope: rule.scope,
          retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt.getTime() - now.getTime()) / 1000)),
        };
      }
      windows.push(window);
    }
    const counts: Partial<Record<S, number>> = {};
    for (const window of windows) {
      window.pending += 1;
      counts[window.rule.scope] = window.known + window.pending;
    }
    if (windows.some((w) => w.rule.shared)) this.scheduleReport();
    return { allowed: true, counts };
  }

  /** Reports every shared window's pending hits now (also called by the timer and on shutdown). */
  async report(now = new Date(), everything = false): Promise<void> {
    await this.reporting;
    this.reporting = this.reportPending(now, everything);
    await this.reporting;
  }

  /** Stops the timer and writes every hit still unreported, however few. */
  stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.report(new Date(), true);
  }

  private async reportPending(now: Date, everything: boolean): Promise<void> {
    const from = everything ? 1 : (this.options.reportFrom ?? 1);
    const due = [...this.windows.values()].filter(
      (w) => w.rule.shared && w.pending > 0 && (w.pending >= from || w.known > 0),
    );
    await Promise.all(
      due.map(async (window) => {
        const sent = window.pending;
        try {
          const { count } = await this.shared.add(window.key, window.rule.windowSeconds, window.startsAt, sent);
          window.pending -= sent;
          window.known = count;
        } catch (error) {
          this.options.onReportError?.(error); // the hits stay pending and go with the next report
        }
      }),
    );
    // A past window is forgotten once written, or at once if its hits were too few ever to be due.
    for (const [key, window] of this.windows)
      if (window.resetAt <= now && (window.pending === 0 || (window.known === 0 && window.pending < from)))
        this.windows.delete(key);
  }

  private scheduleReport(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.report();
    }, this.options.reportEveryMs);
    this.timer.unref();
  }

  private windowFor(key: string, rule: RateRule<S>, now: Date): Window<S> {
    const index = Math.floor(now.getTime() / 1000 / rule.windowSeconds);
    const mapKey = `${key}#${index}`;
    let window = this.windows.get(mapKey);
    if (!window) {
      window = {
        key,
        rule,
        startsAt: new Date(index * rule.windowSeconds * 1000),
        resetAt: new Date((index + 1) * rule.windowSeconds * 1000),
        known: 0,
        pending: 0,
      };
      this.windows.set(mapKey, window);
    }
    return window;
  }
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
  return [...headParts, ...Array.from({ length: address.includes("::") ? missing : 0 }, () => "0"), ...tailParts].map(
    (p) => p.padStart(4, "0"),
  );
}

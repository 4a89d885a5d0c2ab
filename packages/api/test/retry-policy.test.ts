import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  CAST_RETRY_POLICY,
  failedAttempt,
  parseRetryAfter,
  retryDelay,
  type RetryPolicy,
} from "../src/client/retry-policy";

const policy: RetryPolicy = { baseMs: 250, capMs: 4000, budgetMs: 15_000, attemptTimeoutMs: 5000 };
const shed = { kind: "overloaded", retryAfterMs: undefined } as const;
/** A seeded generator (mulberry32): many draws, the same in every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the cast's retry policy", () => {
  it("draws each wait uniformly below a ceiling that doubles from the base to the cap", () => {
    const ceilings = [250, 500, 1000, 2000, 4000, 4000, 4000];
    ceilings.forEach((ceiling, i) => {
      const attempts = i + 1;
      expect(retryDelay(policy, shed, { attempts, elapsedMs: 0 }, () => 0)).toBe(0);
      expect(retryDelay(policy, shed, { attempts, elapsedMs: 0 }, () => 0.5)).toBe(ceiling / 2);
      expect(retryDelay(policy, shed, { attempts, elapsedMs: 0 }, () => 0.999_999)).toBeCloseTo(ceiling, 0);
    });
    // Full jitter, not equal jitter: the draws cover the whole range below the ceiling.
    const random = seeded(7);
    const draws = Array.from({ length: 2000 }, () => retryDelay(policy, shed, { attempts: 4, elapsedMs: 0 }, random)!);
    expect(Math.min(...draws)).toBeLessThan(100);
    expect(Math.max(...draws)).toBeGreaterThan(1900);
    expect(Math.max(...draws)).toBeLessThan(2000);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(900);
    expect(mean).toBeLessThan(1100);
  });

  it("keeps sending until the budget is spent, which outlasts a task restart, and never waits past it", () => {
    // A task that refuses connections for 5.4 s (a restart): attempts keep coming after it is back.
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      let elapsedMs = 0;
      let attempts = 1;
      const sentAt = [0];
      for (;;) {
        const delay = retryDelay(policy, { kind: "no-answer" }, { attempts, elapsedMs }, random);
        if (delay === undefined) break;
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(policy.capMs);
        elapsedMs += delay + 5; // a refused connection answers in a few milliseconds
        attempts++;
        sentAt.push(elapsedMs);
      }
      expect(
        sentAt.some((t) => t > 5400),
        `seed ${seed}`,
      ).toBe(true);
      expect(sentAt.at(-1)!).toBeLessThanOrEqual(policy.budgetMs + 5);
      expect(elapsedMs).toBeGreaterThanOrEqual(policy.budgetMs - policy.capMs);
    }
    expect(retryDelay(policy, shed, { attempts: 9, elapsedMs: 14_900 }, () => 0.9)).toBe(100);
    expect(retryDelay(policy, shed, { attempts: 9, elapsedMs: 15_000 }, () => 0)).toBeUndefined();
    expect(CAST_RETRY_POLICY.budgetMs).toBeGreaterThan(5400 + CAST_RETRY_POLICY.capMs);
  });

  it("waits at least the Retry-After an answer names, spread by the jitter, and stops when it would pass the budget", () => {
    const overloaded = { kind: "overloaded", retryAfterMs: 1000 } as const;
    expect(retryDelay(policy, overloaded, { attempts: 1, elapsedMs: 0 }, () => 0)).toBe(1000);
    expect(retryDelay(policy, overloaded, { attempts: 3, elapsedMs: 0 }, () => 0.5)).toBe(1500);
    expect(
      retryDelay(policy, { kind: "unavailable", retryAfterMs: 3000 }, { attempts: 1, elapsedMs: 0 }, () => 0.999),
    ).toBeLessThan(3250);
    expect(
      retryDelay(policy, { kind: "unavailable", retryAfterMs: 20_000 }, { attempts: 1, elapsedMs: 0 }, () => 0),
    ).toBeUndefined();
    expect(retryDelay(policy, overloaded, { attempts: 2, elapsedMs: 14_500 }, () => 0)).toBeUndefined();
  });

  it("never retries a final answer", () => {
    expect(retryDelay(policy, { kind: "final" }, { attempts: 1, elapsedMs: 0 }, () => 0)).toBeUndefined();
  });

  it("sends a cast with a stale human check again at once (solving the new one is the wait), within the budget", () => {
    expect(retryDelay(policy, { kind: "stale-check" }, { attempts: 3, elapsedMs: 2000 }, () => 0.9)).toBe(0);
    expect(retryDelay(policy, { kind: "stale-check" }, { attempts: 9, elapsedMs: 15_000 }, () => 0)).toBeUndefined();
  });
});

describe("reading a failed attempt", () => {
  const answered = (httpStatus: number, reason: string | undefined, retryAfter?: string) =>
    new TRPCClientError("refused", {
      result: {
        error: { message: "refused", code: -32603, data: { httpStatus, ...(reason ? { reason } : {}) } },
      } as never,
      meta: {
        response: new Response("{}", { status: httpStatus, headers: retryAfter ? { "retry-after": retryAfter } : {} }),
      },
    });

  it("tells a shed answer from an unavailable one, with the Retry-After it named", () => {
    expect(failedAttempt(answered(503, "OVERLOADED", "2"))).toEqual({ kind: "overloaded", retryAfterMs: 2000 });
    expect(failedAttempt(answered(503, "ELECTION_STATE_STALE"))).toEqual({
      kind: "unavailable",
      retryAfterMs: undefined,
    });
    // The API could not reach its store (DynamoDB restarting): worth another attempt, after its Retry-After.
    expect(failedAttempt(answered(503, "STORE_UNAVAILABLE", "1"))).toEqual({ kind: "unavailable", retryAfterMs: 1000 });
    expect(failedAttempt(answered(502, undefined))).toMatchObject({ kind: "unavailable" });
    expect(failedAttempt(answered(504, undefined))).toMatchObject({ kind: "unavailable" });
  });

  it("reads a human check refused as too easy now, or expired, as one to solve again", () => {
    expect(failedAttempt(answered(403, "CHALLENGE_TOO_EASY"))).toEqual({ kind: "stale-check" });
    expect(failedAttempt(answered(403, "CHALLENGE_EXPIRED"))).toEqual({ kind: "stale-check" });
  });

  it("treats refusals, rate limits and faults as final", () => {
    for (const [status, reason] of [
      [400, "INVALID_BALLOT"],
      [409, "ALREADY_VOTED"],
      [429, "RATE_LIMITED"],
      [403, "CHALLENGE_USED"],
      [500, "INTERNAL"],
    ] as const) {
      expect(failedAttempt(answered(status, reason, "5")), reason).toEqual({ kind: "final" });
    }
    expect(failedAttempt(new Error("the human check could not be solved"))).toEqual({ kind: "final" });
    expect(failedAttempt(TRPCClientError.from(Object.assign(new Error("no session"), { name: "AuthError" })))).toEqual({
      kind: "final",
    });
  });

  it("reads no answer and a timeout as worth another attempt", () => {
    expect(failedAttempt(TRPCClientError.from(new TypeError("fetch failed")))).toEqual({ kind: "no-answer" });
    expect(failedAttempt(TRPCClientError.from(new SyntaxError("Unexpected token '<'")))).toEqual({ kind: "no-answer" });
    expect(failedAttempt(TRPCClientError.from(new DOMException("signal timed out", "TimeoutError")))).toEqual({
      kind: "timeout",
    });
  });

  it("reads Retry-After as seconds or as a date", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 25 Nov 2026 12:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Wed, 25 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

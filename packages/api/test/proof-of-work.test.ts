import { describe, expect, it } from "vitest";
import { InMemoryNonceStore } from "@landslide/vote-engine/memory";
import { LoadGauge } from "../src/human-check/load-gauge";
import { ProofOfWorkCheck } from "../src/human-check/proof-of-work";
import { solveChallenge } from "../src/human-check/solve";

const secret = new Uint8Array(32).fill(7);
const here = { remoteIp: "127.0.0.1" };

describe("the proof-of-work human check", () => {
  it("accepts a solved challenge once, and refuses it once it has expired", async () => {
    let now = new Date("2026-11-25T12:00:00Z");
    const check = new ProofOfWorkCheck({
      secret,
      nonces: new InMemoryNonceStore(),
      clock: { now: () => now },
      difficulty: () => 2000,
      ttlMs: 60_000,
    });
    const challenge = await check.issue(here);
    expect(challenge.maxNumber).toBe(2000);
    const solution = (await solveChallenge(challenge))!;
    expect(await check.verify(solution, here)).toMatchObject({ ok: true });
    expect(await check.verify(solution, here)).toMatchObject({ ok: false, reason: "CHALLENGE_REUSED" });

    const later = (await solveChallenge(await check.issue(here)))!;
    now = new Date(now.getTime() + 61_000);
    expect(await check.verify(later, here)).toMatchObject({ ok: false, reason: "CHALLENGE_EXPIRED" });
  });

  it("issued to an account, serves that account alone and leaves single use to its one-per-voter write: no nonce is written", async () => {
    const nonces = new InMemoryNonceStore();
    const check = new ProofOfWorkCheck({ secret, nonces, clock: { now: () => new Date() }, difficulty: () => 2000 });
    const solution = (await solveChallenge(await check.issue({ ...here, subject: "ada-lovelace" })))!;
    expect(solution.salt).not.toContain("ada-lovelace");
    expect(await check.verify(solution, { ...here, subject: "bob" })).toMatchObject({
      ok: false,
      reason: "CHALLENGE_INVALID",
    });
    expect(await check.verify(solution, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
    expect(await check.verify(solution, { ...here, subject: "ada-lovelace" })).toMatchObject({
      ok: true,
      boundToAccount: true,
    });
    // Moving the account tag onto a challenge issued to nobody breaks its signature.
    const unbound = (await solveChallenge(await check.issue(here)))!;
    const tag = /&for=[^&]+/.exec(solution.salt)![0];
    expect(
      await check.verify({ ...unbound, salt: unbound.salt + tag }, { ...here, subject: "ada-lovelace" }),
    ).toMatchObject({
      ok: false,
      reason: "CHALLENGE_INVALID",
    });
    expect(await nonces.useOnce(`challenge:${solution.challenge}`)).toBe(true);
  });

  it("refuses a challenge whose salt was edited to be easier or to live longer", async () => {
    const check = new ProofOfWorkCheck({
      secret,
      nonces: new InMemoryNonceStore(),
      clock: { now: () => new Date() },
      difficulty: () => 2000,
    });
    const solution = (await solveChallenge(await check.issue(here)))!;
    const longer = { ...solution, salt: solution.salt.replace(/expires=\d+/, "expires=9999999999") };
    expect(await check.verify(longer, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
  });

  it("refuses challenges signed with another deployment's key", async () => {
    const ours = new ProofOfWorkCheck({
      secret,
      nonces: new InMemoryNonceStore(),
      clock: { now: () => new Date() },
      difficulty: () => 2000,
    });
    const theirs = new ProofOfWorkCheck({
      secret: new Uint8Array(32).fill(9),
      nonces: new InMemoryNonceStore(),
      clock: { now: () => new Date() },
      difficulty: () => 2000,
    });
    const solution = (await solveChallenge(await theirs.issue(here)))!;
    expect(await ours.verify(solution, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
  });
});

describe("difficulty under load", () => {
  it("asks twice the work while the load is high, yet still accepts a challenge issued when it was calm", async () => {
    let now = Date.parse("2026-11-25T12:00:00Z");
    const gauge = new LoadGauge(10, () => now);
    const check = new ProofOfWorkCheck({
      secret,
      nonces: new InMemoryNonceStore(),
      clock: { now: () => new Date(now) },
      difficulty: () => 1000,
      issueDifficulty: () => (gauge.perSecond() > 5 ? 2000 : 1000),
    });
    const calm = await check.issue(here);
    expect(calm.maxNumber).toBe(1000);
    for (let i = 0; i < 100; i++) gauge.tick(); // 100 casts in a second: 10 a second over the window
    expect(gauge.perSecond()).toBe(10);
    expect((await check.issue(here)).maxNumber).toBe(2000);
    expect(await check.verify(await solveChallenge(calm), here)).toMatchObject({ ok: true });
    now += 11_000; // the burst has left the window
    expect(gauge.perSecond()).toBe(0);
    expect((await check.issue(here)).maxNumber).toBe(1000);
  });
});

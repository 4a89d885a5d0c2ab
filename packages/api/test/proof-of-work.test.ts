import { describe, expect, it } from "vitest";
import { InMemoryNonceStore } from "@landslide/vote-engine/memory";
import { ProofOfWorkCheck } from "../src/human-check/proof-of-work";
import { solveChallenge } from "../src/human-check/solve";

const secret = new Uint8Array(32).fill(7);
const here = { remoteIp: "127.0.0.1" };

describe("the proof-of-work human check", () => {
  it("accepts a solved challenge once, and refuses it once it has expired", async () => {
    let now = new Date("2026-11-25T12:00:00Z");
    const check = new ProofOfWorkCheck({ secret, nonces: new InMemoryNonceStore(), clock: { now: () => now }, difficulty: () => 2000, ttlMs: 60_000 });
    const challenge = await check.issue(here);
    expect(challenge.maxNumber).toBe(2000);
    const solution = (await solveChallenge(challenge))!;
    expect(await check.verify(solution, here)).toMatchObject({ ok: true });
    expect(await check.verify(solution, here)).toMatchObject({ ok: false, reason: "CHALLENGE_REUSED" });

    const later = (await solveChallenge(await check.issue(here)))!;
    now = new Date(now.getTime() + 61_000);
    expect(await check.verify(later, here)).toMatchObject({ ok: false, reason: "CHALLENGE_EXPIRED" });
  });

  it("refuses a challenge whose salt was edited to be easier or to live longer", async () => {
    const check = new ProofOfWorkCheck({ secret, nonces: new InMemoryNonceStore(), clock: { now: () => new Date() }, difficulty: () => 2000 });
    const solution = (await solveChallenge(await check.issue(here)))!;
    const longer = { ...solution, salt: solution.salt.replace(/expires=\d+/, "expires=9999999999") };
    expect(await check.verify(longer, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
  });

  it("refuses challenges signed with another deployment's key", async () => {
    const ours = new ProofOfWorkCheck({ secret, nonces: new InMemoryNonceStore(), clock: { now: () => new Date() }, difficulty: () => 2000 });
    const theirs = new ProofOfWorkCheck({ secret: new Uint8Array(32).fill(9), nonces: new InMemoryNonceStore(), clock: { now: () => new Date() }, difficulty: () => 2000 });
    const solution = (await solveChallenge(await theirs.issue(here)))!;
    expect(await ours.verify(solution, here)).toMatchObject({ ok: false, reason: "CHALLENGE_INVALID" });
  });
});

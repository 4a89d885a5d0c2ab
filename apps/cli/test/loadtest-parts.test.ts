import { EmbeddedJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createProof } from "@landslide/api/client";
import { parseDuration } from "../src/lib/loadtest/duration";
import { percentiles } from "../src/lib/loadtest/latency";
import { randomBallot } from "../src/lib/loadtest/random-ballot";
import { voterDeviceKey } from "../src/lib/loadtest/voter-device";

describe("the load test's parts", () => {
  it("reads durations as people write them, and refuses the rest", () => {
    expect([
      parseDuration("20s"),
      parseDuration("2m"),
      parseDuration("1500ms"),
      parseDuration("1.5"),
      parseDuration(" 3s "),
    ]).toEqual([20_000, 120_000, 1500, 1500, 3000]);
    for (const bad of ["soon", "0s", "-1s", "20 s", "1h", ""]) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it("fills every question within its rules, varying the choices", () => {
    const election = {
      questions: [
        { id: "one", minChoices: 1, maxChoices: 1, options: [{ id: "a" }, { id: "b" }] },
        { id: "some", minChoices: 1, maxChoices: 2, options: [{ id: "x" }, { id: "y" }, { id: "z" }] },
        { id: "rank", minChoices: 2, maxChoices: 3, options: [{ id: "p" }, { id: "q" }, { id: "r" }] },
      ],
    };
    const ballots = Array.from({ length: 200 }, () => randomBallot(election));
    for (const { answers } of ballots) {
      for (const question of election.questions) {
        const choices = answers[question.id]!.choices;
        expect(choices.length).toBeGreaterThanOrEqual(question.minChoices);
        expect(choices.length).toBeLessThanOrEqual(question.maxChoices);
        expect(new Set(choices).size).toBe(choices.length);
        for (const choice of choices) expect(question.options.map((o) => o.id)).toContain(choice);
      }
    }
    expect(new Set(ballots.map((b) => b.answers.one!.choices[0])).size).toBe(2);
    expect(new Set(ballots.map((b) => b.answers.rank!.choices.join(">"))).size).toBeGreaterThan(6);
  });

  it("gives each test voter one device key, the same in every run, that signs valid device proofs", async () => {
    const secret = Buffer.alloc(32, 7);
    const [first, again, other, otherSecret] = await Promise.all([
      voterDeviceKey(secret, "loadtest-000001@loadtest.landslide.test"),
      voterDeviceKey(secret, "loadtest-000001@loadtest.landslide.test"),
      voterDeviceKey(secret, "loadtest-000002@loadtest.landslide.test"),
      voterDeviceKey(Buffer.alloc(32, 8), "loadtest-000001@loadtest.landslide.test"),
    ]);
    expect(again.thumbprint).toBe(first.thumbprint);
    expect(other.thumbprint).not.toBe(first.thumbprint);
    expect(otherSecret.thumbprint).not.toBe(first.thumbprint);
    const proof = await createProof(first, {
      method: "POST",
      url: "http://127.0.0.1:4000/trpc/voter.cast",
      accessToken: "token",
      input: { a: 1 },
    });
    const { protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt" });
    expect(protectedHeader.jwk).toEqual(first.publicJwk);
  });
});

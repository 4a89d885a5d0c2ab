import { EmbeddedJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createProof } from "@landslide/api/client";
import { parseDuration } from "../src/lib/loadtest/duration";
import { percentiles } from "../src/lib/loadtest/latency";
import { type Election, electionDefinitionSchema, validateBallot } from "@landslide/vote-engine";
import { type RandomAnswer, randomBallot } from "../src/lib/loadtest/random-ballot";
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
    const choicesOf = (answer: RandomAnswer | undefined) => (answer && "choices" in answer ? answer.choices : []);
    for (const { answers } of ballots) {
      for (const question of election.questions) {
        const choices = choicesOf(answers[question.id]);
        expect(choices.length).toBeGreaterThanOrEqual(question.minChoices);
        expect(choices.length).toBeLessThanOrEqual(question.maxChoices);
        expect(new Set(choices).size).toBe(choices.length);
        for (const choice of choices) expect(question.options.map((o) => o.id)).toContain(choice);
      }
    }
    expect(new Set(ballots.map((b) => choicesOf(b.answers.one)[0])).size).toBe(2);
    expect(new Set(ballots.map((b) => choicesOf(b.answers.rank).join(">"))).size).toBeGreaterThan(6);
  });

  it("scores every option of a score question within its range, as the vote API takes them", () => {
    const election: Election = {
      ...electionDefinitionSchema.parse({
        id: "0e3d8a57-0d8f-4f7e-9f3a-5b2f0d6c1a11",
        title: "Capital",
        questions: [
          {
            id: "capital",
            kind: "score",
            prompt: "Score each city",
            options: ["memphis", "nashville", "chattanooga"].map((id) => ({ id, label: id })),
            scoreRange: { min: 1, max: 3 },
            counting: { method: "star", seats: 1 },
          },
          {
            id: "parks",
            kind: "score",
            prompt: "Score each park",
            options: ["north", "south"].map((id) => ({ id, label: id })),
          },
          {
            id: "ferry",
            kind: "single",
            prompt: "Keep the ferry?",
            options: ["yes", "no"].map((id) => ({ id, label: id })),
          },
        ],
      }),
      status: "open",
    };
    const seen = new Set<string>();
    // Mostly the lowest, so that ballots scoring nothing above it come up and must be mended.
    const lowish = () => (Math.random() < 0.9 ? 0 : Math.random());
    for (let i = 0; i < 300; i++) {
      const ballot = randomBallot(election, i % 2 ? lowish : Math.random);
      const checked = validateBallot(election, ballot);
      expect(checked, JSON.stringify(ballot)).toMatchObject({ ok: true });
      const capital = ballot.answers.capital!;
      expect(Object.keys("scores" in capital ? capital.scores : {})).toEqual(["memphis", "nashville", "chattanooga"]);
      for (const [id, answer] of Object.entries(ballot.answers))
        if ("scores" in answer)
          for (const [option, score] of Object.entries(answer.scores)) seen.add(`${id}#${option}=${score}`);
    }
    // Every score of each range comes up, and nothing outside it (the default range is 0 to 5).
    for (const option of ["memphis", "nashville", "chattanooga"])
      for (const score of [1, 2, 3]) expect(seen).toContain(`capital#${option}=${score}`);
    for (const score of [0, 1, 2, 3, 4, 5]) expect(seen).toContain(`parks#north=${score}`);
    expect([...seen].filter((s) => /^capital#.*=(0|4|5)$/.test(s))).toEqual([]);
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

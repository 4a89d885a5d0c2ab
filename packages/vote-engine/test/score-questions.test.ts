import { describe, expect, it } from "vitest";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { auditBundleSchema, verifyBundle } from "../src/audit";
import { canonicalBallotSchema } from "../src/ballot/canonical-answer-schema";
import { canonicalBallotJson } from "../src/ballot/canonical-json";
import { type CanonicalBallot, validateBallot } from "../src/ballot/validate-ballot";
import { countingOf } from "../src/election/counting-rules";
import { type Election, electionDefinitionSchema, questionSchema } from "../src/election/definition";
import { optionCounter, TURNOUT } from "../src/tally/counter-keys";
import { recount } from "../src/tally/recount";
import { buildResultsSnapshot } from "../src/tally/results-snapshot";
import { tallyDelta } from "../src/tally/tally-delta";
import { buildAuditBundle } from "../src/testing/audit-bundle-fixture";
import type { StoredVote } from "../src/vote/stored-vote";

/**
 * A score question lets each voter give every option a whole-number score within its range; it
 * is counted by score voting or by STAR. The ballot, the live tally, the recount and the audit
 * bundle all read the same scores.
 */

const ELECTION_ID = "0e3d8a57-0d8f-4f7e-9f3a-5b2f0d6c1a11";
const capital = (extra: object = {}) => ({
  id: "capital",
  kind: "score" as const,
  prompt: "Score each city as the capital",
  options: ["memphis", "nashville", "chattanooga", "knoxville"].map((id) => ({ id, label: id })),
  ...extra,
});

const electionWith = (question: object, allowAbstain = false): Election => ({
  ...electionDefinitionSchema.parse({ id: ELECTION_ID, title: "Capital", questions: [question], allowAbstain }),
  status: "open",
});

const problemOf = (question: object): string | undefined => {
  const parsed = questionSchema.safeParse(question);
  return parsed.success ? undefined : parsed.error.issues.map((i) => i.message).join("; ");
};

describe("a score question", () => {
  it("is counted by score voting unless it names STAR, scored 0 to 5 unless it names its range", () => {
    const parsed = questionSchema.parse(capital());
    expect(countingOf(parsed)).toEqual({ method: "score", seats: 1 });
    expect(parsed.scoreRange).toBeUndefined();
    expect(problemOf(capital({ counting: { method: "star", seats: 1 }, scoreRange: { min: 1, max: 10 } }))).toBe(
      undefined,
    );
    expect(problemOf(capital({ counting: { method: "score", seats: 2 } }))).toBeUndefined();
  });

  it("refuses, in words, a range or method that does not fit", () => {
    expect(problemOf(capital({ scoreRange: { min: 3, max: 3 } }))).toMatch(/at most 1|below the highest/);
    expect(problemOf(capital({ scoreRange: { min: 0, max: 11 } }))).toMatch(/<=10/);
    expect(problemOf(capital({ scoreRange: { min: 0, max: 2.5 } }))).toMatch(/expected int/);
    expect(problemOf(capital({ counting: { method: "star", seats: 2 } }))).toBe("star fills one seat");
    expect(problemOf(capital({ counting: { method: "schulze", seats: 1 } }))).toBe(
      "schulze counts ranked questions, not score ones",
    );
    expect(problemOf({ ...capital(), kind: "ranked", scoreRange: { min: 0, max: 5 } })).toBe(
      "only score questions have a score range",
    );
  });
});

describe("a score ballot", () => {
  const election = electionWith(capital(), true);
  const cast = (answer: object) => validateBallot(election, { answers: { capital: answer } });

  it("is stored with every option's score in the ballot's order, the lowest for an option left out", () => {
    const result = cast({ scores: { knoxville: 2, nashville: 5 } });
    expect(result).toEqual({
      ok: true,
      value: [["capital", { scores: { memphis: 0, nashville: 5, chattanooga: 0, knoxville: 2 } }]],
    });
    // The same meaning written otherwise encodes the same: idempotency and commitments rely on it.
    const same = cast({ scores: { nashville: 5, memphis: 0, knoxville: 2, chattanooga: -0 } });
    expect(same.ok && canonicalBallotJson(same.value)).toBe(result.ok && canonicalBallotJson(result.value));
  });

  it.each([
    ["a score above the range", { scores: { memphis: 6 } }, "INVALID_BALLOT"],
    ["a score below the range", { scores: { memphis: -1, nashville: 3 } }, "INVALID_BALLOT"],
    ["a score that is not a whole number", { scores: { memphis: 2.5 } }, "INVALID_BALLOT"],
    ["a score that is not a number", { scores: { memphis: "5" } }, "INVALID_BALLOT"],
    ["an option the question does not have", { scores: { atlanta: 5 } }, "UNKNOWN_OPTION"],
    ["nothing scored above the lowest", { scores: { memphis: 0 } }, "TOO_FEW_CHOICES"],
    ["no scores at all", { scores: {} }, "TOO_FEW_CHOICES"],
    ["choices instead of scores", { choices: ["memphis"] }, "INVALID_BALLOT"],
  ])("is refused with %s", (_, answer, code) => {
    const result = cast(answer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it("is refused on a question that takes choices, and a score question still takes an abstention", () => {
    const single = electionWith({ ...capital(), kind: "single" });
    const result = validateBallot(single, { answers: { capital: { scores: { memphis: 5 } } } });
    expect(!result.ok && result.error).toMatchObject({
      code: "INVALID_BALLOT",
      details: { problem: "wrong-answer-form" },
    });
    expect(cast({ abstain: true })).toEqual({ ok: true, value: [["capital", "abstain"]] });
  });

  it("reads back from the votes stream and the audit bundle as it was stored", () => {
    const result = cast({ scores: { nashville: 5, knoxville: 2 } });
    if (!result.ok) throw new Error(result.error.message);
    expect(canonicalBallotSchema.parse(JSON.parse(canonicalBallotJson(result.value)))).toEqual(result.value);
    // A stored score is a whole number: a forged fraction is no canonical ballot.
    expect(canonicalBallotSchema.safeParse([["capital", { scores: { memphis: 0.5 } }]]).success).toBe(false);
  });
});

// Wikipedia, "STAR voting", section "Example": the Tennessee capital election, 100 voters in four
// blocs scoring 0 to 5. Score voting elects Nashville; STAR's runoff is Nashville against
// Chattanooga, 68 to 32.
const TENNESSEE: ReadonlyArray<readonly [voters: number, scores: Record<string, number>]> = [
  [42, { memphis: 5, nashville: 2, chattanooga: 1, knoxville: 0 }],
  [26, { memphis: 0, nashville: 5, chattanooga: 2, knoxville: 2 }],
  [15, { memphis: 0, nashville: 3, chattanooga: 5, knoxville: 4 }],
  [17, { memphis: 0, nashville: 2, chattanooga: 4, knoxville: 5 }],
];

async function counted(question: object, weightOf: (i: number) => number = () => 1) {
  const election = { ...electionWith(question), status: "closed" as const };
  const ballots: CanonicalBallot[] = TENNESSEE.flatMap(([voters, scores]) =>
    Array.from({ length: voters }, () => {
      const result = validateBallot(election, { answers: { capital: { scores } } });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    }),
  );
  async function* votes(): AsyncIterable<StoredVote> {
    let i = 0;
    for (const ballot of ballots) {
      const weight = weightOf(i);
      yield {
        electionId: election.id,
        voterKey: `v${i++}`,
        state: "accepted",
        ballot,
        ...(weight === 1 ? {} : { receipt: { weight } }),
      } as unknown as StoredVote;
    }
  }
  const changes = ballots.map((ballot, i) => ({
    sequenceNumber: String(i),
    kind: "INSERT" as const,
    electionId: election.id,
    voterKey: `v${i}`,
    state: "accepted" as const,
    ballot,
    ...(weightOf(i) === 1 ? {} : { weight: weightOf(i) }),
  }));
  const live = tallyDelta(changes).get(election.id)!;
  return { election, live, recounted: await recount(election, votes(), { sha256: nodeEntropy.sha256 }) };
}

describe("counting score ballots", () => {
  it("keeps each option's total score live, which the recount and the snapshot agree on", async () => {
    const { election, live, recounted } = await counted(capital());
    // Nashville: 42×2 + 26×5 + 15×3 + 17×2 = 293, the most.
    expect(live.get(optionCounter("capital", "nashville"))).toBe(293);
    expect(live.get(optionCounter("capital", "memphis"))).toBe(210);
    expect(live.get(TURNOUT)).toBe(100);
    expect([...recounted.counters].sort()).toEqual([...live].filter(([k]) => !k.startsWith("__v")).sort());
    expect(recounted.counts.capital).toMatchObject({ method: "score", winners: ["nashville"] });

    const snapshot = buildResultsSnapshot(election, live, new Date("2026-12-04T12:00:00Z"));
    expect(snapshot.questions[0]).toMatchObject({
      kind: "score",
      counts: "scores",
      counting: { method: "score", seats: 1 },
      scoreRange: { min: 0, max: 5 },
    });
    expect(snapshot.questions[0]!.options.find((o) => o.id === "chattanooga")!.votes).toBe(42 + 52 + 75 + 68);
  });

  it("runs STAR's automatic runoff between the two highest totals: Nashville beats Chattanooga 68 to 32", async () => {
    const { recounted } = await counted(capital({ counting: { method: "star", seats: 1 } }));
    const count = recounted.counts.capital!;
    expect(count.method).toBe("star");
    expect(count.rounds[1]!.tallies).toEqual({ nashville: 68, chattanooga: 32 });
    expect(count.winners).toEqual(["nashville"]);
  });

  it("multiplies every score by the voter's weight, live and in the recount", async () => {
    // The first Memphis voter weighs 200: Memphis's total passes Nashville's.
    const { live, recounted } = await counted(capital(), (i) => (i === 0 ? 200 : 1));
    expect(live.get(optionCounter("capital", "memphis"))).toBe(210 + 199 * 5);
    expect(recounted.counts.capital!.winners).toEqual(["memphis"]);
    expect(recounted.counters.get(optionCounter("capital", "memphis"))).toBe(210 + 199 * 5);
  });
});

describe("an audit bundle of a STAR question", () => {
  it("publishes the scored ballots and the count, which the verifier counts again and finds equal", async () => {
    const { bundle } = await buildAuditBundle({
      ballots: 60,
      seed: 5,
      election: (demo) => ({
        ...demo,
        questions: demo.questions.map((q) =>
          q.kind === "ranked"
            ? { ...q, kind: "score", minChoices: 1, maxChoices: 1, counting: { method: "star", seats: 1 } }
            : q,
        ),
      }),
    });
    const star = bundle.election.questions.find((q) => q.kind === "score")!;
    expect(bundle.result.counts![star.id]).toMatchObject({ method: "star", seats: 1 });
    expect(bundle.ballots.some((b) => b.ballot.some(([, answer]) => answer !== "abstain" && "scores" in answer))).toBe(
      true,
    );
    const read = auditBundleSchema.parse(JSON.parse(JSON.stringify(bundle)));
    const report = await verifyBundle({ sha256: nodeEntropy.sha256, verifyEd25519 }, read);
    expect(report.discrepancies).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

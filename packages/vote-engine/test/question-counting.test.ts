import { describe, expect, it } from "vitest";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { type AuditBundle, auditBundleSchema, verifyBundle } from "../src/audit";
import type { CanonicalBallot } from "../src/ballot/validate-ballot";
import { countingOf } from "../src/election/counting-rules";
import { checkTieRule } from "../src/election/tie-rule";
import { type Election, electionDefinitionSchema, questionSchema } from "../src/election/definition";
import { demoElection } from "../src/election/demo";
import { recount } from "../src/tally/recount";
import { buildAuditBundle } from "../src/testing/audit-bundle-fixture";
import type { StoredVote } from "../src/vote/stored-vote";

/**
 * A question names its counting method and seats, an election its tie rule; the recount counts
 * every question by its own method, and a v5 audit bundle publishes those counts, which the
 * verifier counts again.
 */

const sha256 = nodeEntropy.sha256;
const options = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));

const ranked = (counting?: object, ids = ["a", "b", "c", "d", "e"]) => ({
  id: "board",
  kind: "ranked" as const,
  prompt: "Elect the board",
  options: options(...ids),
  minChoices: 1,
  maxChoices: ids.length,
  ...(counting ? { counting } : {}),
});

const problemOf = (question: object): string | undefined => {
  const parsed = questionSchema.safeParse(question);
  return parsed.success ? undefined : parsed.error.issues.map((i) => i.message).join("; ");
};

describe("a question's counting method and seats", () => {
  it("defaults to what its kind has always meant: plurality, approval, instant runoff, one seat", () => {
    expect(countingOf({ kind: "single" })).toEqual({ method: "plurality", seats: 1 });
    expect(countingOf({ kind: "multi" })).toEqual({ method: "approval", seats: 1 });
    expect(countingOf({ kind: "ranked" })).toEqual({ method: "instant-runoff", seats: 1 });
    expect(countingOf({ kind: "ranked", counting: { method: "stv-meek", seats: 3 } })).toEqual({
      method: "stv-meek",
      seats: 3,
    });
  });

  it("accepts each method on the kind of question whose marks it reads", () => {
    expect(problemOf(ranked({ method: "stv-meek", seats: 3 }))).toBeUndefined();
    expect(problemOf(ranked({ method: "stv-scottish", seats: 2 }))).toBeUndefined();
    expect(problemOf(ranked({ method: "schulze", seats: 1 }))).toBeUndefined();
    expect(problemOf(ranked({ method: "instant-runoff", seats: 1, batchElimination: true }))).toBeUndefined();
    expect(problemOf({ ...ranked(), kind: "single", maxChoices: 1, counting: { method: "plurality", seats: 2 } })).toBe(
      undefined,
    );
    expect(problemOf({ ...ranked(), kind: "multi", counting: { method: "approval", seats: 3 } })).toBeUndefined();
  });

  it("refuses, in words, a method that cannot count the question as defined", () => {
    expect(problemOf({ ...ranked(), kind: "single", maxChoices: 1, counting: { method: "stv-meek", seats: 2 } })).toBe(
      "stv-meek counts ranked questions, not single ones",
    );
    expect(problemOf({ ...ranked(), kind: "multi", counting: { method: "plurality", seats: 1 } })).toBe(
      "plurality counts single questions, not multi ones",
    );
    expect(problemOf(ranked({ method: "schulze", seats: 2 }))).toBe("schulze fills one seat");
    expect(problemOf(ranked({ method: "stv-meek", seats: 5 }))).toBe("a question needs more options than seats");
    expect(problemOf(ranked({ method: "star", seats: 1 }))).toBe("star counts score questions, not ranked ones");
    expect(problemOf(ranked({ method: "schulze", seats: 1, batchElimination: true }))).toBe(
      "batch elimination is for instant runoff",
    );
    expect(problemOf(ranked({ method: "stv-meek", seats: 0 }))).toMatch(/>=1/);
    expect(problemOf(ranked({ method: "hare", seats: 1 }))).toMatch(/Invalid option/);
  });
});

describe("an election's tie rule", () => {
  const definition = {
    id: "7b0cf54e-52a4-4bde-9d55-70a6a73d5a38",
    title: "Board",
    questions: [ranked({ method: "stv-meek", seats: 2 }, ["a", "b", "c"])],
  };
  const problemOf = (tieRule: object): string | undefined => {
    const parsed = electionDefinitionSchema.safeParse({ ...definition, tieRule });
    if (!parsed.success) return parsed.error.issues.map((i) => i.message).join("; ");
    const checked = checkTieRule(parsed.data);
    return checked.ok ? undefined : checked.error.message;
  };

  it("takes the option order, a lot from a published seed, or a recorded draw of every option", () => {
    expect(problemOf({ rule: "option-order" })).toBeUndefined();
    expect(problemOf({ rule: "lot", seed: "published 2026-11-30 by the returning officer" })).toBeUndefined();
    expect(problemOf({ rule: "recorded-draw", draws: { board: ["c", "a", "b"] } })).toBeUndefined();
  });

  it("refuses a seed short enough to guess, and a draw that leaves out an option or names another question", () => {
    expect(problemOf({ rule: "lot", seed: "1234" })).toMatch(/>=16 characters/);
    expect(problemOf({ rule: "recorded-draw", draws: { board: ["c", "a"] } })).toBe(
      'The recorded draw for the question "board" must list each of its options once.',
    );
    expect(problemOf({ rule: "recorded-draw", draws: { board: ["c", "a", "a"] } })).toBe(
      'The recorded draw for the question "board" must list each of its options once.',
    );
    expect(problemOf({ rule: "recorded-draw", draws: { board: ["c", "a", "b"], other: ["x", "y"] } })).toBe(
      'The recorded draw names the question "other", which the election does not ask.',
    );
    expect(problemOf({ rule: "recorded-draw", draws: {} })).toBe(
      'The recorded draw has no order for the question "board".',
    );
  });
});

/** An election of one question, counted from the given answers (every ballot accepted). */
async function recountOf(question: object, answers: ReadonlyArray<CanonicalBallot[number][1]>, tieRule?: object) {
  const election = {
    ...electionDefinitionSchema.parse({
      id: "7b0cf54e-52a4-4bde-9d55-70a6a73d5a38",
      title: "Board",
      questions: [question],
      ...(tieRule ? { tieRule } : {}),
    }),
    status: "closed",
  } as Election;
  async function* votes(): AsyncIterable<StoredVote> {
    let n = 0;
    for (const answer of answers)
      yield {
        electionId: election.id,
        voterKey: `v${++n}`,
        state: "accepted",
        ballot: [["board", answer]],
      } as unknown as StoredVote;
  }
  return { election, votes };
}

describe("the recount counts every question by its own method", () => {
  it("elects three by Meek STV, with the quota and the transfers between rounds", async () => {
    // 5 options, 3 seats, 20 ballots: a's surplus flows to b; e, then d, are eliminated.
    const ballots = [
      ...Array<CanonicalBallot[number][1]>(8).fill({ ranking: ["a", "b", "c"] }),
      ...Array<CanonicalBallot[number][1]>(4).fill({ ranking: ["b", "c"] }),
      ...Array<CanonicalBallot[number][1]>(4).fill({ ranking: ["c", "b"] }),
      ...Array<CanonicalBallot[number][1]>(3).fill({ ranking: ["d", "c"] }),
      { ranking: ["e", "d"] },
    ];
    const { election, votes } = await recountOf(ranked({ method: "stv-meek", seats: 3 }), ballots);
    const { counts, instantRunoff } = await recount(election, votes(), { sha256 });
    const count = counts.board!;
    expect(count.method).toBe("stv-meek");
    expect(count.seats).toBe(3);
    expect([...count.winners].sort()).toEqual(["a", "b", "c"]);
    // Droop quota of 20 votes for 3 seats: 20 / 4, plus the smallest unit.
    expect(count.rounds[0]!.quota).toBeCloseTo(5, 6);
    expect(count.rounds[0]!.tallies).toEqual({ a: 8, b: 4, c: 4, d: 3, e: 1 });
    expect(count.rounds.some((r) => (r.transfers ?? []).some((t) => t.from === "a"))).toBe(true);
    // The instant-runoff view is kept for ranked questions, counted as one seat: e's, d's and b's
    // ballots all flow to c, who passes a's 8 first preferences.
    expect(instantRunoff.board!.winner).toBe("c");
  });

  it("fills two plurality seats and breaks a tie at the last seat by the declared lot, the same way every time", async () => {
    const single = {
      ...ranked(undefined, ["a", "b", "c", "d"]),
      kind: "single" as const,
      maxChoices: 1,
      counting: { method: "plurality", seats: 2 },
    };
    const answers = [
      { choices: ["a"] },
      { choices: ["a"] },
      { choices: ["b"] },
      { choices: ["c"] },
      { choices: ["d"] },
    ];
    const lot = { rule: "lot", seed: "drawn in public on 30 November 2026" };
    const first = await recountOf(single, answers, lot);
    const count = (await recount(first.election, first.votes(), { sha256 })).counts.board!;
    expect(count.winners[0]).toBe("a");
    expect(count.tieBreaks).toHaveLength(1);
    expect(count.tieBreaks[0]).toMatchObject({ rule: "lot", between: ["b", "c", "d"] });
    expect(count.winners[1]).toBe(count.tieBreaks[0]!.chosen[0]);
    // Counted again by anyone holding the seed: the same draw.
    const again = (await recount(first.election, first.votes(), { sha256 })).counts.board!;
    expect(again).toEqual(count);
    // A lot cannot be drawn without a hash: refused, not settled some other way.
    await expect(recount(first.election, first.votes())).rejects.toThrow(/needs a SHA-256/);
    // The option order settles the same tie for b, the first of them on the ballot.
    const byOrder = await recountOf(single, answers);
    expect((await recount(byOrder.election, byOrder.votes())).counts.board!.winners).toEqual(["a", "b"]);
  });

  it("gives an instant-runoff question its runoff view from its own count, so a tie settled by lot reads the same in both", async () => {
    // Three first preferences, one each: the first round's elimination is a three-way tie that no
    // earlier round can settle, so the declared lot draws it.
    const answers = [{ ranking: ["a", "b"] }, { ranking: ["b", "c"] }, { ranking: ["c", "a"] }];
    const lot = { rule: "lot", seed: "drawn in public on 30 November 2026" };
    const { election, votes } = await recountOf(
      ranked({ method: "instant-runoff", seats: 1 }, ["a", "b", "c"]),
      answers,
      lot,
    );
    const { counts, instantRunoff } = await recount(election, votes(), { sha256 });
    const count = counts.board!;
    expect(count.tieBreaks[0]).toMatchObject({ rule: "lot", round: 1 });
    expect(instantRunoff.board!.winner).toBe(count.winners[0]);
    expect(instantRunoff.board!.rounds.map((r) => r.eliminated)).toEqual(count.rounds.map((r) => r.eliminated));
    expect(instantRunoff.board!.rounds[0]!.tieBreak).toBe(count.tieBreaks[0]!.explanation);
  });

  it("counts abstentions apart, for a ranked method as for a choice one", async () => {
    const { election, votes } = await recountOf(ranked({ method: "schulze", seats: 1 }, ["a", "b", "c"]), [
      { ranking: ["b", "a"] },
      "abstain",
      { ranking: ["b", "c"] },
    ]);
    const count = (await recount(election, votes())).counts.board!;
    expect(count.abstentions).toBe(1);
    expect(count.winners).toEqual(["b"]);
    expect(count.condorcetWinner).toBe("b");
  });
});

describe("a v5 audit bundle", () => {
  const deps = { sha256, verifyEd25519 };
  const stvBoard = (demo: Election): Election => ({
    ...demo,
    tieRule: { rule: "lot", seed: "seed published before the election opened" },
    questions: demo.questions.map((q) =>
      q.kind === "ranked" ? { ...q, counting: { method: "stv-meek", seats: 2 } } : q,
    ),
  });

  it("publishes every question's count, which the verifier counts again and finds equal", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 120, seed: 3, election: stvBoard });
    expect(bundle.format).toBe("landslide-audit-bundle-v5");
    const ranked = bundle.election.questions.find((q) => q.kind === "ranked")!;
    expect(bundle.result.counts![ranked.id]).toMatchObject({ method: "stv-meek", seats: 2 });
    expect(bundle.result.counts![ranked.id]!.winners).toHaveLength(2);
    // Through JSON, as a downloaded bundle is read.
    const read = auditBundleSchema.parse(JSON.parse(JSON.stringify(bundle)));
    const report = await verifyBundle(deps, read);
    expect(report.discrepancies).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("fails a published count whose winners were changed, naming the question and both sets of winners", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 120, seed: 3, election: stvBoard });
    const ranked = bundle.election.questions.find((q) => q.kind === "ranked")!;
    const forged = structuredClone<AuditBundle>(bundle);
    const count = forged.result.counts![ranked.id]!;
    const loser = ranked.options.map((o) => o.id).find((id) => !count.winners.includes(id))!;
    forged.result.counts![ranked.id] = { ...count, winners: [count.winners[0]!, loser] };
    const report = await verifyBundle(deps, forged);
    expect(report.ok).toBe(false);
    expect(report.discrepancies.map((d) => d.message)).toEqual([
      `The published count of ${ranked.id} (stv-meek) differs from the ballots' (elected ${count.winners[0]}, ${loser} against ${count.winners.join(", ")}).`,
    ]);
  });

  it("fails a bundle whose tie rule was swapped after the count, and refuses a v5 bundle without counts", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 4, seed: 5, election: stvBoard });
    // With so few ballots some tie is settled by the lot; another seed draws it differently.
    const withTies = Object.values(bundle.result.counts!).some((c) => c.tieBreaks.some((t) => t.rule === "lot"));
    expect(withTies).toBe(true);
    const reseeded = structuredClone<AuditBundle>(bundle);
    let differs = false;
    for (let n = 0; n < 20 && !differs; n++) {
      reseeded.election.tieRule = { rule: "lot", seed: `another seed, chosen after the count ${n}` };
      differs = !(await verifyBundle(deps, reseeded)).ok;
    }
    expect(differs).toBe(true);
    const { counts: _counts, ...withoutCounts } = bundle.result;
    expect(auditBundleSchema.safeParse({ ...bundle, result: withoutCounts }).success).toBe(false);
    expect(
      auditBundleSchema.safeParse({ ...bundle, format: "landslide-audit-bundle-v4", result: withoutCounts }).success,
    ).toBe(true);
  });
});

// The demo election is what the fixture's ballots answer; it must keep a ranked question.
it("the demo election has a ranked question for the bundle tests", () => {
  expect(demoElection({ now: () => new Date() }).questions.some((q) => q.kind === "ranked")).toBe(true);
});

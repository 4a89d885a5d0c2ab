import { describe, expect, it } from "vitest";
import { InMemoryVoteStore } from "../src/adapters/memory";
import { castVote, compareWithLiveTally, recount, tallyDelta, type StoredVote } from "../src/index";
import { castDependencies, demoBallot, election, idempotencyKey } from "./fixtures";

async function* withStates(votes: AsyncIterable<StoredVote>, states: Record<number, StoredVote["state"]>) {
  let i = 0;
  for await (const vote of votes) yield { ...vote, state: states[i++] ?? vote.state };
}

describe("recount", () => {
  it("counts accepted and released votes, keeps quarantined apart, ignores voided, and runs IRV on ranked questions", async () => {
    const store = new InMemoryVoteStore();
    for (let i = 0; i < 6; i++) {
      const r = await castVote(castDependencies(store), {
        electionId: election.id,
        subject: `v${i}`,
        idempotencyKey: idempotencyKey(i),
        ballot: demoBallot(i),
      });
      expect(r.ok).toBe(true);
    }
    // Of six votes: 0-2 accepted, 3 quarantined and waiting, 4 released, 5 voided.
    const result = await recount(
      election,
      withStates(store.scan(election.id), { 3: "quarantined", 4: "released", 5: "voided" }),
    );
    expect(result.votesRead).toBe(6);
    expect(result.counters.get("__turnout")).toBe(4);
    expect(result.counters.get("__quarantined")).toBe(1);
    const council = result.instantRunoff["council-chair"]!;
    expect(council.rounds[0]?.tallies).toEqual({ ada: 1, bruno: 0, chen: 2, dolores: 1 });
    expect(council.winner).not.toBeNull();
  });

  it("reports each counter where the live tally and the recount differ", () => {
    const live = new Map([
      ["__turnout", 10],
      ["mascot#fox", 4],
      ["__version", 12],
    ]);
    const recounted = new Map([
      ["__turnout", 11],
      ["mascot#fox", 4],
      ["mascot#heron", 1],
    ]);
    expect(compareWithLiveTally(live, recounted)).toEqual([
      { counter: "__turnout", live: 10, recount: 11 },
      { counter: "mascot#heron", live: 0, recount: 1 },
    ]);
    expect(
      compareWithLiveTally(
        live,
        new Map([
          ["__turnout", 10],
          ["mascot#fox", 4],
        ]),
      ),
    ).toEqual([]);
  });

  it("uses the aggregator's counting rule: a release counts once, a void never", () => {
    const base = { sequenceNumber: "1", electionId: "e", voterKey: "k", ballot: [["q", { choices: ["x"] }]] as const };
    const delta = tallyDelta([
      { ...base, kind: "INSERT", state: "quarantined" },
      { ...base, kind: "MODIFY", state: "released" },
      { ...base, voterKey: "j", kind: "INSERT", state: "quarantined" },
      { ...base, voterKey: "j", kind: "MODIFY", state: "voided" },
    ]).get("e");
    expect(Object.fromEntries(delta ?? [])).toEqual({ __version: 4, __turnout: 1, "q#x": 1 });
  });
});

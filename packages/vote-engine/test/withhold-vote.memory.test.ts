import { describe, expect, it } from "vitest";
import { InMemoryVoteStore } from "../src/adapters/memory";
import { toVoteItem } from "../src/adapters/dynamodb/vote-item";
import { toVoteChange } from "../src/adapters/dynamodb/stream-records";
import { castVote, reviewVote, type StoredVote, tallyDelta, type VoteChange, withholdVote } from "../src/index";
import { countsVote, reinstatesVote, withdrawsVote } from "../src/tally/vote-change";
import { admitSigned, castDependencies, demoBallot, election, idempotencyKey, keys, verifyRecord } from "./fixtures";

let counter = 0;

/** Casts one ballot through castVote (accepted unless held) and returns the stored row. */
async function cast(votes: InMemoryVoteStore, { held = false, reasons = [] as string[], variant = 0 } = {}): Promise<StoredVote> {
  const subject = `withhold-memory-${++counter}-${Math.random()}`;
  const result = await castVote(castDependencies(votes), {
    electionId: election.id,
    subject,
    idempotencyKey: idempotencyKey(counter),
    ballot: demoBallot(variant),
    decision: { decision: held ? "quarantined" : "accepted", reasons },
  });
  if (!result.ok) throw new Error(result.error.code);
  expect(result.value.decision).toBe(held ? "quarantined" : "accepted");
  return (await votes.get(election.id, keys.voterKey(subject)))!;
}

const withhold = (votes: InMemoryVoteStore, vote: StoredVote, reasons: readonly string[] = ["COORDINATED_GROUP"]) =>
  withholdVote(votes, { electionId: vote.electionId, voterKey: vote.voterKey, reasons });
const review = (votes: InMemoryVoteStore, vote: StoredVote, decision: "released" | "voided") =>
  reviewVote(votes, { electionId: vote.electionId, voterKey: vote.voterKey, decision });
const reread = async (votes: InMemoryVoteStore, vote: StoredVote) => (await votes.get(vote.electionId, vote.voterKey))!;

describe("withholdVote on the in-memory vote store", () => {
  it("moves an accepted vote to quarantined once, appending the reasons and keeping decision, receipt and ballot", async () => {
    const votes = new InMemoryVoteStore();
    const plain = await cast(votes);
    const flagged = await cast(votes, { reasons: ["LOW_SCORE"], variant: 1 });

    expect(await withhold(votes, plain)).toEqual({ ok: true, value: { state: "quarantined", changed: true } });
    expect(await withhold(votes, flagged, ["COORDINATED_GROUP", "SAME_NETWORK"])).toEqual({ ok: true, value: { state: "quarantined", changed: true } });

    const heldPlain = await reread(votes, plain);
    expect(heldPlain).toEqual({ ...plain, state: "quarantined", reasons: ["COORDINATED_GROUP"] });
    expect(heldPlain.decision).toBe("accepted");
    const heldFlagged = await reread(votes, flagged);
    expect(heldFlagged).toEqual({ ...flagged, state: "quarantined", reasons: ["LOW_SCORE", "COORDINATED_GROUP", "SAME_NETWORK"] });
    // The receipt is still bound to the row (same voter key, decision accepted): it would count once released.
    expect(verifyRecord(heldPlain)).toEqual({ ok: true });
    expect(verifyRecord(heldFlagged)).toEqual({ ok: true });
  });

  it("a repeat changes nothing: unchanged, reasons not appended again", async () => {
    const votes = new InMemoryVoteStore();
    const vote = await cast(votes);
    await withhold(votes, vote, ["COORDINATED_GROUP"]);
    const once = await reread(votes, vote);
    expect(await withhold(votes, vote, ["COORDINATED_GROUP"])).toEqual({ ok: true, value: { state: "quarantined", changed: false } });
    expect(await withhold(votes, vote, ["ANOTHER_REASON"])).toEqual({ ok: true, value: { state: "quarantined", changed: false } });
    expect(await reread(votes, vote)).toEqual(once);
    expect(once.reasons).toEqual(["COORDINATED_GROUP"]);
  });

  it("refuses a released, voided or held-on-arrival vote as NOT_COUNTED and leaves it as it was", async () => {
    const votes = new InMemoryVoteStore();
    const heldOnArrival = await cast(votes, { held: true, reasons: ["BURST"] });
    const released = await cast(votes, { held: true, reasons: ["BURST"], variant: 1 });
    const voided = await cast(votes, { held: true, reasons: ["BURST"], variant: 2 });
    expect((await review(votes, released, "released")).ok).toBe(true);
    expect((await review(votes, voided, "voided")).ok).toBe(true);

    for (const [vote, state] of [
      [heldOnArrival, "quarantined"],
      [released, "released"],
      [voided, "voided"],
    ] as const) {
      const before = await reread(votes, vote);
      expect(before.state).toBe(state);
      expect(await withhold(votes, vote)).toMatchObject({ ok: false, error: { code: "NOT_COUNTED", details: { state } } });
      expect(await reread(votes, vote)).toEqual(before);
    }
  });

  it("a vote withheld and then released by an official stays released: a second withhold is refused NOT_COUNTED", async () => {
    const votes = new InMemoryVoteStore();
    const vote = await cast(votes);
    await withhold(votes, vote);
    expect(await review(votes, vote, "released")).toEqual({ ok: true, value: { state: "released", changed: true } });
    const released = await reread(votes, vote);
    expect(released).toMatchObject({ state: "released", decision: "accepted", reasons: ["COORDINATED_GROUP"] });
    expect(await withhold(votes, vote, ["COORDINATED_GROUP"])).toMatchObject({ ok: false, error: { code: "NOT_COUNTED", details: { state: "released" } } });
    expect(await reread(votes, vote)).toEqual(released);
  });

  it("an official can void a withheld vote, once", async () => {
    const votes = new InMemoryVoteStore();
    const vote = await cast(votes);
    await withhold(votes, vote);
    expect(await review(votes, vote, "voided")).toEqual({ ok: true, value: { state: "voided", changed: true } });
    expect(await review(votes, vote, "voided")).toEqual({ ok: true, value: { state: "voided", changed: false } });
    expect(await review(votes, vote, "released")).toMatchObject({ ok: false, error: { code: "NOT_QUARANTINED" } });
    expect(await reread(votes, vote)).toMatchObject({ state: "voided", decision: "accepted" });
  });

  it("refuses a vote that does not exist as VOTE_NOT_FOUND, and creates nothing", async () => {
    const votes = new InMemoryVoteStore();
    const vote = await cast(votes);
    expect(await withholdVote(votes, { electionId: election.id, voterKey: "nobody", reasons: ["X"] })).toMatchObject({ ok: false, error: { code: "VOTE_NOT_FOUND" } });
    // The right voter in another election is no such vote either.
    const otherElection = "00000000-0000-4000-8000-0000000000aa";
    expect(await withholdVote(votes, { electionId: otherElection, voterKey: vote.voterKey, reasons: ["X"] })).toMatchObject({ ok: false, error: { code: "VOTE_NOT_FOUND" } });
    expect(await votes.get(election.id, "nobody")).toBeUndefined();
    expect(await votes.get(otherElection, vote.voterKey)).toBeUndefined();
    expect(await reread(votes, vote)).toEqual(vote);
  });
});

/** The change record DynamoDB's stream would carry for a row now in `vote`'s state, read as the aggregator reads it. */
function changeOf(vote: StoredVote, kind: "INSERT" | "MODIFY", sequenceNumber: string): VoteChange {
  const read = toVoteChange({ eventName: kind, dynamodb: { SequenceNumber: sequenceNumber, NewImage: toVoteItem(vote) } });
  if (!read.ok) throw new Error(read.reason);
  return read.change;
}

/** The counters of a delta for the demo election, without __version (which counts records, not votes). */
function votesCounted(delta: ReturnType<typeof tallyDelta>): Record<string, number> {
  const counters = Object.fromEntries(delta.get(election.id) ?? []);
  delete counters["__version"];
  return counters;
}

/** What applying each change as a batch of its own adds up to, as the tally store would hold it. */
function batchByBatch(changes: readonly VoteChange[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const change of changes) {
    for (const [counter, n] of tallyDelta([change]).get(election.id) ?? []) total[counter] = (total[counter] ?? 0) + n;
  }
  for (const [counter, n] of Object.entries(total)) if (n === 0) delete total[counter];
  return total;
}

describe("the tally of a withheld vote", () => {
  /** A vote's changes: accepted on arrival, withheld, then decided by an official. */
  async function lifecycle(decision: "released" | "voided") {
    const votes = new InMemoryVoteStore();
    const accepted = await cast(votes, { variant: 0 });
    expect((await withhold(votes, accepted)).ok).toBe(true);
    const withheld = await reread(votes, accepted);
    expect((await review(votes, accepted, decision)).ok).toBe(true);
    const decided = await reread(votes, accepted);
    return { insert: changeOf(accepted, "INSERT", "100"), withhold: changeOf(withheld, "MODIFY", "101"), decide: changeOf(decided, "MODIFY", "102") };
  }

  it("reads each step of the stream as what it is, and every step still carries a record the aggregator admits", async () => {
    const { insert, withhold: held, decide: release } = await lifecycle("released");
    expect([countsVote(insert), withdrawsVote(insert), reinstatesVote(insert)]).toEqual([true, false, false]);
    expect([countsVote(held), withdrawsVote(held), reinstatesVote(held)]).toEqual([false, true, false]);
    expect([withdrawsVote(release), reinstatesVote(release)]).toEqual([false, true]);
    expect(held.signed?.decision).toBe("accepted");
    expect(held.reasons).toEqual(["COORDINATED_GROUP"]);
    for (const change of [insert, held, release]) expect(admitSigned(change)).toEqual({ ok: true });

    // A ballot held on arrival and released is counted for the first time: no reinstatement.
    const votes = new InMemoryVoteStore();
    const heldOnArrival = await cast(votes, { held: true, reasons: ["BURST"] });
    await review(votes, heldOnArrival, "released");
    const firstRelease = changeOf(await reread(votes, heldOnArrival), "MODIFY", "7");
    expect([countsVote(firstRelease), withdrawsVote(firstRelease), reinstatesVote(firstRelease)]).toEqual([true, false, false]);
  });

  it("INSERT accepted, MODIFY quarantined, MODIFY released adds up to one INSERT accepted, in one batch or one by one", async () => {
    const { insert, withhold: held, decide: release } = await lifecycle("released");
    const once = votesCounted(tallyDelta([insert]));
    // The ballot of demoBallot(0): one mascot, two parks, a first preference.
    expect(once).toEqual({ __turnout: 1, "mascot#heron": 1, "parks#hilltop": 1, "parks#riverside": 1, "council-chair#ada": 1 });
    const all = tallyDelta([insert, held, release]);
    expect(votesCounted(all)).toEqual(once);
    expect(all.get(election.id)?.get("__version")).toBe(3);
    expect(batchByBatch([insert, held, release])).toEqual({ ...once, __version: 3 });
  });

  it("the withheld step takes the vote out of the count and into __quarantined", async () => {
    const { insert, withhold: held } = await lifecycle("released");
    expect(Object.fromEntries(tallyDelta([held]).get(election.id) ?? [])).toEqual({
      __version: 1,
      __turnout: -1,
      "mascot#heron": -1,
      "parks#hilltop": -1,
      "parks#riverside": -1,
      "council-chair#ada": -1,
      __quarantined: 1,
    });
    expect(Object.fromEntries(tallyDelta([insert, held]).get(election.id) ?? [])).toEqual({ __version: 2, __quarantined: 1 });
  });

  it("INSERT accepted, MODIFY quarantined, MODIFY voided adds up to nothing counted and nothing quarantined", async () => {
    const { insert, withhold: held, decide: voided } = await lifecycle("voided");
    expect(voided.state).toBe("voided");
    const all = tallyDelta([insert, held, voided]);
    expect(Object.fromEntries(all.get(election.id) ?? [])).toEqual({ __version: 3 });
    expect(batchByBatch([insert, held, voided])).toEqual({ __version: 3 });
  });
});

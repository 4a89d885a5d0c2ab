import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { InMemoryVoteStore } from "../src/adapters/memory";
import {
  createDynamoDbClient,
  createDynamoDbStreamsClient,
  DynamoDbTallyStore,
  DynamoDbVoteStore,
  ensureTables,
  StreamAggregator,
  type TableNames,
} from "../src/adapters/dynamodb";
import { castVote, compareWithLiveTally, recount, reviewVote, type StoredVote, type VoteStore, withholdVote } from "../src/index";
import { admitSigned, castDependencies, demoBallot, election, idempotencyKey, keys, verifyRecord } from "./fixtures";

const endpoint = { region: "eu-west-1", endpoint: testServers().dynamodbEndpoint };
const client = createDynamoDbClient(endpoint);
const streams = createDynamoDbStreamsClient(endpoint);
let names: TableNames;
let store: DynamoDbVoteStore;
beforeAll(async () => {
  names = (await ensureTables(client, uniqueName("withhold"))).names;
  store = new DynamoDbVoteStore(client, names.votes);
});
afterAll(() => {
  client.destroy();
  streams.destroy();
});

let counter = 0;

/** Casts one ballot through castVote (accepted unless held) and returns the stored row. */
async function cast(votes: VoteStore, { held = false, reasons = [] as string[], variant = 0, tag = "v" } = {}): Promise<StoredVote> {
  const subject = `withhold-dynamodb-${tag}-${++counter}-${Math.random()}`;
  const result = await castVote(castDependencies(votes), {
    electionId: election.id,
    subject,
    idempotencyKey: idempotencyKey(counter),
    ballot: demoBallot(variant),
    decision: { decision: held ? "quarantined" : "accepted", reasons },
  });
  if (!result.ok) throw new Error(result.error.code);
  return (await votes.get(election.id, keys.voterKey(subject)))!;
}

const withhold = (votes: VoteStore, vote: StoredVote, reasons: readonly string[] = ["COORDINATED_GROUP"]) =>
  withholdVote(votes, { electionId: vote.electionId, voterKey: vote.voterKey, reasons });
const review = (votes: VoteStore, vote: StoredVote, decision: "released" | "voided") =>
  reviewVote(votes, { electionId: vote.electionId, voterKey: vote.voterKey, decision });
const reread = async (votes: VoteStore, vote: StoredVote) => (await votes.get(vote.electionId, vote.voterKey))!;

describe("withholdVote on DynamoDB Local", () => {
  it("moves an accepted vote to quarantined once, appending the reasons and keeping decision, receipt and ballot", async () => {
    const plain = await cast(store);
    const flagged = await cast(store, { reasons: ["LOW_SCORE"], variant: 1 });

    expect(await withhold(store, plain)).toEqual({ ok: true, value: { state: "quarantined", changed: true } });
    expect(await withhold(store, flagged, ["COORDINATED_GROUP", "SAME_NETWORK"])).toEqual({ ok: true, value: { state: "quarantined", changed: true } });

    const heldPlain = await reread(store, plain);
    expect(heldPlain).toEqual({ ...plain, state: "quarantined", reasons: ["COORDINATED_GROUP"] });
    const heldFlagged = await reread(store, flagged);
    expect(heldFlagged).toEqual({ ...flagged, state: "quarantined", reasons: ["LOW_SCORE", "COORDINATED_GROUP", "SAME_NETWORK"] });
    expect(verifyRecord(heldPlain)).toEqual({ ok: true });
    expect(verifyRecord(heldFlagged)).toEqual({ ok: true });
  });

  it("a repeat changes nothing: unchanged, reasons not appended again", async () => {
    const vote = await cast(store);
    await withhold(store, vote, ["COORDINATED_GROUP"]);
    const once = await reread(store, vote);
    expect(await withhold(store, vote, ["COORDINATED_GROUP"])).toEqual({ ok: true, value: { state: "quarantined", changed: false } });
    expect(await withhold(store, vote, ["ANOTHER_REASON"])).toEqual({ ok: true, value: { state: "quarantined", changed: false } });
    expect(await reread(store, vote)).toEqual(once);
    expect(once.reasons).toEqual(["COORDINATED_GROUP"]);
  });

  it("refuses a released, voided or held-on-arrival vote as NOT_COUNTED and leaves it as it was", async () => {
    const heldOnArrival = await cast(store, { held: true, reasons: ["BURST"] });
    const released = await cast(store, { held: true, reasons: ["BURST"], variant: 1 });
    const voided = await cast(store, { held: true, reasons: ["BURST"], variant: 2 });
    expect((await review(store, released, "released")).ok).toBe(true);
    expect((await review(store, voided, "voided")).ok).toBe(true);

    for (const [vote, state] of [
      [heldOnArrival, "quarantined"],
      [released, "released"],
      [voided, "voided"],
    ] as const) {
      const before = await reread(store, vote);
      expect(before.state).toBe(state);
      expect(await withhold(store, vote)).toMatchObject({ ok: false, error: { code: "NOT_COUNTED", details: { state } } });
      expect(await reread(store, vote)).toEqual(before);
    }
  });

  it("a vote withheld and then released by an official stays released: a second withhold is refused NOT_COUNTED", async () => {
    const vote = await cast(store);
    await withhold(store, vote);
    expect(await review(store, vote, "released")).toEqual({ ok: true, value: { state: "released", changed: true } });
    const released = await reread(store, vote);
    expect(released).toMatchObject({ state: "released", decision: "accepted", reasons: ["COORDINATED_GROUP"] });
    expect(await withhold(store, vote)).toMatchObject({ ok: false, error: { code: "NOT_COUNTED", details: { state: "released" } } });
    expect(await reread(store, vote)).toEqual(released);
  });

  it("an official can void a withheld vote, once", async () => {
    const vote = await cast(store);
    await withhold(store, vote);
    expect(await review(store, vote, "voided")).toEqual({ ok: true, value: { state: "voided", changed: true } });
    expect(await review(store, vote, "voided")).toEqual({ ok: true, value: { state: "voided", changed: false } });
    expect(await review(store, vote, "released")).toMatchObject({ ok: false, error: { code: "NOT_QUARANTINED" } });
    expect(await reread(store, vote)).toMatchObject({ state: "voided", decision: "accepted" });
  });

  it("refuses a vote that does not exist as VOTE_NOT_FOUND, and creates no item", async () => {
    const vote = await cast(store);
    expect(await withholdVote(store, { electionId: election.id, voterKey: "nobody", reasons: ["X"] })).toMatchObject({ ok: false, error: { code: "VOTE_NOT_FOUND" } });
    const otherElection = "00000000-0000-4000-8000-0000000000aa";
    expect(await withholdVote(store, { electionId: otherElection, voterKey: vote.voterKey, reasons: ["X"] })).toMatchObject({ ok: false, error: { code: "VOTE_NOT_FOUND" } });
    expect(await store.get(election.id, "nobody")).toBeUndefined();
    expect(await store.get(otherElection, vote.voterKey)).toBeUndefined();
    expect(await reread(store, vote)).toEqual(vote);
  });

  it("keeps the same reasons as the in-memory store when the new reasons repeat ones the vote already has", async () => {
    const memory = new InMemoryVoteStore();
    const reasons = ["LOW_SCORE", "COORDINATED_GROUP"];
    const inDynamo = await cast(store, { reasons: ["LOW_SCORE"] });
    const inMemory = await cast(memory, { reasons: ["LOW_SCORE"] });
    expect((await withhold(store, inDynamo, reasons)).ok).toBe(true);
    expect((await withhold(memory, inMemory, reasons)).ok).toBe(true);
    expect((await reread(store, inDynamo)).reasons).toEqual((await reread(memory, inMemory)).reasons);
  });
});

describe("withholdVote under concurrency, on DynamoDB Local", () => {
  it("20 simultaneous withholds of one vote: exactly one changes it, the others find it already withheld, its reasons appended once", async () => {
    const vote = await cast(store, { tag: "twenty" });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => withhold(store, vote, ["COORDINATED_GROUP", `detector-${i}`])));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const changed = results.flatMap((r, i) => (r.ok && r.value.changed ? [i] : []));
    expect(changed).toHaveLength(1);
    expect(results.every((r) => r.ok && r.value.state === "quarantined")).toBe(true);
    const stored = await reread(store, vote);
    expect(stored).toEqual({ ...vote, state: "quarantined", reasons: ["COORDINATED_GROUP", `detector-${changed[0]}`] });
  });

  it("many votes withheld at once (three callers each) with nothing else writing: each changes exactly once, and votes not withheld stay accepted", async () => {
    const toWithhold = await Promise.all(Array.from({ length: 40 }, (_, i) => cast(store, { tag: "many", variant: i })));
    const bystanders = await Promise.all(Array.from({ length: 10 }, (_, i) => cast(store, { tag: "bystander", variant: i })));
    const calls = toWithhold.flatMap((vote) => [0, 1, 2].map((caller) => ({ vote, caller })));
    // Interleave the callers of different votes.
    calls.sort((a, b) => a.caller - b.caller || a.vote.voterKey.localeCompare(b.vote.voterKey));
    const results = await Promise.all(calls.map(({ vote, caller }) => withhold(store, vote, ["COORDINATED_GROUP", `caller-${caller}`])));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const vote of toWithhold) {
      const mine = results.filter((_, i) => calls[i]!.vote === vote);
      expect(mine.filter((r) => r.ok && r.value.changed), vote.voterKey).toHaveLength(1);
      const stored = await reread(store, vote);
      expect(stored.state).toBe("quarantined");
      expect(stored.decision).toBe("accepted");
      expect(stored.reasons).toHaveLength(2);
      expect(stored.reasons[0]).toBe("COORDINATED_GROUP");
    }
    for (const vote of bystanders) expect(await reread(store, vote)).toEqual(vote);
  });

  it("an official's release racing a second withhold: the release wins and the vote stays released", async () => {
    const votes = await Promise.all(Array.from({ length: 30 }, (_, i) => cast(store, { tag: "race", variant: i })));
    for (const vote of votes) expect((await withhold(store, vote)).ok).toBe(true);
    // Both orders of sending, so that each can reach the table first.
    const races = votes.map((vote, i) => {
      const release = () => review(store, vote, "released");
      const again = () => withhold(store, vote, ["COORDINATED_GROUP", "SEEN_AGAIN"]);
      return i % 2 === 0 ? Promise.all([release(), again()]) : Promise.all([again(), release()]).then(([w, r]) => [r, w] as const);
    });
    const outcomes = await Promise.all(races);
    outcomes.forEach(([released, withheldAgain], i) => {
      expect(released, `vote ${i}`).toEqual({ ok: true, value: { state: "released", changed: true } });
      // Before the release it finds the vote withheld already; after it, released and not to be touched.
      const before = withheldAgain.ok && withheldAgain.value.state === "quarantined" && !withheldAgain.value.changed;
      const after = !withheldAgain.ok && withheldAgain.error.code === "NOT_COUNTED" && withheldAgain.error.details?.["state"] === "released";
      expect(before || after, `vote ${i}: ${JSON.stringify(withheldAgain)}`).toBe(true);
    });
    for (const vote of votes) {
      const stored = await reread(store, vote);
      expect(stored).toMatchObject({ state: "released", decision: "accepted", reasons: ["COORDINATED_GROUP"] });
    }
  });
});

describe("withheld votes through DynamoDB Local's change stream", () => {
  it("the live tally takes a withheld vote out, counts it back once released, and never counts a voided one; the recount agrees", async () => {
    // Tables of their own: the aggregator reads every record of their stream.
    const own = (await ensureTables(client, uniqueName("withhold-agg"))).names;
    const votes = new DynamoDbVoteStore(client, own.votes);
    const cast6 = await Promise.all(Array.from({ length: 6 }, (_, i) => cast(votes, { tag: "agg", variant: i })));
    const [kept1, kept2, releasedAfter, voidedAfter, stillHeld1, stillHeld2] = cast6 as [StoredVote, StoredVote, StoredVote, StoredVote, StoredVote, StoredVote];
    const tallies = new DynamoDbTallyStore(client, { tallies: own.tallies, deadLetters: own["dead-letters"] }, 4);
    const drain = async () => {
      const aggregator = new StreamAggregator({ dynamodb: client, streams, votesTable: own.votes, tallies, admit: admitSigned, recordsPerRead: 50 });
      let applied = 0;
      for (let pass = 0; pass < 50; pass++) {
        const report = await aggregator.drainOnce();
        applied += report.applied;
        expect(report.deadLettered).toBe(0);
        if (report.applied === 0) return applied;
      }
      throw new Error("the aggregator never caught up");
    };
    await drain();
    expect((await tallies.readCounters(election.id)).get("__turnout")).toBe(6);

    for (const vote of [releasedAfter, voidedAfter, stillHeld1, stillHeld2]) expect((await withhold(votes, vote)).ok).toBe(true);
    // A repeat writes nothing, so the stream carries nothing for it.
    expect(await withhold(votes, stillHeld1)).toEqual({ ok: true, value: { state: "quarantined", changed: false } });
    await drain();
    let live = await tallies.readCounters(election.id);
    expect([live.get("__turnout"), live.get("__quarantined")]).toEqual([2, 4]);

    await review(votes, releasedAfter, "released");
    await review(votes, voidedAfter, "voided");
    await drain();
    live = await tallies.readCounters(election.id);
    expect([live.get("__turnout"), live.get("__quarantined")]).toEqual([3, 2]);
    const exact = await recount(election, votes.scan(election.id));
    expect(exact.votesRead).toBe(6);
    expect(compareWithLiveTally(live, exact.counters)).toEqual([]);
    for (const vote of [kept1, kept2]) expect(await reread(votes, vote)).toEqual(vote);
    expect((await reread(votes, stillHeld1)).reasons).toEqual(["COORDINATED_GROUP"]);
    expect(await tallies.listDeadLetters()).toEqual([]);
  });
});

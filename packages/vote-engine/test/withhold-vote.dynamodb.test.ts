import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import {
  createDynamoDbClient,
  createDynamoDbStreamsClient,
  DynamoDbTallyStore,
  DynamoDbVoteStore,
  ensureTables,
  StreamAggregator,
  type TableNames,
} from "../src/adapters/dynamodb";
import { InMemoryDeadLetterQueue } from "../src/adapters/memory";
import { compareWithLiveTally, recount, type StoredVote } from "../src/index";
import { admitSigned, election } from "./fixtures";
import { cast, reread, review, withhold, withholdVoteContract } from "./contract/withhold-vote.contract";

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

withholdVoteContract("DynamoDB Local", () => store);

describe("withholdVote under concurrency, on DynamoDB Local", () => {
  it("20 simultaneous withholds of one vote: exactly one changes it, the others find it already withheld, its reasons appended once", async () => {
    const vote = await cast(store, { tag: "twenty" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => withhold(store, vote, ["COORDINATED_GROUP", `detector-${i}`])),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const changed = results.flatMap((r, i) => (r.ok && r.value.changed ? [i] : []));
    expect(changed).toHaveLength(1);
    expect(results.every((r) => r.ok && r.value.state === "quarantined")).toBe(true);
    const stored = await reread(store, vote);
    expect(stored).toEqual({ ...vote, state: "quarantined", reasons: ["COORDINATED_GROUP", `detector-${changed[0]}`] });
  });

  it("many votes withheld at once (three callers each) with nothing else writing: each changes exactly once, and votes not withheld stay accepted", async () => {
    const toWithhold = await Promise.all(
      Array.from({ length: 40 }, (_, i) => cast(store, { tag: "many", variant: i })),
    );
    const bystanders = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cast(store, { tag: "bystander", variant: i })),
    );
    const calls = toWithhold.flatMap((vote) => [0, 1, 2].map((caller) => ({ vote, caller })));
    // Interleave the callers of different votes.
    calls.sort((a, b) => a.caller - b.caller || a.vote.voterKey.localeCompare(b.vote.voterKey));
    const results = await Promise.all(
      calls.map(({ vote, caller }) => withhold(store, vote, ["COORDINATED_GROUP", `caller-${caller}`])),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const vote of toWithhold) {
      const mine = results.filter((_, i) => calls[i]!.vote === vote);
      expect(
        mine.filter((r) => r.ok && r.value.changed),
        vote.voterKey,
      ).toHaveLength(1);
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
      return i % 2 === 0
        ? Promise.all([release(), again()])
        : Promise.all([again(), release()]).then(([w, r]) => [r, w] as const);
    });
    const outcomes = await Promise.all(races);
    outcomes.forEach(([released, withheldAgain], i) => {
      expect(released, `vote ${i}`).toEqual({ ok: true, value: { state: "released", changed: true } });
      // Before the release it finds the vote withheld already; after it, released and not to be touched.
      const before = withheldAgain.ok && withheldAgain.value.state === "quarantined" && !withheldAgain.value.changed;
      const after =
        !withheldAgain.ok &&
        withheldAgain.error.code === "NOT_COUNTED" &&
        withheldAgain.error.details?.["state"] === "released";
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
    const [kept1, kept2, releasedAfter, voidedAfter, stillHeld1, stillHeld2] = cast6 as [
      StoredVote,
      StoredVote,
      StoredVote,
      StoredVote,
      StoredVote,
      StoredVote,
    ];
    const tallies = new DynamoDbTallyStore(client, { tallies: own.tallies }, 4);
    // Every change here is signed: the queue must stay empty, so one in memory shows it.
    const deadLetters = new InMemoryDeadLetterQueue();
    const drain = async () => {
      const aggregator = new StreamAggregator({
        dynamodb: client,
        streams,
        votesTable: own.votes,
        tallies,
        deadLetters,
        admit: admitSigned,
        recordsPerRead: 50,
      });
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

    for (const vote of [releasedAfter, voidedAfter, stillHeld1, stillHeld2])
      expect((await withhold(votes, vote)).ok).toBe(true);
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
    expect(deadLetters.letters).toEqual([]);
  });
});

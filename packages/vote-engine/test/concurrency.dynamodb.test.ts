import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import {
  createDynamoDbClient,
  createDynamoDbStreamsClient,
  DynamoDbTallyStore,
  DynamoDbVoteStore,
  ensureTables,
  StreamAggregator,
} from "../src/adapters/dynamodb";
import { InMemoryDeadLetterQueue } from "../src/adapters/memory";
import { nodeEntropy } from "../src/adapters/node-crypto";
import {
  buildResultsSnapshot,
  canonicalBallotJson,
  castVote,
  compareWithLiveTally,
  recount,
  validateBallot,
} from "../src/index";
import { toHex } from "../src/vote/receipt";
import { admitSigned, castDependencies, demoBallot, election, idempotencyKey, keys } from "./fixtures";

const endpoint = { region: "eu-west-1", endpoint: testServers().dynamodbEndpoint };
const client = createDynamoDbClient(endpoint);
const streams = createDynamoDbStreamsClient(endpoint);
let store: DynamoDbVoteStore;
beforeAll(async () => {
  store = new DynamoDbVoteStore(client, (await ensureTables(client, uniqueName("conc"))).names.votes);
});
afterAll(() => {
  client.destroy();
  streams.destroy();
});

const hashOf = (ballot: unknown) => {
  const valid = validateBallot(election, ballot);
  if (!valid.ok) throw new Error("fixture ballot invalid");
  return toHex(nodeEntropy.sha256(new TextEncoder().encode(canonicalBallotJson(valid.value))));
};

describe("one vote per person under concurrency, on DynamoDB Local", () => {
  it("200 simultaneous casts by one voter store exactly one vote, and every request gets the answer its relation to it deserves", async () => {
    const subject = `concurrent-voter-${Date.now()}`;
    const requests = [
      ...Array.from({ length: 100 }, () => ({ key: idempotencyKey("same"), ballot: demoBallot(0) })),
      ...Array.from({ length: 50 }, () => ({ key: idempotencyKey("same"), ballot: demoBallot(1) })),
      ...Array.from({ length: 50 }, (_, i) => ({ key: idempotencyKey(`other-${i}`), ballot: demoBallot(i % 3) })),
    ];
    const results = await Promise.all(
      requests.map((r) =>
        castVote(castDependencies(store), {
          electionId: election.id,
          subject,
          idempotencyKey: r.key,
          ballot: r.ballot,
        }),
      ),
    );

    const stored: unknown[] = [];
    for await (const vote of store.scan(election.id)) if (vote.voterKey === keys.voterKey(subject)) stored.push(vote);
    expect(stored).toHaveLength(1);
    const winner = (await store.get(election.id, keys.voterKey(subject)))!;

    let fresh = 0;
    results.forEach((result, i) => {
      const request = requests[i]!;
      const sameKey = request.key === winner.idempotencyKey;
      const sameBallot = hashOf(request.ballot) === winner.ballotHash;
      if (sameKey && sameBallot) {
        expect(result.ok, `request ${i}`).toBe(true);
        if (result.ok) {
          expect(result.value.receipt).toEqual(winner.receipt);
          if (!result.value.replayed) fresh += 1;
        }
      } else if (sameKey) {
        expect(result, `request ${i}`).toMatchObject({ ok: false, error: { code: "IDEMPOTENCY_KEY_REUSED" } });
      } else {
        expect(result, `request ${i}`).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
      }
    });
    expect(fresh).toBe(1);
  });

  it("2,000 distinct voters casting at once: stored votes, live tally and recount all say exactly 2,000", async () => {
    // Tables of its own, so the recount sees only these votes.
    const names = (await ensureTables(client, uniqueName("crowd"))).names;
    const store = new DynamoDbVoteStore(client, names.votes);
    const run = `${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        castVote(castDependencies(store), {
          electionId: election.id,
          subject: `crowd-${run}-${i}`,
          idempotencyKey: idempotencyKey(i),
          ballot: demoBallot(i),
        }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const crowd = new Set(Array.from({ length: 2000 }, (_, i) => keys.voterKey(`crowd-${run}-${i}`)));
    const receipts = new Set<string>();
    let counted = 0;
    for await (const vote of store.scan(election.id)) {
      if (!crowd.has(vote.voterKey)) continue;
      counted += 1;
      receipts.add(vote.receipt.receiptId);
    }
    expect(counted).toBe(2000);
    expect(receipts.size).toBe(2000);

    const tallies = new DynamoDbTallyStore(client, { tallies: names.tallies }, 8);
    const aggregator = new StreamAggregator({
      dynamodb: client,
      streams,
      votesTable: names.votes,
      tallies,
      // Every row here is signed: nothing goes to the queue (no queue server needed).
      deadLetters: new InMemoryDeadLetterQueue(),
      admit: admitSigned,
    });
    while ((await aggregator.drainOnce()).applied > 0);
    const live = await tallies.readCounters(election.id);
    expect(live.get("__turnout")).toBe(2000);
    const exact = await recount(election, store.scan(election.id));
    expect(exact.votesRead).toBe(2000);
    expect(exact.counters.get("__turnout")).toBe(2000);
    expect(compareWithLiveTally(live, exact.counters)).toEqual([]);
    const snapshot = buildResultsSnapshot(election, live, new Date());
    expect(snapshot.turnout).toBe(2000);
    expect(snapshot.questions[0]!.options.reduce((sum, o) => sum + o.votes, 0)).toBe(2000);
    expect(exact.instantRunoff["council-chair"]?.winner).not.toBeNull();
  });
});

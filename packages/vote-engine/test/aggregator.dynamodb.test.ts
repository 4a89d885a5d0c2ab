import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { RunningServer } from "@landslide/local-stack";
import { startTestPostgres, startTestSqs, testServers, uniqueName } from "@landslide/local-stack/testing";
import { eq } from "drizzle-orm";
import {
  connectControlPlane,
  controlPlaneSchema,
  migrateControlPlane,
  PostgresFraudCaseSink,
} from "../src/adapters/postgres";
import type { DeadLetter, FraudCaseSink } from "../src/ports";
import { createSqsClient, ensureDeadLetterQueue, SqsDeadLetterQueue } from "../src/adapters/sqs";
import type { ChangeAdmission } from "../src/tally/admit-change";
import { toVoteItem } from "../src/adapters/dynamodb/vote-item";
import {
  createDynamoDbClient,
  createDynamoDbStreamsClient,
  DynamoDbTallyStore,
  DynamoDbVoteStore,
  ensureTables,
  type AggregatorFaults,
  StreamAggregator,
  type TableNames,
} from "../src/adapters/dynamodb";
import { castVote, compareWithLiveTally, recount, reviewVote } from "../src/index";
import { admitSigned, castDependencies, demoBallot, election, idempotencyKey, keys, verifyRecord } from "./fixtures";

const endpoint = { region: "eu-west-1", endpoint: testServers().dynamodbEndpoint };
const dynamodb = createDynamoDbClient(endpoint);
const streams = createDynamoDbStreamsClient(endpoint);
// A real SQS-compatible server (local-aws-sqs) of this file's own; each test makes a fresh queue.
let sqsServer: RunningServer;
let sqs: SQSClient;
beforeAll(async () => {
  sqsServer = await startTestSqs();
  sqs = createSqsClient({ region: "eu-west-1", endpoint: sqsServer.endpoint });
});
afterAll(async () => {
  dynamodb.destroy();
  streams.destroy();
  sqs?.destroy();
  await sqsServer?.stop();
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Each set of tables' dead-letter queue, by its tallies table. */
const queues = new Map<string, SqsDeadLetterQueue>();

async function freshTables(): Promise<TableNames> {
  const prefix = uniqueName("agg");
  const { names } = await ensureTables(dynamodb, prefix);
  const { url } = await ensureDeadLetterQueue(sqs, `${prefix}-aggregator-dead-letters`);
  queues.set(names.tallies, new SqsDeadLetterQueue(sqs, url));
  return names;
}

const queueOf = (names: TableNames) => queues.get(names.tallies)!;
const talliesOf = (names: TableNames) => new DynamoDbTallyStore(dynamodb, { tallies: names.tallies }, 4);
const aggregator = (
  names: TableNames,
  faults?: AggregatorFaults,
  fraudCases?: FraudCaseSink,
  admit: ChangeAdmission = admitSigned,
) =>
  new StreamAggregator({
    dynamodb,
    streams,
    votesTable: names.votes,
    tallies: talliesOf(names),
    deadLetters: queueOf(names),
    admit,
    recordsPerRead: 50,
    ...(faults ? { faults } : {}),
    ...(fraudCases ? { fraudCases } : {}),
  });

/** Every message in the queue, read as an operator's listing reads it (and left there). */
async function queued(names: TableNames): Promise<DeadLetter[]> {
  const queue = queueOf(names);
  const received = [];
  for (;;) {
    const page = await queue.receive({ hideSeconds: 60 });
    if (page.length === 0) break;
    received.push(...page);
  }
  await queue.release(received.map((r) => r.receipt));
  return received.map((r) => r.letter).sort((a, b) => a.sequenceNumber.localeCompare(b.sequenceNumber));
}

/** Casts `n` ballots (every fifth quarantined) and returns the counters they must produce. */
async function castMany(names: TableNames, n: number, tag: string): Promise<Map<string, number>> {
  const votes = new DynamoDbVoteStore(dynamodb, names.votes);
  const expected = new Map<string, number>();
  const add = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const quarantined = i % 5 === 0;
      const ballot = demoBallot(i);
      const result = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject: `${tag}-${i}`,
        idempotencyKey: idempotencyKey(i),
        ballot,
        ...(quarantined ? { decision: { decision: "quarantined" as const, reasons: ["TEST"] } } : {}),
      });
      if (!result.ok) throw new Error(result.error.code);
      add("__version");
      if (quarantined) return add("__quarantined");
      add("__turnout");
      add(`mascot#${ballot.answers.mascot.choices[0]}`);
      for (const park of ballot.answers.parks.choices) add(`parks#${park}`);
      add(`council-chair#${ballot.answers["council-chair"].choices[0]}`);
    }),
  );
  return expected;
}

async function drainUntilQuiet(
  names: TableNames,
  faults?: AggregatorFaults,
  fraudCases?: FraudCaseSink,
  admit?: ChangeAdmission,
): Promise<number> {
  let crashes = 0;
  for (let pass = 0; pass < 200; pass++) {
    try {
      const report = await aggregator(names, faults, fraudCases, admit).drainOnce();
      if (report.applied === 0 && report.deadLettered === 0 && report.refusedReplays === 0) return crashes;
    } catch (error) {
      if (!(error instanceof Error) || error.message !== "crash") throw error;
      crashes += 1; // a new worker starts from the stored checkpoint, as after a restart
    }
  }
  throw new Error("the aggregator never caught up");
}

describe("the aggregator on DynamoDB Local's change stream", () => {
  it("counts accepted votes into sharded counters and quarantined ones apart", async () => {
    const names = await freshTables();
    const expected = await castMany(names, 300, "plain");
    await drainUntilQuiet(names);
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
  });

  it("stays exact when the worker crashes just before or just after committing, at random points", async () => {
    const names = await freshTables();
    const expected = await castMany(names, 400, "crashy");
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const crashes = await drainUntilQuiet(names, {
      beforeCommit: () => {
        if (random() < 0.3) throw new Error("crash");
      },
      afterCommit: () => {
        if (random() < 0.3) throw new Error("crash");
      },
    });
    expect(crashes).toBeGreaterThan(3);
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
  });

  it("counts every vote once when two workers race over the same stream", async () => {
    const names = await freshTables();
    const expected = await castMany(names, 300, "racing");
    await Promise.all([drainUntilQuiet(names), drainUntilQuiet(names)]);
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
  });

  it("counts a released vote exactly once and a voided one never, however often officials repeat themselves", async () => {
    const names = await freshTables();
    const expected = await castMany(names, 50, "review"); // votes 0, 5, ..., 45 are quarantined
    await drainUntilQuiet(names);
    const votes = new DynamoDbVoteStore(dynamodb, names.votes);
    const decide = (i: number, decision: "released" | "voided") =>
      reviewVote(votes, { electionId: election.id, voterKey: keys.voterKey(`review-${i}`), decision });
    // Release 0, 5, 10 (each twice, once concurrently); void 15 and 20.
    await Promise.all([
      decide(0, "released"),
      decide(0, "released"),
      decide(5, "released"),
      decide(10, "released"),
      decide(15, "voided"),
      decide(20, "voided"),
    ]);
    await Promise.all([decide(5, "released"), decide(10, "released"), decide(15, "voided")]);
    await drainUntilQuiet(names);

    const live = await talliesOf(names).readCounters(election.id);
    expect(live.get("__quarantined")).toBe(expected.get("__quarantined")! - 5);
    expect(live.get("__turnout")).toBe(expected.get("__turnout")! + 3);
    const exact = await recount(election, votes.scan(election.id));
    expect(compareWithLiveTally(live, exact.counters)).toEqual([]);
  });

  it("opens a fraud case in Postgres for each quarantined vote and records the decisions, exactly, through crashes", async () => {
    const postgres = await startTestPostgres();
    const controlPlane = connectControlPlane(postgres.url);
    try {
      await migrateControlPlane(controlPlane.db);
      const sink = new PostgresFraudCaseSink(controlPlane.db);
      const names = await freshTables();
      await castMany(names, 40, "cases"); // 0, 5, ..., 35 quarantined: 8 cases
      let n = 0;
      const crashEveryThird = {
        beforeCommit: () => {
          if (++n % 3 === 0) throw new Error("crash");
        },
      };
      await drainUntilQuiet(names, crashEveryThird, sink);
      const votes = new DynamoDbVoteStore(dynamodb, names.votes);
      await reviewVote(votes, { electionId: election.id, voterKey: keys.voterKey("cases-0"), decision: "released" });
      await reviewVote(votes, { electionId: election.id, voterKey: keys.voterKey("cases-5"), decision: "voided" });
      await drainUntilQuiet(names, crashEveryThird, sink);

      const rows = await controlPlane.db
        .select()
        .from(controlPlaneSchema.fraudCases)
        .where(eq(controlPlaneSchema.fraudCases.electionId, election.id));
      expect(rows).toHaveLength(8);
      const byVoter = new Map(rows.map((r) => [r.voterKey, r]));
      expect(byVoter.get(keys.voterKey("cases-0"))?.state).toBe("released");
      expect(byVoter.get(keys.voterKey("cases-5"))?.state).toBe("voided");
      expect(rows.filter((r) => r.state === "quarantined")).toHaveLength(6);
      expect(byVoter.get(keys.voterKey("cases-10"))).toMatchObject({
        reasons: ["TEST"],
        receiptId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
    } finally {
      await controlPlane.close();
      await postgres.stop();
    }
  });

  it("sends a poison record to the dead-letter queue with its reason, keeps counting the rest, and a re-drive leaves it there", async () => {
    const names = await freshTables();
    const before = await castMany(names, 20, "before-poison");
    await dynamodb.send(
      new PutItemCommand({
        TableName: names.votes,
        Item: {
          pk: { S: "ELECTION#x#VOTER#poison" },
          sk: { S: "VOTE" },
          electionId: { S: election.id },
          voterKey: { S: "poison" },
          state: { S: "accepted" },
          ballot: { S: "{not json" },
        },
      }),
    );
    const after = await castMany(names, 20, "after-poison");
    await drainUntilQuiet(names);
    const expected = new Map(before);
    for (const [k, v] of after) expected.set(k, (expected.get(k) ?? 0) + v);
    // The poison record is applied (to the dead-letter queue), not counted.
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
    const letters = await queued(names);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      code: "UNREADABLE",
      reason: "vote whose ballot is not a canonical ballot",
      electionId: election.id,
      sequenceNumber: expect.stringMatching(/^\d+$/),
    });
    expect((JSON.parse(letters[0]!.record) as { dynamodb: { SequenceNumber: string } }).dynamodb.SequenceNumber).toBe(
      letters[0]!.sequenceNumber,
    );
    expect(letters[0]!.record).toContain("poison");

    // Still unreadable: the re-drive counts nothing and leaves it for a fix.
    const redrive = await aggregator(names).redriveDeadLetters();
    expect(redrive).toMatchObject({ redriven: 0, duplicates: 0 });
    expect(redrive.stillFailing.map((l) => l.reason)).toEqual(["vote whose ballot is not a canonical ballot"]);
    expect(await queued(names)).toEqual(letters);
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
  });

  it("a crash between sending a batch's dead letters and committing it leaves a letter twice in the queue; a re-drive counts it exactly once", async () => {
    const names = await freshTables();
    const expected = await castMany(names, 10, "key-rotation");
    // An aggregator that does not know the key one ballot was signed with yet (a rotation under way).
    const unknownKey = keys.voterKey("key-rotation-3");
    const notYet: ChangeAdmission = (change) =>
      change.voterKey === unknownKey
        ? { ok: false, reason: "UNSIGNED_RECORD", message: "signed with a key not deployed here yet" }
        : admitSigned(change);
    let crashed = false;
    const crashOnce = {
      beforeCommit: () => {
        if (!crashed) {
          crashed = true;
          throw new Error("crash");
        }
      },
    };
    expect(await drainUntilQuiet(names, crashOnce, undefined, notYet)).toBe(1);
    const letters = await queued(names);
    expect(letters.map((l) => l.code)).toEqual(["UNSIGNED_RECORD", "UNSIGNED_RECORD"]);
    expect(letters[0]!.sequenceNumber).toBe(letters[1]!.sequenceNumber);
    const live = await talliesOf(names).readCounters(election.id);
    expect(live.get("__turnout")).toBe(expected.get("__turnout")! - 1);

    // The key is deployed: the re-drive (with the aggregator's real checks) counts it once, drops the copy.
    const first = await aggregator(names).redriveDeadLetters();
    expect(first).toEqual({ redriven: 1, duplicates: 1, stillFailing: [] });
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
    expect(await queued(names)).toEqual([]);
    expect(await aggregator(names).redriveDeadLetters()).toEqual({ redriven: 0, duplicates: 0, stillFailing: [] });
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
  });

  it("never counts twice a letter whose batch crashed before its commit and whose replay counted the record", async () => {
    const names = await freshTables();
    const expected = await castMany(names, 10, "replayed");
    const unknownKey = keys.voterKey("replayed-3");
    const notYet: ChangeAdmission = (change) =>
      change.voterKey === unknownKey
        ? { ok: false, reason: "UNSIGNED_RECORD", message: "signed with a key not deployed here yet" }
        : admitSigned(change);
    // The old task sends the letter and dies; the new one, with the key, counts the record.
    await expect(
      aggregator(
        names,
        {
          beforeCommit: () => {
            throw new Error("crash");
          },
        },
        undefined,
        notYet,
      ).drainOnce(),
    ).rejects.toThrow("crash");
    await drainUntilQuiet(names);
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
    expect((await queued(names)).map((l) => l.code)).toEqual(["UNSIGNED_RECORD"]);
    // The orphan passes every check now, but no commit marked it pending: deleted, not counted.
    expect(await aggregator(names).redriveDeadLetters()).toEqual({ redriven: 0, duplicates: 1, stillFailing: [] });
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
    expect(await queued(names)).toEqual([]);
  });

  it("counts only rows the vote API signed: forged, copied and rewritten rows are set aside as UNSIGNED_RECORD, and a recount leaves them out too", async () => {
    const names = await freshTables();
    const honest = await castMany(names, 10, "honest");
    const store = new DynamoDbVoteStore(dynamodb, names.votes);
    const model = (await collect(store.scan(election.id))).find((vote) => vote.state === "accepted");
    if (!model) throw new Error("no vote to copy");
    const forged = (voterKey: string) =>
      dynamodb.send(
        new PutItemCommand({
          TableName: names.votes,
          Item: toVoteItem({ ...model, voterKey, receipt: { ...model.receipt, receiptId: "f".repeat(32) } }),
        }),
      );
    // An insider's copies of a stored vote: a new receipt id (its signature breaks), the very same
    // receipt under another voter key (its binding breaks), no binding at all, and a held ballot made "accepted".
    await forged("forged-new-receipt");
    await dynamodb.send(
      new PutItemCommand({ TableName: names.votes, Item: toVoteItem({ ...model, voterKey: "copied-same-receipt" }) }),
    );
    await dynamodb.send(
      new PutItemCommand({
        TableName: names.votes,
        Item: toVoteItem({ ...model, voterKey: "no-binding", receipt: { ...model.receipt, binding: "" } }),
      }),
    );
    const held = await castVote(castDependencies(store), {
      electionId: election.id,
      subject: "held-then-rewritten",
      idempotencyKey: idempotencyKey(77),
      ballot: demoBallot(77),
      decision: { decision: "quarantined", reasons: ["TEST"] },
    });
    if (!held.ok) throw new Error(held.error.code);
    const heldItem = (await collect(store.scan(election.id))).find(
      (v) => v.voterKey === keys.voterKey("held-then-rewritten"),
    )!;
    await dynamodb.send(
      new PutItemCommand({
        TableName: names.votes,
        Item: toVoteItem({ ...heldItem, voterKey: "rewritten", decision: "accepted", state: "accepted" }),
      }),
    );
    await drainUntilQuiet(names);

    const expected = new Map(honest);
    expected.set("__version", (expected.get("__version") ?? 0) + 1);
    expected.set("__quarantined", (expected.get("__quarantined") ?? 0) + 1);
    expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
    const letters = await queued(names);
    expect(letters.map((l) => [l.code, l.reason.split(":")[0], l.electionId])).toEqual(
      Array.from({ length: 4 }, () => ["UNSIGNED_RECORD", "UNSIGNED_RECORD", election.id]),
    );
    // Re-driving does not launder them, however often: they stay in the queue, uncounted.
    for (let round = 0; round < 2; round++) {
      const redrive = await aggregator(names).redriveDeadLetters();
      expect(redrive.redriven + redrive.duplicates).toBe(0);
      expect(redrive.stillFailing.map((l) => l.code)).toEqual(Array.from({ length: 4 }, () => "UNSIGNED_RECORD"));
      expect(await talliesOf(names).readCounters(election.id)).toEqual(expected);
    }
    expect(await queued(names)).toHaveLength(4);

    const exact = await recount(election, store.scan(election.id), { verify: verifyRecord });
    expect(exact.rejected).toBe(4);
    expect(compareWithLiveTally(await talliesOf(names).readCounters(election.id), exact.counters)).toEqual([]);
    // Without the check, the recount would have counted the forgeries.
    const naive = await recount(election, store.scan(election.id));
    expect(naive.counters.get("__turnout")).toBe((honest.get("__turnout") ?? 0) + 4);
  });

  it("sets aside a signed ballot cast at or after its election's deadline as LATE_CAST, however its task came to take it", async () => {
    const names = await freshTables();
    const store = new DynamoDbVoteStore(dynamodb, names.votes);
    const deadline = new Date("2026-11-25T12:00:00.000Z");
    // A task that still believed the election open (a stale copy, a skewed clock): one ballot a millisecond before, one at, one after.
    const castAt = async (offsetMs: number, subject: string) => {
      const result = await castVote(
        castDependencies(store, { clock: { now: () => new Date(deadline.getTime() + offsetMs) } }),
        {
          electionId: election.id,
          subject,
          idempotencyKey: idempotencyKey(offsetMs + 10),
          ballot: demoBallot(0),
        },
      );
      if (!result.ok) throw new Error(result.error.code);
    };
    await castAt(-1, "just-in-time");
    await castAt(0, "on-the-stroke");
    await castAt(5, "late");
    const deadlineOf = async (id: string) => (id === election.id ? deadline : null);
    for (let pass = 0; pass < 50; pass++) {
      const report = await new StreamAggregator({
        dynamodb,
        streams,
        votesTable: names.votes,
        tallies: talliesOf(names),
        deadLetters: queueOf(names),
        admit: admitSigned,
        deadlineOf,
      }).drainOnce();
      if (report.applied === 0 && report.deadLettered === 0) break;
      if (report.deadLettered > 0) expect(report.rejected).toEqual({ LATE_CAST: 2 });
    }
    expect((await talliesOf(names).readCounters(election.id)).get("__turnout")).toBe(1);
    expect((await queued(names)).map((l) => l.code)).toEqual(["LATE_CAST", "LATE_CAST"]);
  });
});

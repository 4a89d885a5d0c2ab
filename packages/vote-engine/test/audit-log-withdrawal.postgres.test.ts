import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPostgres } from "@landslide/local-stack";
import { startTestPostgres } from "@landslide/local-stack/testing";
import { toVoteItem } from "../src/adapters/dynamodb/vote-item";
import { toVoteChange } from "../src/adapters/dynamodb/stream-records";
import { InMemoryElections, InMemoryVoteStore } from "../src/adapters/memory";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import {
  connectControlPlane,
  type ControlPlaneConnection,
  FraudCasesRepository,
  migrateControlPlane,
  PostgresAuditLog,
  PostgresFraudCaseSink,
} from "../src/adapters/postgres";
import { type AuditBundle, verifyBundle } from "../src/audit";
import { GENESIS_HASH, type LogRecord, recordHash } from "../src/audit/log-record";
import { castVote, type Election, reviewVote, type StoredVote, type VoteChange, withholdVote } from "../src/index";
import { countResult } from "../src/testing/audit-bundle-fixture";
import { castDependencies, demoBallot, election as demoElection, idempotencyKey, keys } from "./fixtures";

let postgres: RunningPostgres;
let connection: ControlPlaneConnection;
let log: PostgresAuditLog;
beforeAll(async () => {
  postgres = await startTestPostgres();
  connection = connectControlPlane(postgres.url);
  await migrateControlPlane(connection.db);
  log = new PostgresAuditLog(connection.db, nodeEntropy.sha256);
});
afterAll(async () => {
  await connection?.close();
  await postgres?.stop();
});

const signer = { keyId: keys.auditPublicKey.keyId, sign: (payload: Uint8Array) => keys.signAudit(payload) };

/** The change record DynamoDB's stream carries for a row now in `vote`'s state, read as the aggregator reads it. */
function changeOf(vote: StoredVote, kind: "INSERT" | "MODIFY", sequenceNumber: string): VoteChange {
  const read = toVoteChange({
    eventName: kind,
    dynamodb: { SequenceNumber: sequenceNumber, NewImage: toVoteItem(vote) },
  });
  if (!read.ok) throw new Error(read.reason);
  return read.change;
}

/**
 * An election of its own (a fresh id, so each test has a chain of its own) with two votes cast
 * through castVote: `kept` stays counted; `withheld` is counted, withheld for review, then released.
 * Returns the stream's changes for each step, with the signed records the aggregator admits.
 */
async function scenario() {
  const election: Election = { ...demoElection, id: randomUUID() };
  const votes = new InMemoryVoteStore();
  const deps = castDependencies(votes, { elections: new InMemoryElections([election]) });
  const castOne = async (subject: string, variant: number) => {
    const result = await castVote(deps, {
      electionId: election.id,
      subject,
      idempotencyKey: idempotencyKey(variant),
      ballot: demoBallot(variant),
    });
    if (!result.ok) throw new Error(result.error.code);
    return (await votes.get(election.id, keys.voterKey(subject)))!;
  };
  const kept = await castOne(`kept-${election.id}`, 0);
  const accepted = await castOne(`withheld-${election.id}`, 1);
  const command = { electionId: election.id, voterKey: accepted.voterKey };
  expect(await withholdVote(votes, { ...command, reasons: ["COORDINATED_GROUP"] })).toEqual({
    ok: true,
    value: { state: "quarantined", changed: true },
  });
  const withheld = (await votes.get(election.id, accepted.voterKey))!;
  expect(await reviewVote(votes, { ...command, decision: "released" })).toEqual({
    ok: true,
    value: { state: "released", changed: true },
  });
  const released = (await votes.get(election.id, accepted.voterKey))!;
  const changes = {
    insertKept: changeOf(kept, "INSERT", "1"),
    insert: changeOf(accepted, "INSERT", "2"),
    withhold: changeOf(withheld, "MODIFY", "3"),
    release: changeOf(released, "MODIFY", "4"),
  };
  // What the test relies on: each change carries the signed record, and the release is one of a row accepted on arrival.
  for (const change of Object.values(changes)) expect(change.signed?.decision).toBe("accepted");
  expect(changes.release.state).toBe("released");
  return { election, kept, accepted, changes, receiptId: accepted.receipt.receiptId };
}

/** The entries of one receipt's records, in log order, as "type:receiptId". */
const standingOf = (records: readonly LogRecord[], receiptId: string) =>
  records.filter((r) => "receiptId" in r.entry && r.entry.receiptId === receiptId).map((r) => r.entry.type);

/** Every record's seq, link and hash, checked from the genesis. */
function expectChained(records: readonly LogRecord[], electionId: string) {
  let prevHash = GENESIS_HASH;
  records.forEach((record, i) => {
    expect(record.electionId).toBe(electionId);
    expect(record.seq).toBe(i + 1);
    expect(record.prevHash).toBe(prevHash);
    const { hash, ...unhashed } = record;
    expect(hash).toBe(recordHash(nodeEntropy.sha256, unhashed));
    prevHash = hash;
  });
}

/** The bundle an honest deployment publishes for this election's sealed log, publishing `published`. */
async function bundleFor(election: Election, published: readonly StoredVote[]): Promise<AuditBundle> {
  await log.seal(election.id, signer, 2, new Date("2026-11-26T00:00:00.000Z"));
  return {
    format: "landslide-audit-bundle-v4",
    publishedAt: "2026-11-26T12:00:00.000Z",
    election: { id: election.id, title: election.title, questions: election.questions },
    keys: { audit: { ...keys.auditPublicKey }, receipt: { ...keys.receiptPublicKey } },
    records: await log.records(election.id),
    epochs: await log.epochs(election.id),
    ballots: published.map((v) => ({
      receiptId: v.receipt.receiptId,
      commitment: v.receipt.commitment,
      salt: v.salt,
      ballot: v.ballot,
    })),
    result: await countResult(
      election,
      published.map((v) => v.ballot),
    ),
  };
}

const verifyWith = { sha256: nodeEntropy.sha256, verifyEd25519, expectedAuditKeyId: keys.auditPublicKey.keyId };

describe("PostgresAuditLog: withdrawals and reinstatements", () => {
  it("logs ballot, withdrawal, reinstatement once each across replayed batches, in order, and the sealed chain verifies", async () => {
    const { election, kept, accepted, changes, receiptId } = await scenario();
    await log.record([changes.insertKept, changes.insert]);
    await log.record([changes.withhold]);
    await log.record([changes.withhold]); // the same batch again
    await log.record([changes.release]);
    await log.record([changes.release]);
    // The whole stream read again from its start (a worker restarted before any checkpoint).
    await log.record([changes.insertKept, changes.insert, changes.withhold, changes.release]);
    // A stale replay of the withhold after the reinstatement withdraws nothing.
    await log.record([changes.withhold]);

    const records = await log.records(election.id);
    expect(records.map((r) => r.entry.type)).toEqual(["ballot", "ballot", "withdrawal", "reinstatement"]);
    expect(standingOf(records, receiptId)).toEqual(["ballot", "withdrawal", "reinstatement"]);
    expect(standingOf(records, kept.receipt.receiptId)).toEqual(["ballot"]);
    const { signature, keyId, binding, commitment, castAt } = accepted.receipt;
    expect(records[1]!.entry).toEqual({ type: "ballot", receiptId, commitment, castAt, keyId, binding, signature });
    expect(records[2]!.entry).toEqual({ type: "withdrawal", receiptId, reasons: ["COORDINATED_GROUP"] });
    expect(records[3]!.entry).toEqual({ type: "reinstatement", receiptId });
    expectChained(records, election.id);

    // Only the ballot record is found by receipt id, as a receipt's inclusion proof needs.
    expect((await log.findBallot(receiptId))?.record).toEqual(records[1]);

    const bundle = await bundleFor(election, [kept, accepted]);
    expect(bundle.epochs.map((e) => [e.statement.firstSeq, e.statement.lastSeq])).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const report = await verifyBundle(verifyWith, bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.ok).toBe(true);
    expect(bundle.result.counters["__turnout"]).toBe(2);
  });

  it("the same changes in one batch, each repeated: ballot, withdrawal, reinstatement", async () => {
    const { election, changes, receiptId } = await scenario();
    await log.record([changes.insert, changes.withhold, changes.withhold, changes.release, changes.release]);
    const records = await log.records(election.id);
    expect(records.map((r) => `${r.entry.type}:${"receiptId" in r.entry ? r.entry.receiptId : ""}`)).toEqual([
      `ballot:${receiptId}`,
      `withdrawal:${receiptId}`,
      `reinstatement:${receiptId}`,
    ]);
    expectChained(records, election.id);
  });

  it("concurrent workers recording the same batch append it once", async () => {
    const { election, changes, receiptId } = await scenario();
    const batch = [changes.insertKept, changes.insert, changes.withhold, changes.release];
    await Promise.all(Array.from({ length: 4 }, () => log.record(batch)));
    const records = await log.records(election.id);
    expect(records).toHaveLength(4);
    expect(standingOf(records, receiptId)).toEqual(["ballot", "withdrawal", "reinstatement"]);
    expectChained(records, election.id);
  });

  it("a ballot withdrawn and not reinstated: the bundle verifies without it, and publishing it is BALLOT_WITHDRAWN", async () => {
    const { election, kept, accepted, changes, receiptId } = await scenario();
    await log.record([changes.insertKept, changes.insert]);
    await log.record([changes.withhold]);
    await log.record([changes.withhold]);
    const records = await log.records(election.id);
    expect(standingOf(records, receiptId)).toEqual(["ballot", "withdrawal"]);

    const without = await bundleFor(election, [kept]);
    expect((await verifyBundle(verifyWith, without)).discrepancies).toEqual([]);
    const withIt = { ...without, ballots: (await bundleFor(election, [kept, accepted])).ballots };
    expect(
      (await verifyBundle(verifyWith, withIt)).discrepancies.map((d) => `${d.code} ${d.receiptId ?? ""}`),
    ).toContain(`BALLOT_WITHDRAWN ${receiptId}`);
  });
});

describe("PostgresFraudCaseSink: a withheld vote", () => {
  it("opens a case when withheld, the release decides it, and a replayed withhold does not reopen it", async () => {
    const { election, accepted, changes, receiptId } = await scenario();
    const sink = new PostgresFraudCaseSink(connection.db);
    const cases = new FraudCasesRepository(connection.db);
    await sink.record([changes.insertKept, changes.insert]);
    expect(await cases.list(election.id)).toEqual([]);
    await sink.record([changes.withhold]);
    expect(await cases.get(election.id, accepted.voterKey)).toMatchObject({
      receiptId,
      state: "quarantined",
      reasons: ["COORDINATED_GROUP"],
    });
    await sink.record([changes.release]);
    await sink.record([changes.withhold]);
    expect(await cases.get(election.id, accepted.voterKey)).toMatchObject({ receiptId, state: "released" });
    expect(await cases.list(election.id)).toHaveLength(1);
  });
});

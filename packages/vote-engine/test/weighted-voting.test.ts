import { describe, expect, it } from "vitest";
import { discrepancies } from "./bundle-discrepancies";
import { castDependencies, demoBallot, election, idempotencyKey, keys, verifyRecord } from "./fixtures";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { fromVoteItem, toVoteItem } from "../src/adapters/dynamodb/vote-item";
import { toVoteChange } from "../src/adapters/dynamodb/stream-records";
import { InMemoryElections, InMemoryVoteStore, InMemoryVoterRoll } from "../src/adapters/memory";
import { verifyBundle } from "../src/audit/verify-bundle";
import { castVote, parseRollRows, recount } from "../src/index";
import { ABSTAIN, optionCounter, TURNOUT } from "../src/tally/counter-keys";
import { tallyDelta } from "../src/tally/tally-delta";
import { buildAuditBundle, resignedBundle } from "../src/testing/audit-bundle-fixture";
import type { StoredVote } from "../src/vote/stored-vote";
import { receiptSigningPayload } from "../src/vote/receipt";

/**
 * Weighted voters (a union's delegates weighted by the members they represent): the roll gives
 * each voter a weight, the vote API signs it into the receipt, and every count adds weights, so
 * a row rewritten to weigh more is no longer a vote.
 */

const weighted = { ...election, eligibility: "voter-roll" as const };
// The mascot question's options are heron, otter and fox; demoBallot(n) picks mascots[n % 3].
const DELEGATES = [
  { email: "north@union.example", weight: "30", variant: 0 },
  { email: "south@union.example", weight: "12", variant: 1 },
  { email: "east@union.example", weight: "7", variant: 1 },
  { email: "member@union.example", weight: "", variant: 2 },
] as const;

async function castAll() {
  const roll = new InMemoryVoterRoll();
  const { entries, errors } = parseRollRows(DELEGATES.map(({ email, weight }) => ({ email, weight })));
  expect(errors).toEqual([]);
  await roll.add(weighted.id, entries);
  const votes = new InMemoryVoteStore();
  const deps = castDependencies(votes, { elections: new InMemoryElections([weighted]), voterRoll: roll });
  const receipts = [];
  for (const [i, delegate] of DELEGATES.entries()) {
    const cast = await castVote(deps, {
      electionId: weighted.id,
      subject: delegate.email,
      identity: { email: delegate.email },
      idempotencyKey: idempotencyKey(i),
      ballot: demoBallot(delegate.variant),
    });
    if (!cast.ok) throw new Error(cast.error.message);
    receipts.push(cast.value.receipt);
  }
  return { votes, receipts };
}

async function stored(votes: InMemoryVoteStore): Promise<StoredVote[]> {
  const all: StoredVote[] = [];
  for await (const vote of votes.scan(weighted.id)) all.push(vote);
  return all;
}

describe("a weighted roll, from the roll to the count", () => {
  it("signs each voter's weight into the receipt, and the recount adds weights exactly while turnout counts people", async () => {
    const { votes, receipts } = await castAll();
    expect(receipts.map((r) => r.weight)).toEqual([30, 12, 7, undefined]);
    for (const { signature, ...signed } of receipts)
      expect(verifyEd25519(receiptSigningPayload(signed), signature, keys.receiptPublicKey.pem)).toBe(true);

    const result = await recount(
      weighted,
      (async function* () {
        yield* await stored(votes);
      })(),
      {
        verify: verifyRecord,
        sha256: nodeEntropy.sha256,
      },
    );
    expect(result.rejected).toBe(0);
    expect(result.counters.get(TURNOUT)).toBe(4);
    expect(result.counters.get(optionCounter("mascot", "heron"))).toBe(30);
    expect(result.counters.get(optionCounter("mascot", "otter"))).toBe(12 + 7);
    expect(result.counters.get(optionCounter("mascot", "fox"))).toBe(1);
    // The method's count reads the same weights: plurality elects the heron on 30 of 50.
    expect(result.counts.mascot?.winners).toEqual(["heron"]);
    expect(result.counts.mascot?.rounds[0]?.tallies).toEqual({ heron: 30, otter: 19, fox: 1 });
    // The ranked question: ada first on north's ballot (30) against chen (19) and dolores (1).
    expect(result.counts["council-chair"]?.rounds[0]?.tallies).toMatchObject({ ada: 30, chen: 19, dolores: 1 });
  });

  it("does not count a row rewritten to weigh more, or a weight dropped from a receipt", async () => {
    const { votes } = await castAll();
    const [north, south, ...rest] = await stored(votes);
    const heavier = { ...south!, receipt: { ...south!.receipt, weight: 1200 } };
    const { weight: _dropped, ...lighter } = north!.receipt;
    const forged = [{ ...north!, receipt: lighter }, heavier, ...rest];
    const result = await recount(
      weighted,
      (async function* () {
        yield* forged;
      })(),
      { verify: verifyRecord },
    );
    expect(result.rejected).toBe(2);
    expect(result.counters.get(TURNOUT)).toBe(2);
    expect(result.counters.get(optionCounter("mascot", "otter"))).toBe(7);
  });

  it("keeps the weight through the votes table and its change stream, and a release or a withholding moves the whole weight", async () => {
    const { votes } = await castAll();
    const [north] = await stored(votes);
    const item = toVoteItem(north!);
    expect(item.weight).toEqual({ N: "30" });
    expect(fromVoteItem(item).receipt).toEqual(north!.receipt);
    const read = toVoteChange({ eventName: "INSERT", dynamodb: { SequenceNumber: "1", NewImage: item } });
    if (!read.ok) throw new Error(read.reason);
    expect(read.change.weight).toBe(30);
    expect(read.change.signed && verifyRecord(read.change.signed)).toEqual({ ok: true });

    const change = { ...read.change, ballot: north!.ballot };
    const counters = (kind: "INSERT" | "MODIFY", state: StoredVote["state"]) =>
      Object.fromEntries(tallyDelta([{ ...change, kind, state }]).get(weighted.id) ?? []);
    expect(counters("INSERT", "accepted")).toMatchObject({ [TURNOUT]: 1, [optionCounter("mascot", "heron")]: 30 });
    expect(counters("MODIFY", "quarantined")).toMatchObject({ [TURNOUT]: -1, [optionCounter("mascot", "heron")]: -30 });
    expect(counters("MODIFY", "released")).toMatchObject({ [TURNOUT]: 1, [optionCounter("mascot", "heron")]: 30 });
    const abstaining = tallyDelta([{ ...change, ballot: [["mascot", "abstain"]] }]).get(weighted.id);
    expect(abstaining?.get(optionCounter("mascot", ABSTAIN))).toBe(30);
  });
});

describe("a weighted election's audit bundle", () => {
  const deps = { sha256: nodeEntropy.sha256, verifyEd25519 };
  const weightOf = (i: number) => [1, 30, 12, 1, 7][i % 5]!;

  it("publishes each ballot's weight in its signed log record, and the verifier's recount adds them", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 40, weight: weightOf });
    const weights = bundle.records.flatMap(({ entry }) => (entry.type === "ballot" ? [entry.weight ?? 1] : []));
    expect(weights.reduce((a, b) => a + b, 0)).toBe(8 * (1 + 30 + 12 + 1 + 7));
    const report = await verifyBundle(deps, bundle);
    expect(report.discrepancies).toEqual([]);
    const mascotTotal = Object.entries(bundle.result.counters)
      .filter(([counter]) => counter.startsWith("mascot#"))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(mascotTotal).toBe(8 * 51);
    expect(bundle.result.counters[TURNOUT]).toBe(40);
  });

  it("names a weight raised in the log, even re-chained and re-sealed with the deployment's audit key", async () => {
    const { bundle, signer } = await buildAuditBundle({ ballots: 10, weight: weightOf });
    const raised = bundle.records.map((record) =>
      record.entry.type === "ballot" && record.entry.weight === 30
        ? { ...record, entry: { ...record.entry, weight: 3000 } }
        : record,
    );
    const forged = resignedBundle({ ...bundle, records: raised }, signer);
    const found = await discrepancies(forged);
    expect(found.filter((d) => d.startsWith("RECEIPT_SIGNATURE_INVALID"))).toHaveLength(2);
    // And the published result (the true weights) no longer matches what the signed ballots give.
    expect(found.some((d) => d.startsWith("RESULT_MISMATCH"))).toBe(true);
  });
});

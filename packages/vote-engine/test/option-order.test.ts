import { describe, expect, it } from "vitest";
import { discrepancies } from "./bundle-discrepancies";
import { castDependencies, demoBallot, election, idempotencyKey, keys, verifyRecord } from "./fixtures";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { fromVoteItem, toVoteItem } from "../src/adapters/dynamodb/vote-item";
import { toVoteChange } from "../src/adapters/dynamodb/stream-records";
import { InMemoryElections, InMemoryVoteStore } from "../src/adapters/memory";
import { auditBundleSchema, verifyBundle } from "../src/audit";
import { electionDefinitionSchema } from "../src/election/definition";
import { ballotOrderFor, ballotOrderLines, type OptionOrderRule } from "../src/election/option-order";
import { castVote } from "../src/index";
import { buildAuditBundle } from "../src/testing/audit-bundle-fixture";
import { receiptSigningPayload } from "../src/vote/receipt";
import type { Receipt } from "../src/vote/stored-vote";

/**
 * An election may list each voter's options in an order drawn for them (rotated or shuffled), to
 * spread the favour voters give the first options listed. The vote API draws it from the voter's
 * key, the same every time, and signs it into the receipt; the audit bundle carries it signed.
 */

const sha256 = nodeEntropy.sha256;
const ordered = (rule: OptionOrderRule) => ({ ...election, optionOrder: rule });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `option-${i}`);
const board = (rule: OptionOrderRule, n = 10) => ({
  id: "7b0cf54e-52a4-4bde-9d55-70a6a73d5a38",
  optionOrder: rule,
  questions: [{ id: "board", options: ids(n).map((id) => ({ id })) }],
});

describe("an election's option order per voter", () => {
  it("is declared with the election, as listed unless it says otherwise", () => {
    const parsed = electionDefinitionSchema.parse({ ...election, optionOrder: "shuffled" });
    expect(parsed.optionOrder).toBe("shuffled");
    expect(electionDefinitionSchema.safeParse({ ...election, optionOrder: "alphabetical" }).success).toBe(false);
    expect(ballotOrderFor(election, "voter-a", sha256)).toBeUndefined();
    expect(ballotOrderFor(ordered("as-listed"), "voter-a", sha256)).toBeUndefined();
  });

  it("gives each voter every option once, the same order each time they open the ballot", () => {
    for (const rule of ["rotated", "shuffled"] as const) {
      const order = ballotOrderFor(ordered(rule), "voter-a", sha256)!;
      expect(Object.keys(order)).toEqual(election.questions.map((q) => q.id));
      for (const question of election.questions)
        expect([...order[question.id]!].sort()).toEqual(question.options.map((o) => o.id).sort());
      expect(ballotOrderFor(ordered(rule), "voter-a", sha256)).toEqual(order);
    }
  });

  it("rotates: a voter's list starts at a drawn option and keeps the ballot's order around the circle", () => {
    const listed = ids(10);
    const starts = new Map<string, number>();
    for (let v = 0; v < 2000; v++) {
      const order = ballotOrderFor(board("rotated"), `voter-${v}`, sha256)!.board!;
      const start = listed.indexOf(order[0]!);
      expect(order).toEqual([...listed.slice(start), ...listed.slice(0, start)]);
      starts.set(order[0]!, (starts.get(order[0]!) ?? 0) + 1);
    }
    // Every option leads on about a tenth of the ballots (200 each; 5 standard deviations is ±67).
    expect(starts.size).toBe(10);
    for (const led of starts.values()) expect(Math.abs(led - 200)).toBeLessThan(67);
  });

  it("shuffles: each option is first about as often as any other, and voters' orders differ", () => {
    const firsts = new Map<string, number>();
    const seen = new Set<string>();
    for (let v = 0; v < 2000; v++) {
      const order = ballotOrderFor(board("shuffled"), `voter-${v}`, sha256)!.board!;
      firsts.set(order[0]!, (firsts.get(order[0]!) ?? 0) + 1);
      seen.add(order.join(","));
    }
    expect(firsts.size).toBe(10);
    for (const led of firsts.values()) expect(Math.abs(led - 200)).toBeLessThan(67);
    // 10! orders: 2,000 voters all but never share one.
    expect(seen.size).toBeGreaterThan(1990);
    // A different election draws differently for the same voter.
    const other = { ...board("shuffled"), id: "0e3d8a57-0d8f-4f7e-9f3a-5b2f0d6c1a11" };
    expect(ballotOrderFor(other, "voter-1", sha256)).not.toEqual(ballotOrderFor(board("shuffled"), "voter-1", sha256));
  });

  it("signs as one line per question, in question-id order whatever order the keys come in", () => {
    expect(ballotOrderLines({ zeta: ["b", "a"], alpha: ["c", "d"] })).toEqual(["order alpha c,d", "order zeta b,a"]);
    expect(ballotOrderLines(undefined)).toEqual([]);
  });
});

describe("the order a ballot was shown in, on its receipt", () => {
  const cast = async (rule: OptionOrderRule) => {
    const votes = new InMemoryVoteStore();
    const elections = new InMemoryElections([ordered(rule)]);
    const result = await castVote(castDependencies(votes, { elections }), {
      electionId: election.id,
      subject: "voter-with-an-order",
      idempotencyKey: idempotencyKey(1),
      ballot: demoBallot(0),
    });
    if (!result.ok) throw new Error(result.error.message);
    const stored = [];
    for await (const vote of votes.scan(election.id)) stored.push(vote);
    return { receipt: result.value.receipt, vote: stored[0]! };
  };
  const verifies = (receipt: Receipt) =>
    verifyEd25519(receiptSigningPayload(receipt), receipt.signature, keys.receiptPublicKey.pem);

  it("is drawn by the vote API from the voter's key and signed; a changed order no longer verifies", async () => {
    const { receipt } = await cast("shuffled");
    expect(receipt.optionOrder).toEqual(
      ballotOrderFor(ordered("shuffled"), keys.voterKey("voter-with-an-order"), sha256),
    );
    expect(verifies(receipt)).toBe(true);
    const mascot = receipt.optionOrder!["mascot"]!;
    const swapped = { ...receipt.optionOrder!, mascot: [mascot[1]!, mascot[0]!, ...mascot.slice(2)] };
    expect(verifies({ ...receipt, optionOrder: swapped })).toBe(false);
    const { optionOrder: _dropped, ...without } = receipt;
    expect(verifies(without)).toBe(false);
  });

  it("is absent, and signs nothing more, when the election lists options as defined", async () => {
    const { receipt } = await cast("as-listed");
    expect(receipt).not.toHaveProperty("optionOrder");
    expect(verifies(receipt)).toBe(true);
  });

  it("is kept in the votes table and the stream, and a row with its order rewritten is no vote", async () => {
    const { vote } = await cast("rotated");
    const item = toVoteItem(vote);
    expect(fromVoteItem(item).receipt).toEqual(vote.receipt);
    expect(verifyRecord(fromVoteItem(item)).ok).toBe(true);
    const change = toVoteChange({ eventName: "INSERT", dynamodb: { SequenceNumber: "1", NewImage: item } });
    expect(change.ok && change.change.signed?.receipt.optionOrder).toEqual(vote.receipt.optionOrder);
    // Someone with write access to the table, but not the signing key, changes the order stored.
    const rewritten = { ...item, optionOrder: { S: JSON.stringify({ ...vote.receipt.optionOrder, mascot: ["x"] }) } };
    expect(verifyRecord(fromVoteItem(rewritten)).ok).toBe(false);
    expect(verifyRecord(fromVoteItem({ ...item, optionOrder: { S: "not json" } })).ok).toBe(false);
  });
});

describe("an audit bundle of an election that shuffles its options", () => {
  const shuffled = { election: (demo: typeof election) => ({ ...demo, optionOrder: "shuffled" as const }) };

  it("carries each ballot's order, signed, and verifies", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 40, seed: 7, ...shuffled });
    expect(bundle.election.optionOrder).toBe("shuffled");
    const orders = bundle.records.flatMap(({ entry }) => (entry.type === "ballot" ? [entry.optionOrder] : []));
    expect(orders).toHaveLength(40);
    expect(orders.every((order) => order !== undefined && Object.keys(order).length === 3)).toBe(true);
    const read = auditBundleSchema.parse(JSON.parse(JSON.stringify(bundle)));
    const report = await verifyBundle({ sha256, verifyEd25519 }, read);
    expect(report.discrepancies).toEqual([]);
  });

  it("fails a logged order changed after signing", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 40, seed: 7, ...shuffled });
    const forged = structuredClone(bundle);
    const record = forged.records.find(({ entry }) => entry.type === "ballot")!;
    if (record.entry.type !== "ballot") throw new Error("no ballot record");
    const order = record.entry.optionOrder!;
    const first = Object.keys(order)[0]!;
    record.entry = { ...record.entry, optionOrder: { ...order, [first]: [...order[first]!].reverse() } };
    const found = await discrepancies(forged);
    expect(found.filter((d) => d.startsWith("RECEIPT_SIGNATURE_INVALID"))).toEqual([
      `RECEIPT_SIGNATURE_INVALID seq=${record.seq} receipt=${record.entry.receiptId}`,
    ]);
  });
});

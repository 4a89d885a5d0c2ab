import { beforeAll, describe, expect, it } from "vitest";
import { discrepancies, found } from "./bundle-discrepancies";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import {
  type AuditBundle,
  auditBundleSchema,
  canonicalJson,
  inclusionProof,
  merkleRoot,
  type PublishedBallot,
  verifyBundle,
  verifyInclusion,
} from "../src/audit";
import { epochSigningPayload } from "../src/audit/epoch";
import { recordBytes, recordHash } from "../src/audit/log-record";
import { fromHex, hexOf } from "../src/audit/sha256";
import { canonicalBallotJson } from "../src/ballot/canonical-json";
import { type CanonicalBallot, validateBallot } from "../src/ballot/validate-ballot";
import {
  attackerSigner,
  type AuditBundleFixture,
  buildAuditBundle,
  countResult,
  rechain,
  resignedBundle,
} from "../src/testing/audit-bundle-fixture";
import { commitmentPayload, toHex } from "../src/vote/receipt";

const sha256 = nodeEntropy.sha256;
const deps = { sha256, verifyEd25519 };

// 200 ballots after 2 officials' actions: 202 records, sealed 16 at a time into 13 epochs (the last holds 10).
const BALLOTS = 200;
const ACTIONS = 2;
const EPOCH_RECORDS = 16;
const epochOf = (seq: number) => Math.ceil(seq / EPOCH_RECORDS);

let fixture: AuditBundleFixture;
beforeAll(async () => {
  fixture = await buildAuditBundle({ ballots: BALLOTS, actions: ACTIONS, epochRecords: EPOCH_RECORDS, seed: 7 });
});

/** A deep copy of the clean bundle, changed by `attack`. */
function tampered(attack: (bundle: AuditBundle) => void): AuditBundle {
  const bundle = structuredClone(fixture.bundle);
  attack(bundle);
  return bundle;
}

/**
 * The report's discrepancies without its RESULT_MISMATCH follow-ups, and those follow-ups' messages:
 * a ballot more or less moves turnout, each option it chose and maybe the ranked count.
 */
async function structuralAndResult(bundle: AuditBundle): Promise<{ structural: string[]; result: string[] }> {
  const report = await verifyBundle(deps, bundle);
  expect(report.ok).toBe(false);
  const codes = found(report.discrepancies);
  // Result checks come last: every follow-up stands after every structural finding.
  const firstResult = codes.indexOf("RESULT_MISMATCH");
  expect(firstResult === -1 || codes.slice(firstResult).every((c) => c === "RESULT_MISMATCH")).toBe(true);
  return {
    structural: codes.filter((c) => c !== "RESULT_MISMATCH"),
    result: report.discrepancies.filter((d) => d.code === "RESULT_MISMATCH").map((d) => d.message),
  };
}

const turnout = (published: number, recounted: number) =>
  `The published result says __turnout = ${published}; the ballots give ${recounted}.`;

function ballotRecord(bundle: AuditBundle, seq: number) {
  const record = bundle.records[seq - 1]!;
  if (record.seq !== seq || record.entry.type !== "ballot") throw new Error(`record ${seq} is not a ballot`);
  return { record, entry: record.entry };
}

/** Changes one character of a string, to another of the same alphabet. */
function flipCharacter(text: string, at: number): string {
  const c = text[at]!;
  const other = /[0-9]/.test(c)
    ? String((Number(c) + 1) % 10)
    : c === "f"
      ? "e"
      : String.fromCharCode(c.charCodeAt(0) + 1);
  return text.slice(0, at) + other + text.slice(at + 1);
}

/** A well-formed ballot nobody cast: valid for the election, with a salt that opens its commitment. */
/**
 * A well-formed ballot nobody cast. By default its receipt is signed with the deployment's receipt
 * key, to show that the log's other checks hold even against someone holding that key; `unsigned`
 * gives it a signature of its own making, as an insider without the vote API's key must.
 */
function forgedBallot(
  receiptId: string,
  { unsigned = false } = {},
): { published: PublishedBallot; entry: AuditBundle["records"][number]["entry"] } {
  const checked = validateBallot(fixture.election, {
    answers: {
      mascot: { choices: ["otter"] },
      parks: { choices: ["harbour"] },
      "council-chair": { choices: ["dolores", "chen"] },
    },
  });
  if (!checked.ok) throw new Error(checked.error.code);
  const salt = "5a".repeat(16);
  const commitment = toHex(sha256(commitmentPayload(salt, canonicalBallotJson(checked.value))));
  const castAt = "2026-11-20T08:01:00.000Z";
  return {
    published: { receiptId, commitment, salt, ballot: checked.value },
    entry: {
      type: "ballot",
      receiptId,
      commitment,
      castAt,
      ...(unsigned
        ? {
            keyId: fixture.bundle.keys.receipt.keyId,
            binding: "0".repeat(64),
            signature: Buffer.alloc(64, 7).toString("base64url"),
          }
        : fixture.signReceipt({ receiptId, commitment, castAt })),
    },
  };
}

describe("audit bundle fixture", () => {
  it("verifies clean, every part counted", async () => {
    const { bundle } = fixture;
    const report = await verifyBundle(deps, bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked).toMatchObject({
      records: BALLOTS + ACTIONS,
      epochs: Math.ceil((BALLOTS + ACTIONS) / EPOCH_RECORDS),
      ballots: BALLOTS,
    });
    expect(report.checked.counters).toBe(Object.keys(bundle.result.counters).length);
    expect(bundle.result.counters["__turnout"]).toBe(BALLOTS);
  });

  it("holds one question of each kind, actions first, and an instant-runoff count of more than one round", () => {
    const { bundle } = fixture;
    expect(bundle.election.questions.map((q) => q.kind)).toEqual(["single", "multi", "ranked"]);
    expect(bundle.records.slice(0, ACTIONS).map((r) => r.entry.type === "action" && r.entry.action)).toEqual([
      "election.create",
      "election.transition",
    ]);
    expect(bundle.records.slice(ACTIONS).every((r) => r.entry.type === "ballot")).toBe(true);
    const irv = bundle.result.instantRunoff["council-chair"]!;
    expect(irv.rounds.length).toBeGreaterThan(1);
    expect(irv.winner).not.toBeNull();
    // Multi-select ballots choose one or two parks; some voters abstain.
    const parks = bundle.ballots.map((b) => b.ballot[1]![1]);
    expect(new Set(parks.map((a) => (a === "abstain" ? 0 : "choices" in a ? a.choices.length : -1)))).toEqual(
      new Set([0, 1, 2]),
    );
  });

  it("is the same document after JSON and the published schema, tie-break notes included", async () => {
    // 6 ballots of seed 1 tie for fewest votes twice in the ranked count.
    const { bundle } = await buildAuditBundle({ ballots: 6, seed: 1 });
    expect(bundle.result.instantRunoff["council-chair"]!.rounds.some((r) => r.tieBreak)).toBe(true);
    const parsed = auditBundleSchema.parse(JSON.parse(JSON.stringify(bundle)));
    expect(parsed).toEqual(bundle);
    expect(await discrepancies(parsed)).toEqual([]);
  });

  it("reads a bundle published before withdrawals (v3) as before, and no other format", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 4, seed: 2 });
    const v3 = auditBundleSchema.parse(JSON.parse(JSON.stringify({ ...bundle, format: "landslide-audit-bundle-v3" })));
    expect(await discrepancies(v3)).toEqual([]);
    expect(auditBundleSchema.safeParse({ ...bundle, format: "landslide-audit-bundle-v2" }).success).toBe(false);
  });

  it("is deterministic but for the keys", async () => {
    const again = await buildAuditBundle({ ballots: BALLOTS, actions: ACTIONS, epochRecords: EPOCH_RECORDS, seed: 7 });
    // Receipt signatures follow from the keys, and record hashes from them; everything else repeats.
    const unsigned = (records: AuditBundle["records"]) =>
      records.map(({ entry }) => (entry.type === "ballot" ? { ...entry, keyId: "", signature: "" } : entry));
    expect(unsigned(again.bundle.records)).toEqual(unsigned(fixture.bundle.records));
    expect(again.bundle.ballots).toEqual(fixture.bundle.ballots);
    expect(again.bundle.epochs.map((e) => [e.statement.firstSeq, e.statement.lastSeq])).toEqual(
      fixture.bundle.epochs.map((e) => [e.statement.firstSeq, e.statement.lastSeq]),
    );
    // With the same keys, even the roots repeat.
    const sameKeys = await buildAuditBundle({
      ballots: BALLOTS,
      actions: ACTIONS,
      epochRecords: EPOCH_RECORDS,
      seed: 7,
      keys: fixture.keys,
    });
    expect(sameKeys.bundle.epochs.map((e) => e.statement.root)).toEqual(
      fixture.bundle.epochs.map((e) => e.statement.root),
    );
  });
});

describe("verifyBundle finds each attack", () => {
  it.each([
    ["commitment", 17],
    ["castAt", 20],
  ] as const)(
    "one character of a logged ballot's %s changed, its hash kept: RECORD_ALTERED at that record",
    async (field, at) => {
      const seq = 50;
      let receiptId = "";
      const bundle = tampered((b) => {
        const { entry } = ballotRecord(b, seq);
        receiptId = entry.receiptId;
        entry[field] = flipCharacter(entry[field], at);
      });
      const { structural, result } = await structuralAndResult(bundle);
      expect(structural).toEqual([
        `RECORD_ALTERED seq=${seq}`,
        `EPOCH_ROOT_MISMATCH epoch=${epochOf(seq)}`,
        // Both are under the receipt's signature, so the altered receipt is no longer one the vote API issued (and is not counted).
        `RECEIPT_SIGNATURE_INVALID seq=${seq} receipt=${receiptId}`,
      ]);
      expect(result).toContain(turnout(BALLOTS, BALLOTS - 1));
    },
  );

  it("a record dropped: RECORD_MISSING naming it, reported once", async () => {
    const seq = 37;
    const { entry } = ballotRecord(fixture.bundle, seq);
    const bundle = tampered((b) => b.records.splice(seq - 1, 1));
    const { structural, result } = await structuralAndResult(bundle);
    expect(structural).toEqual([
      `RECORD_MISSING seq=${seq}`,
      `CHAIN_BROKEN seq=${seq + 1}`,
      `EPOCH_ROOT_MISMATCH epoch=${epochOf(seq)}`,
      `BALLOT_NOT_IN_LOG receipt=${entry.receiptId}`,
    ]);
    // Its published ballot is no longer counted.
    expect(result).toContain(turnout(BALLOTS, BALLOTS - 1));
    const report = await verifyBundle(deps, bundle);
    expect(report.discrepancies[0]?.message).toBe(
      `Record ${seq} is missing: record ${seq + 1} follows record ${seq - 1}.`,
    );
  });

  it("two adjacent records swapped: RECORD_OUT_OF_ORDER, and the links around them broken", async () => {
    const bundle = tampered((b) => {
      const [a, c] = [b.records[19]!, b.records[20]!];
      b.records[19] = c;
      b.records[20] = a;
    });
    expect(await discrepancies(bundle)).toEqual([
      "RECORD_OUT_OF_ORDER seq=21",
      "CHAIN_BROKEN seq=21",
      "RECORD_OUT_OF_ORDER seq=20",
      "CHAIN_BROKEN seq=20",
      "CHAIN_BROKEN seq=22",
    ]);
  });

  it("two entries swapped and the chain re-hashed by someone without the audit key: EPOCH_ROOT_MISMATCH", async () => {
    const bundle = tampered((b) => {
      const [a, c] = [b.records[19]!, b.records[20]!];
      b.records.splice(19, 2, c, a);
      b.records = rechain(b.records);
    });
    // Re-hashing changes every later record's link, so every epoch from the first changed one on fails.
    const lastEpoch = fixture.bundle.epochs.length;
    expect(await discrepancies(bundle)).toEqual(
      Array.from({ length: lastEpoch - epochOf(20) + 1 }, (_, k) => `EPOCH_ROOT_MISMATCH epoch=${epochOf(20) + k}`),
    );
  });

  it("a forged ballot spliced into the log, the chain re-hashed after it, the ballot published: EPOCH_ROOT_MISMATCH from its epoch on", async () => {
    const afterSeq = 40;
    const forged = forgedBallot("f0".repeat(16));
    const bundle = tampered((b) => {
      b.records.splice(afterSeq, 0, { ...b.records[afterSeq]!, entry: forged.entry });
      b.records = rechain(b.records);
      b.ballots.push(forged.published);
    });
    const lastEpoch = fixture.bundle.epochs.length;
    const { structural, result } = await structuralAndResult(bundle);
    expect(structural).toEqual([
      // Every record from the forged one on moved up a place and links differently, so every epoch from its one on fails,
      ...Array.from(
        { length: lastEpoch - epochOf(afterSeq + 1) + 1 },
        (_, k) => `EPOCH_ROOT_MISMATCH epoch=${epochOf(afterSeq + 1) + k}`,
      ),
      // and the log's last record is now in no epoch.
      `RECORDS_UNSEALED seq=${BALLOTS + ACTIONS + 1}`,
    ]);
    // The forged ballot opens its commitment and is counted; the published result does not have it.
    expect(result).toContain(turnout(BALLOTS, BALLOTS + 1));
    expect(result).toContain(
      `The published result says mascot#otter = ${fixture.bundle.result.counters["mascot#otter"]}; the ballots give ${fixture.bundle.result.counters["mascot#otter"]! + 1}.`,
    );
  });

  it("a forged ballot appended after the sealed log, the result recounted to match: RECORDS_UNSEALED, and refused inside an epoch", async () => {
    const forged = forgedBallot("f1".repeat(16));
    const bundle = tampered((b) => {
      b.records.push({ ...b.records[0]!, entry: forged.entry });
      b.records = rechain(b.records);
      b.ballots.push(forged.published);
    });
    bundle.result = await countResult(
      fixture.election,
      bundle.ballots.map((p) => p.ballot as CanonicalBallot),
    );
    // Appended after the last record: no epoch seals it, so the log's end is unsealed.
    expect(await discrepancies(bundle)).toEqual([`RECORDS_UNSEALED seq=${BALLOTS + ACTIONS + 1}`]);
    // Put it in the last epoch's range instead: that epoch's signed root no longer matches.
    const last = bundle.epochs.at(-1)!;
    last.statement = { ...last.statement, lastSeq: last.statement.lastSeq + 1 };
    expect(await discrepancies(bundle)).toEqual([
      `EPOCH_SIGNATURE_INVALID epoch=${last.statement.epoch}`,
      `EPOCH_ROOT_MISMATCH epoch=${last.statement.epoch}`,
    ]);
  });

  it("a ballot the vote API never signed, logged and re-sealed with the real audit key (an insider at the aggregator): RECEIPT_SIGNATURE_INVALID naming it, not counted", async () => {
    const forged = forgedBallot("fa".repeat(16), { unsigned: true });
    const withForgery = tampered((b) => {
      b.records.push({ ...b.records[0]!, entry: forged.entry });
      b.ballots.push(forged.published);
    });
    // The insider also makes the published result agree with the forged ballot counted.
    withForgery.result = await countResult(
      fixture.election,
      withForgery.ballots.map((p) => p.ballot as CanonicalBallot),
    );
    const bundle = resignedBundle(withForgery, fixture.signer, { epochRecords: EPOCH_RECORDS });
    const { structural, result } = await structuralAndResult(bundle);
    expect(structural).toEqual([
      `RECEIPT_SIGNATURE_INVALID seq=${BALLOTS + ACTIONS + 1} receipt=${forged.published.receiptId}`,
    ]);
    expect(result).toContain(turnout(BALLOTS + 1, BALLOTS));
  });

  it("a forged ballot only in the published ballots: BALLOT_NOT_IN_LOG with its receipt id", async () => {
    const forged = forgedBallot("f2".repeat(16));
    const bundle = tampered((b) => b.ballots.splice(100, 0, forged.published));
    // Not counted either, so the result still matches.
    expect(await discrepancies(bundle)).toEqual([`BALLOT_NOT_IN_LOG receipt=${forged.published.receiptId}`]);
  });

  it("a ballot logged twice, even re-sealed with the real audit key: BALLOT_DUPLICATED at the second record", async () => {
    const { entry } = ballotRecord(fixture.bundle, 30);
    const withRepeat = tampered((b) => b.records.push({ ...b.records[0]!, entry: structuredClone(entry) }));
    const bundle = resignedBundle(withRepeat, fixture.signer, { epochRecords: EPOCH_RECORDS });
    expect(await discrepancies(bundle)).toEqual([
      `BALLOT_DUPLICATED seq=${BALLOTS + ACTIONS + 1} receipt=${entry.receiptId}`,
    ]);
  });

  it("a ballot published twice: BALLOT_DUPLICATED", async () => {
    const twice = fixture.bundle.ballots[3]!;
    const bundle = tampered((b) => b.ballots.push(structuredClone(twice)));
    expect(await discrepancies(bundle)).toEqual([`BALLOT_DUPLICATED receipt=${twice.receiptId}`]);
  });

  it("one epoch's signature replaced by another epoch's: EPOCH_SIGNATURE_INVALID naming it", async () => {
    const bundle = tampered((b) => {
      b.epochs[2]!.signature = b.epochs[3]!.signature;
    });
    expect(await discrepancies(bundle)).toEqual(["EPOCH_SIGNATURE_INVALID epoch=3"]);
  });

  it("an epoch re-signed with an attacker's key under the deployment's key id: EPOCH_SIGNATURE_INVALID", async () => {
    const attacker = attackerSigner();
    const bundle = tampered((b) => {
      const epoch = b.epochs[4]!;
      epoch.signature = attacker.sign(epochSigningPayload(epoch.statement));
    });
    expect(await discrepancies(bundle)).toEqual(["EPOCH_SIGNATURE_INVALID epoch=5"]);
  });

  it("a forged log re-sealed with an attacker's own key: EPOCH_UNKNOWN_KEY for every epoch", async () => {
    const attacker = attackerSigner();
    const forged = forgedBallot("f3".repeat(16));
    const withForgery = tampered((b) => {
      b.records.splice(60, 0, { ...b.records[60]!, entry: forged.entry });
      b.ballots.push(forged.published);
    });
    withForgery.result = await countResult(
      fixture.election,
      withForgery.ballots.map((p) => p.ballot as CanonicalBallot),
    );
    const bundle = resignedBundle(withForgery, attacker, { epochRecords: EPOCH_RECORDS });
    expect(bundle.epochs[0]!.statement.keyId).toBe(attacker.keyId);
    expect(await discrepancies(bundle)).toEqual(
      Array.from({ length: bundle.epochs.length }, (_, i) => `EPOCH_UNKNOWN_KEY epoch=${i + 1}`),
    );

    // A bundle that also swaps in the attacker's key checks out against itself; the key id the
    // deployment announced elsewhere (the CLI asks the API for it) is what catches it.
    const keySwapped = resignedBundle(withForgery, attacker, { epochRecords: EPOCH_RECORDS, publishKey: true });
    expect(await discrepancies(keySwapped)).toEqual([]);
    const pinned = await verifyBundle({ ...deps, expectedAuditKeyId: fixture.bundle.keys.audit.keyId }, keySwapped);
    expect(found(pinned.discrepancies)).toEqual(["AUDIT_KEY_UNEXPECTED"]);
    expect(
      (await verifyBundle({ ...deps, expectedAuditKeyId: fixture.bundle.keys.audit.keyId }, fixture.bundle)).ok,
    ).toBe(true);
  });

  it("one published counter altered: RESULT_MISMATCH naming that counter", async () => {
    const counter = "mascot#otter";
    const published = fixture.bundle.result.counters[counter]!;
    expect(published).toBeGreaterThan(0);
    const bundle = tampered((b) => {
      b.result.counters[counter] = published + 1;
    });
    const report = await verifyBundle(deps, bundle);
    expect(found(report.discrepancies)).toEqual(["RESULT_MISMATCH"]);
    expect(report.discrepancies[0]!.message).toBe(
      `The published result says ${counter} = ${published + 1}; the ballots give ${published}.`,
    );
  });

  it("a counter the ballots never gave, published: RESULT_MISMATCH naming it", async () => {
    const bundle = tampered((b) => {
      b.result.counters["mascot#dragon"] = 3;
    });
    const report = await verifyBundle(deps, bundle);
    expect(found(report.discrepancies)).toEqual(["RESULT_MISMATCH"]);
    expect(report.discrepancies[0]!.message).toContain("mascot#dragon = 3; the ballots give 0");
  });

  type Runoff = AuditBundle["result"]["instantRunoff"][string];
  const runoffAlterations: ReadonlyArray<readonly [string, (irv: Runoff) => void]> = [
    ["a round's tally", (irv) => void (irv.rounds[0]!.tallies["ada"]! += 1)],
    ["the eliminated option", (irv) => void (irv.rounds[0]!.eliminated = ["ada"])],
    ["a round dropped", (irv) => void (irv.rounds = irv.rounds.slice(0, -1))],
    ["the exhausted count", (irv) => void (irv.rounds.at(-1)!.exhausted += 1)],
    ["the winner", (irv) => void (irv.winner = "bruno")],
  ];
  it.each(runoffAlterations)(
    "an instant-runoff count altered (%s): RESULT_MISMATCH for that question",
    async (_, alter) => {
      const bundle = tampered((b) => alter(b.result.instantRunoff["council-chair"]!));
      const report = await verifyBundle(deps, bundle);
      expect(found(report.discrepancies)).toEqual(["RESULT_MISMATCH"]);
      expect(report.discrepancies[0]!.message).toMatch(/^The published instant-runoff count of council-chair differs/);
    },
  );

  it("a published ballot's choices changed: COMMITMENT_MISMATCH, and it is left out of the count", async () => {
    const index = fixture.bundle.ballots.findIndex(
      (b) => b.ballot[0]![1] !== "abstain" && JSON.stringify(b.ballot[0]![1]) !== '{"choices":["heron"]}',
    );
    const original = fixture.bundle.ballots[index]!;
    const seq = fixture.bundle.records.find(
      (r) => r.entry.type === "ballot" && r.entry.receiptId === original.receiptId,
    )!.seq;
    const bundle = tampered((b) => {
      const ballot = b.ballots[index]!;
      b.ballots[index] = { ...ballot, ballot: [["mascot", { choices: ["heron"] }], ...ballot.ballot.slice(1)] };
    });
    const { structural, result } = await structuralAndResult(bundle);
    expect(structural).toEqual([`COMMITMENT_MISMATCH seq=${seq} receipt=${original.receiptId}`]);
    // Not counted at all (neither as it was nor as changed): turnout is one short of the published result.
    expect(result).toContain(turnout(BALLOTS, BALLOTS - 1));
  });

  it("a published ballot's salt changed: COMMITMENT_MISMATCH", async () => {
    const original = fixture.bundle.ballots[5]!;
    const bundle = tampered((b) => {
      b.ballots[5]!.salt = flipCharacter(original.salt, 0);
    });
    const seq = fixture.bundle.records.find(
      (r) => r.entry.type === "ballot" && r.entry.receiptId === original.receiptId,
    )!.seq;
    const { structural, result } = await structuralAndResult(bundle);
    expect(structural).toEqual([`COMMITMENT_MISMATCH seq=${seq} receipt=${original.receiptId}`]);
    expect(result).toContain(turnout(BALLOTS, BALLOTS - 1));
  });

  it("a logged ballot missing from the published ballots: BALLOT_NOT_PUBLISHED with its record", async () => {
    const { entry } = ballotRecord(fixture.bundle, 77);
    const bundle = tampered((b) => {
      b.ballots = b.ballots.filter((p) => p.receiptId !== entry.receiptId);
    });
    const { structural, result } = await structuralAndResult(bundle);
    expect(structural).toEqual([`BALLOT_NOT_PUBLISHED seq=77 receipt=${entry.receiptId}`]);
    expect(result).toContain(turnout(BALLOTS, BALLOTS - 1));
  });

  it("a middle epoch withheld: the next one is out of place, names another root and leaves a gap", async () => {
    const bundle = tampered((b) => b.epochs.splice(4, 1));
    const lastEpoch = fixture.bundle.epochs.length;
    expect(await discrepancies(bundle)).toEqual([
      "EPOCH_OUT_OF_ORDER epoch=6",
      "EPOCH_CHAIN_BROKEN epoch=6",
      "EPOCH_GAP epoch=6",
      // Epochs are numbered by position: each later one also stands a place early.
      ...Array.from({ length: lastEpoch - 6 }, (_, k) => `EPOCH_OUT_OF_ORDER epoch=${7 + k}`),
    ]);
  });

  it("the last epoch removed: RECORDS_UNSEALED from its first record", async () => {
    const last = fixture.bundle.epochs.at(-1)!.statement;
    const bundle = tampered((b) => b.epochs.pop());
    const report = await verifyBundle(deps, bundle);
    expect(found(report.discrepancies)).toEqual([`RECORDS_UNSEALED seq=${last.firstSeq}`]);
    expect(report.discrepancies[0]!.message).toBe(`Records ${last.firstSeq}–${last.lastSeq} are in no signed epoch.`);
  });

  it("a dropped record early in a long log costs one discrepancy and little time", async () => {
    const { bundle } = await buildAuditBundle({ ballots: 20_000, epochRecords: 256 });
    bundle.records.splice(9, 1);
    const started = performance.now();
    const report = await verifyBundle(deps, bundle);
    const elapsed = performance.now() - started;
    expect(report.discrepancies.filter((d) => d.code.startsWith("RECORD_"))).toEqual([
      expect.objectContaining({ code: "RECORD_MISSING", seq: 10 }),
    ]);
    // Once every later record was reported out of order, each after a scan of the whole log: quadratic time.
    // (Each ballot's receipt signature is verified too: linear, a few seconds on a loaded two-core machine.)
    expect(elapsed).toBeLessThan(60_000);
  });
});

describe("Merkle tree (RFC 6962 / RFC 9162)", () => {
  const NODE = new Uint8Array([1]);
  const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
  const leafHash = (data: Uint8Array) => sha256(concat(new Uint8Array([0]), data));

  /** MTH(D[n]) straight from RFC 6962 §2.1, over leaf hashes. */
  function referenceRoot(leaves: readonly Uint8Array[]): Uint8Array {
    if (leaves.length === 0) return sha256(new Uint8Array(0));
    if (leaves.length === 1) return leaves[0]!;
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return sha256(concat(NODE, referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k))));
  }

  /** PATH(m, D[n]) from RFC 6962 §2.1.1. */
  function referencePath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
    if (leaves.length <= 1) return [];
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return m < k
      ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
      : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
  }

  const leaves = Array.from({ length: 70 }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)));
  const leafHex = leaves.map(hex);

  it("gives the empty tree the hash of the empty string", () => {
    expect(merkleRoot(sha256, [])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("matches the Certificate Transparency reference roots for the RFC 6962 test leaves", () => {
    const data = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
    const ctLeaves = data.map((d) => hex(leafHash(new Uint8Array(Buffer.from(d, "hex")))));
    const roots = [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];
    expect(roots.map((_, n) => merkleRoot(sha256, ctLeaves.slice(0, n + 1)))).toEqual(roots);
    expect(inclusionProof(sha256, ctLeaves, 0)).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
  });

  it("equals the recursive reference for every size from 1 to 70", () => {
    for (let n = 1; n <= 70; n++)
      expect(merkleRoot(sha256, leafHex.slice(0, n)), `n = ${n}`).toBe(hex(referenceRoot(leaves.slice(0, n))));
  });

  it("proves and verifies every leaf of every tree of 1 to 33 leaves, with the reference audit path", () => {
    for (let n = 1; n <= 33; n++) {
      const tree = leafHex.slice(0, n);
      const root = merkleRoot(sha256, tree);
      for (let index = 0; index < n; index++) {
        const path = inclusionProof(sha256, tree, index);
        expect(path, `n = ${n}, index = ${index}`).toEqual(referencePath(index, leaves.slice(0, n)).map(hex));
        expect(
          verifyInclusion(sha256, { leafHash: tree[index]!, index, treeSize: n, path }, root),
          `n = ${n}, index = ${index}`,
        ).toBe(true);
      }
    }
  });

  it("refuses a proof with a wrong index, leaf, root, tree size or path", () => {
    for (let n = 1; n <= 33; n++) {
      const tree = leafHex.slice(0, n);
      const root = merkleRoot(sha256, tree);
      for (let index = 0; index < n; index++) {
        const path = inclusionProof(sha256, tree, index);
        const proof = { leafHash: tree[index]!, index, treeSize: n, path };
        const at = `n = ${n}, index = ${index}`;
        if (n > 1) {
          expect(verifyInclusion(sha256, { ...proof, index: (index + 1) % n }, root), at).toBe(false);
          expect(verifyInclusion(sha256, { ...proof, leafHash: tree[(index + 1) % n]! }, root), at).toBe(false);
          expect(verifyInclusion(sha256, { ...proof, path: path.slice(0, -1) }, root), at).toBe(false);
          expect(verifyInclusion(sha256, { ...proof, path: path.slice(1) }, root), at).toBe(false);
        }
        expect(verifyInclusion(sha256, { ...proof, leafHash: hex(leafHash(new Uint8Array([index]))) }, root), at).toBe(
          false,
        );
        expect(verifyInclusion(sha256, proof, merkleRoot(sha256, leafHex.slice(0, n + 1))), at).toBe(false);
        expect(verifyInclusion(sha256, { ...proof, path: [...path, tree[0]!] }, root), at).toBe(false);
        expect(verifyInclusion(sha256, { ...proof, index: n }, root), at).toBe(false);
        expect(verifyInclusion(sha256, { ...proof, treeSize: index }, root), at).toBe(false);
        expect(verifyInclusion(sha256, { ...proof, index: -1 }, root), at).toBe(false);
      }
    }
  });

  it("binds a proof to the tree size it is given, which must come from the signed epoch", () => {
    // As in RFC 9162, the path alone does not fix the tree size: leaf 0's path in a tree of 3,
    // [h1, h2], also walks a tree of 4 whose right half would hash to h2. Callers take the size
    // from the signed statement (lastSeq − firstSeq + 1), as checkReceiptInclusion does.
    const tree = leafHex.slice(0, 3);
    const proof = { leafHash: tree[0]!, index: 0, treeSize: 3, path: inclusionProof(sha256, tree, 0) };
    expect(verifyInclusion(sha256, proof, merkleRoot(sha256, tree))).toBe(true);
    expect(verifyInclusion(sha256, { ...proof, treeSize: 4 }, merkleRoot(sha256, tree))).toBe(true);
    expect(verifyInclusion(sha256, { ...proof, treeSize: 4 }, merkleRoot(sha256, leafHex.slice(0, 4)))).toBe(false);
    expect(verifyInclusion(sha256, { ...proof, treeSize: 5 }, merkleRoot(sha256, tree))).toBe(false);
  });

  it("refuses to prove a leaf the tree does not have", () => {
    expect(() => inclusionProof(sha256, leafHex.slice(0, 4), 4)).toThrow("no leaf 4 in a tree of 4");
    expect(() => inclusionProof(sha256, [], 0)).toThrow();
  });
});

describe("log record hash", () => {
  const ballot = {
    electionId: "00000000-0000-4000-8000-00000000de30",
    seq: 3,
    prevHash: "ab".repeat(32),
    entry: {
      type: "ballot" as const,
      receiptId: "0123456789abcdef0123456789abcdef",
      commitment: "cd".repeat(32),
      castAt: "2026-11-20T08:00:01.234Z",
      keyId: "receipt-1",
      binding: "ef".repeat(32),
      signature: "c2lnbmVk",
    },
  };
  const action = {
    electionId: "00000000-0000-4000-8000-00000000de30",
    seq: 1,
    prevHash: "0".repeat(64),
    entry: {
      type: "action" as const,
      action: "election.create",
      actor: "rö@example.org",
      at: "2026-11-20T07:00:00.000Z",
      reason: 'Ünïcode "quoted"\n',
      details: { z: [1, { b: null, a: true }], title: "Demo" },
    },
  };

  it("is the RFC 6962 leaf hash SHA-256(0x00 ‖ recordBytes)", () => {
    for (const record of [ballot, action]) {
      const bytes = recordBytes(record);
      expect(new TextDecoder().decode(bytes)).toBe(`landslide-log-v1\n${canonicalJson(record)}`);
      expect(recordHash(sha256, record)).toBe(toHex(sha256(new Uint8Array([0, ...bytes]))));
    }
  });

  it("stays what published logs were hashed with", () => {
    // Pinned: a change here would orphan every log already sealed. Ballot entries gained the
    // receipt's key id and signature with bundle format v2 and its binding with v3 (both 2026-12);
    // action entries are as first made.
    expect(recordHash(sha256, ballot)).toBe("aab635b8597d8775126b4a09e75b70035e18736beceb7fdeb2d3ffe93d6bfce3");
    expect(recordHash(sha256, action)).toBe("474e5a3b768f0897e277a5abe6614a01e446160b4137ff5e89f3d1c418c8a53c");
  });
});

describe("hex", () => {
  it("hexOf writes what toHex writes, and fromHex reads it back", () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(hexOf(every)).toBe(toHex(every));
    expect(fromHex(hexOf(every))).toEqual(every);
    expect(hexOf(new Uint8Array(0))).toBe("");
  });

  it("fromHex refuses upper case, odd lengths and anything but hex digits", () => {
    for (const bad of ["A0", "0", "0g", "zz", " 0", "0\u0660", "é0"])
      expect(() => fromHex(bad), bad).toThrow("not lower-case hex");
  });
});

describe("canonical JSON", () => {
  it("sorts object keys at every depth, arrays kept in order, no whitespace", () => {
    const value = { b: 1, a: { d: [{ z: true, y: null }, "x"], c: 'é"\n' }, A: [3, 1, 2] };
    expect(canonicalJson(value)).toBe('{"A":[3,1,2],"a":{"c":"é\\"\\n","d":[{"y":null,"z":true},"x"]},"b":1}');
    expect(canonicalJson({ a: { d: ["x"], c: 0 }, b: 1 })).toBe(canonicalJson({ b: 1, a: { c: 0, d: ["x"] } }));
  });

  it("orders keys by UTF-16 code unit, as any JSON canonicalizer over strings does", () => {
    expect(canonicalJson({ b: 0, é: 0, B: 0, a: 0, "": 0, "10": 0, "9": 0 })).toBe(
      '{"":0,"10":0,"9":0,"B":0,"a":0,"b":0,"é":0}',
    );
  });

  it("leaves out undefined properties, as JSON does", () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it("refuses NaN, Infinity and anything that is not plain JSON", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow("NaN");
    expect(() => canonicalJson({ a: { b: [1, Number.NaN] } })).toThrow("NaN");
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow("Infinity");
    expect(() => canonicalJson({ a: 1n })).toThrow("bigint");
    expect(() => canonicalJson([() => 1])).toThrow("function");
    expect(() => canonicalJson([undefined])).toThrow("undefined");
  });

  it("gives the same bytes as JSON.stringify for values with keys already sorted", () => {
    const value = { a: [1, -2.5, 1e21, "\u2028", { b: false }], c: "\u0000" };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });
});

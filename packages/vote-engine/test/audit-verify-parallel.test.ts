import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatchCryptoPool, nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import {
  type AuditBundle,
  type BatchCrypto,
  canonicalJson,
  merkleRoot,
  merkleRoots,
  sequentialBatchCrypto,
  verifyBundle,
} from "../src/audit";
import { recordBytes, recordHash } from "../src/audit/log-record";
import { fromHex } from "../src/audit/sha256";
import { type AuditBundleFixture, buildAuditBundle, resignedBundle } from "../src/testing/audit-bundle-fixture";

const sha256 = nodeEntropy.sha256;
// Enough ballots that the verifier asks in several slices (2,048 items each) and the pool splits
// each slice over its workers; three workers even where the machine has fewer cores.
const BALLOTS = 3000;
const ACTIONS = 2;
const EPOCH_RECORDS = 16;
const epochOf = (seq: number) => Math.ceil(seq / EPOCH_RECORDS);
const pool = createBatchCryptoPool({ size: 3 });

/** The pool, with the size of every call it was asked, to show the work went to the workers. */
function counting(batch: BatchCrypto): BatchCrypto & { readonly calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    sha256Many: (items) => (calls.push(items.length), batch.sha256Many(items)),
    verifyEd25519Many: (pem, items) => (calls.push(items.length), batch.verifyEd25519Many(pem, items)),
  };
}

let fixture: AuditBundleFixture;
beforeAll(async () => {
  fixture = await buildAuditBundle({ ballots: BALLOTS, actions: ACTIONS, epochRecords: EPOCH_RECORDS, seed: 11 });
});
afterAll(() => pool.close());

function flip(text: string, at: number): string {
  const c = text[at]!;
  return text.slice(0, at) + (c === "A" ? "B" : "A") + text.slice(at + 1);
}

function ballotEntry(bundle: AuditBundle, seq: number) {
  const entry = bundle.records[seq - 1]!.entry;
  if (entry.type !== "ballot") throw new Error(`record ${seq} is not a ballot`);
  return entry;
}

describe("verifyBundle on the worker pool", () => {
  it("verifies the clean bundle as the sequential verifier does, with the work sent to the workers", async () => {
    const batch = counting(pool);
    const parallel = await verifyBundle({ sha256, verifyEd25519, batch }, fixture.bundle);
    expect(parallel.discrepancies).toEqual([]);
    expect(parallel).toEqual(await verifyBundle({ sha256, verifyEd25519 }, fixture.bundle));
    // The records' hashes and receipts went in slices of 2,048, each big enough to split over the workers.
    expect(batch.calls.filter((n) => n === 2048).length).toBeGreaterThanOrEqual(2);
  });

  it("finds tampered receipt signatures and a re-made Merkle leaf in different slices: the same report, in the same order", async () => {
    const tampered = structuredClone(fixture.bundle);
    const early = 40;
    const late = BALLOTS + ACTIONS - 5;
    // An insider changes two receipts' signatures and re-seals the log with the real audit key:
    for (const seq of [early, late]) {
      const entry = ballotEntry(tampered, seq);
      entry.signature = flip(entry.signature, 10);
    }
    const bundle = resignedBundle(tampered, fixture.signer, { epochRecords: EPOCH_RECORDS });
    // then alters a ballot's time and re-makes its leaf hash, without the audit key;
    const leaf = 2500;
    const record = bundle.records[leaf - 1]!;
    const entry = ballotEntry(bundle, leaf);
    entry.castAt = "2026-11-20T09:00:00.000Z";
    bundle.records[leaf - 1] = { ...record, hash: recordHash(sha256, record) };
    // and swaps one epoch's signature for another's.
    bundle.epochs[5]!.signature = bundle.epochs[6]!.signature;

    const sequential = await verifyBundle({ sha256, verifyEd25519 }, bundle);
    const parallel = await verifyBundle({ sha256, verifyEd25519, batch: pool }, bundle);
    expect(parallel).toEqual(sequential);
    expect(
      parallel.discrepancies.filter((d) => d.code !== "RESULT_MISMATCH").map((d) => [d.code, d.seq ?? d.epoch]),
    ).toEqual([
      ["CHAIN_BROKEN", leaf + 1],
      ["EPOCH_SIGNATURE_INVALID", 6],
      ["EPOCH_ROOT_MISMATCH", epochOf(leaf)],
      ["RECEIPT_SIGNATURE_INVALID", early],
      ["RECEIPT_SIGNATURE_INVALID", leaf],
      ["RECEIPT_SIGNATURE_INVALID", late],
    ]);
    // The three ballots the vote API did not sign are not counted.
    expect(parallel.discrepancies.map((d) => d.message)).toContain(
      `The published result says __turnout = ${BALLOTS}; the ballots give ${BALLOTS - 3}.`,
    );
  });
});

describe("the worker pool's answers", () => {
  it("hashes as node:crypto does, bytes of every length and text as UTF-8, in order", async () => {
    // Text that is not ASCII takes more bytes than characters: the packed buffer must grow for it.
    const texts = ["", "\u0000ascii", "é".repeat(300), "\u{1F600}".repeat(200), "\ud800 lone", "日本語".repeat(500)];
    const items = Array.from({ length: 700 }, (_, i) =>
      i % 3 === 0 ? texts[i % texts.length]! : new Uint8Array(i % 97).fill(i & 0xff),
    );
    const digests = await pool.sha256Many(items);
    const expected = items.map((item) => sha256(typeof item === "string" ? new TextEncoder().encode(item) : item));
    expect(digests.map((d) => Buffer.from(d).toString("hex"))).toEqual(
      expected.map((d) => Buffer.from(d).toString("hex")),
    );
  });

  it("verifies as verifyEd25519 does, false for every malformed signature or key, never a throw", async () => {
    const payload = (i: number) => new TextEncoder().encode(`payload ${i} é`);
    const good = (i: number) => fixture.keys.signAudit(payload(i));
    const signatures = [
      (i: number) => good(i),
      (i: number) => flip(good(i), 3),
      (i: number) => good(i + 1),
      () => "",
      () => "not base64url at all! é \u{1F600}",
      (i: number) => good(i).slice(0, 40),
      (i: number) => `${good(i)}AA`,
      () => "\ud800",
    ];
    const items = Array.from({ length: 400 }, (_, i) => ({
      payload: payload(i),
      signature: signatures[i % signatures.length]!(i),
    }));
    const pem = fixture.bundle.keys.audit.pem;
    const verdicts = await pool.verifyEd25519Many(pem, items);
    expect(verdicts).toEqual(items.map((item) => verifyEd25519(item.payload, item.signature, pem)));
    expect(verdicts.filter(Boolean).length).toBe(50);
    // Another key, or no key at all: nothing verifies.
    expect(await pool.verifyEd25519Many(fixture.bundle.keys.receipt.pem, items)).toEqual(items.map(() => false));
    expect(
      await pool.verifyEd25519Many("-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n", items),
    ).toEqual(items.map(() => false));
  });

  it("refuses work once closed", async () => {
    const closing = createBatchCryptoPool({ size: 1 });
    expect((await closing.sha256Many(Array.from({ length: 64 }, () => new Uint8Array(1)))).length).toBe(64);
    await closing.close();
    await expect(closing.sha256Many(Array.from({ length: 64 }, () => new Uint8Array(1)))).rejects.toThrow("closed");
  });
});

describe("the verifier's fast paths give the same bytes", () => {
  it("merkleRoots equals merkleRoot for trees of 0 to 70 leaves, all at once", async () => {
    const leaves = Array.from({ length: 70 }, (_, i) => Buffer.from(sha256(new Uint8Array([0, i]))).toString("hex"));
    const trees = Array.from({ length: 71 }, (_, n) => leaves.slice(0, n));
    for (const batch of [sequentialBatchCrypto({ sha256, verifyEd25519 }), pool]) {
      const roots = await merkleRoots(
        (items) => batch.sha256Many(items),
        trees.map((tree) => tree.map(fromHex)),
      );
      expect(roots.map((r) => Buffer.from(r).toString("hex"))).toEqual(trees.map((tree) => merkleRoot(sha256, tree)));
    }
  });

  it("a ballot record's bytes are its canonical JSON, whatever the shape", () => {
    const base = { electionId: "e-é", seq: 7, prevHash: "ab".repeat(32) };
    const entry = {
      type: "ballot",
      receiptId: 'r"1',
      commitment: "cd".repeat(32),
      castAt: "2026-11-20T08:00:01.234Z",
      keyId: "k\u2028",
      signature: "c2ln\n",
    };
    const shapes: unknown[] = [
      entry,
      {
        signature: entry.signature,
        keyId: entry.keyId,
        castAt: entry.castAt,
        commitment: entry.commitment,
        receiptId: entry.receiptId,
        type: "ballot",
      },
      { ...entry, extra: "x" },
      { ...entry, keyId: undefined },
      { ...entry, keyId: 5 },
      { ...entry, signature: { nested: ["b", "a"] } },
      (({ castAt: _, ...rest }) => ({ ...rest, castat: "x" }))(entry),
      Object.assign(Object.create({ castAt: "inherited" }), {
        type: "ballot",
        receiptId: "r",
        commitment: "c",
        keyId: "k",
        signature: "s",
        other: "o",
      }),
    ];
    for (const shape of shapes) {
      const record = { ...base, entry: shape } as Parameters<typeof recordBytes>[0];
      expect(new TextDecoder().decode(recordBytes(record))).toBe(
        `landslide-log-v1\n${canonicalJson({ ...base, entry: shape })}`,
      );
    }
    for (const record of fixture.bundle.records.slice(0, 50)) {
      const { hash: _, ...unhashed } = record;
      expect(new TextDecoder().decode(recordBytes(record))).toBe(`landslide-log-v1\n${canonicalJson(unhashed)}`);
    }
  });
});

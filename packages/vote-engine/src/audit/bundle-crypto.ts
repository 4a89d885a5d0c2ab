import { canonicalBallotJson } from "../ballot/canonical-json";
import { commitmentPayload, receiptSigningPayload } from "../vote/receipt";
import type { AuditBundle } from "./audit-bundle";
import type { BatchCrypto, SignedPayload } from "./batch-crypto";
import { epochSigningPayload } from "./epoch";
import { recordLeafText } from "./log-record";
import { merkleRoots } from "./merkle-tree";
import { hexOf } from "./sha256";

/**
 * Every hash and signature check a bundle's verification needs, computed before any is judged.
 * All of it is independent item by item, so a batch can spread it over cores; the checks that
 * follow read these answers in the bundle's order, so the report does not depend on who computed.
 */
export interface BundleCrypto {
  /** Each record's recomputed hash (hex), by its position in `records`. */
  readonly recordHashes: readonly string[];
  /** By record position: whether the receipt signature verifies; absent unless a ballot names the published receipt key. */
  readonly receiptSignatures: readonly (boolean | undefined)[];
  /** By epoch position: whether the signature verifies; absent unless the epoch names the published audit key. */
  readonly epochSignatures: readonly (boolean | undefined)[];
  /** By epoch position: the Merkle root of the records it names (recomputed hashes), or null if one of them is missing. */
  readonly epochRoots: readonly (string | null)[];
  /** By published ballot position: the hash its salt and ballot open to (hex). */
  readonly openings: readonly string[];
}

/** Items per call to the batch: small enough that a pool starts on the first while the next are built. */
const SLICE = 2048;

export async function computeBundleCrypto(batch: BatchCrypto, bundle: AuditBundle): Promise<BundleCrypto> {
  const { records, epochs, ballots, keys } = bundle;
  const leafCalls = sliced((items: string[]) => batch.sha256Many(items));
  const receiptCalls = sliced((items: SignedPayload[]) => batch.verifyEd25519Many(keys.receipt.pem, items));
  const receiptAt: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    leafCalls.add(recordLeafText(record));
    const { entry } = record;
    // As checkBallots reads it: only a receipt naming the published key is worth a signature check.
    if (entry.type !== "ballot" || entry.keyId !== keys.receipt.keyId) continue;
    const { receiptId, castAt, commitment, keyId, binding, signature, weight, optionOrder } = entry;
    const receipt = {
      receiptId,
      electionId: record.electionId,
      castAt,
      commitment,
      keyId,
      binding,
      ...(weight === undefined ? {} : { weight }),
      ...(optionOrder === undefined ? {} : { optionOrder }),
    };
    receiptCalls.add({
      payload: receiptSigningPayload(receipt),
      signature,
    });
    receiptAt.push(i);
  }
  const epochAt: number[] = [];
  const epochItems: SignedPayload[] = [];
  epochs.forEach(({ statement, signature }, i) => {
    if (statement.keyId !== keys.audit.keyId) return;
    epochItems.push({ payload: epochSigningPayload(statement), signature });
    epochAt.push(i);
  });
  const epochChecks = handledLater(batch.verifyEd25519Many(keys.audit.pem, epochItems));
  const openingCalls = sliced((items: Uint8Array[]) => batch.sha256Many(items));
  for (const ballot of ballots) openingCalls.add(commitmentPayload(ballot.salt, canonicalBallotJson(ballot.ballot)));

  // The epochs' trees need the records' hashes; the signatures go on meanwhile.
  const leaves = await leafCalls.results();
  const bySeq = new Map<number, Uint8Array>();
  // As a Map filled in order: where two records claim one seq, the later one's hash stands.
  records.forEach((record, i) => bySeq.set(record.seq, leaves[i]!));
  const roots = await epochRoots(batch, epochs, bySeq);

  const [receiptResults, epochResults, openings] = await Promise.all([
    receiptCalls.results(),
    epochChecks,
    openingCalls.results(),
  ]);
  const receiptSignatures = new Array<boolean | undefined>(records.length);
  receiptAt.forEach((at, k) => (receiptSignatures[at] = receiptResults[k]));
  const epochSignatures = new Array<boolean | undefined>(epochs.length);
  epochAt.forEach((at, k) => (epochSignatures[at] = epochResults[k]));
  return {
    recordHashes: leaves.map(hexOf),
    receiptSignatures,
    epochSignatures,
    epochRoots: roots,
    openings: openings.map(hexOf),
  };
}

/** Each epoch's root over the recomputed hashes of the records it names, all trees hashed level by level together. */
async function epochRoots(
  batch: BatchCrypto,
  epochs: AuditBundle["epochs"],
  bySeq: ReadonlyMap<number, Uint8Array>,
): Promise<(string | null)[]> {
  const trees: Uint8Array[][] = [];
  const treeOf: (number | null)[] = [];
  for (const { statement } of epochs) {
    const leaves: Uint8Array[] = [];
    // Stops at the first missing record: the root cannot match, and a forged range may be huge.
    for (let seq = statement.firstSeq; seq <= statement.lastSeq; seq++) {
      const leaf = bySeq.get(seq);
      if (!leaf) break;
      leaves.push(leaf);
    }
    const complete = leaves.length === Math.max(0, statement.lastSeq - statement.firstSeq + 1);
    treeOf.push(complete ? trees.push(leaves) - 1 : null);
  }
  const roots = await merkleRoots((items) => batch.sha256Many(items), trees);
  return treeOf.map((t) => (t === null ? null : hexOf(roots[t]!)));
}

/** Collects items and asks `call` for every SLICE of them; `results` asks for the rest and joins the answers in order. */
function sliced<I, O>(call: (items: I[]) => Promise<readonly O[]>) {
  let pending: I[] = [];
  const calls: Promise<readonly O[]>[] = [];
  const flush = () => {
    if (pending.length > 0) calls.push(handledLater(call(pending)));
    pending = [];
  };
  return {
    add(item: I): void {
      pending.push(item);
      if (pending.length >= SLICE) flush();
    },
    async results(): Promise<O[]> {
      flush();
      return (await Promise.all(calls)).flatMap((part) => part);
    },
  };
}

/**
 * Marks a promise as handled now, though it is awaited only later: a worker that fails while
 * the verifier awaits something else must fail the verification, not crash the process as an
 * unhandled rejection.
 */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

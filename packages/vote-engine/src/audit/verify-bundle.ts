import type { Election } from "../election/definition";
import { type Recount, recount } from "../tally/recount";
import type { StoredVote } from "../vote/stored-vote";
import type { AuditBundle, PublishedBallot } from "./audit-bundle";
import { type BatchCrypto, sequentialBatchCrypto } from "./batch-crypto";
import { type BundleCrypto, computeBundleCrypto } from "./bundle-crypto";
import { canonicalJson } from "./canonical-json";
import { countedReceipts, GENESIS_HASH } from "./log-record";
import type { Sha256 } from "./sha256";

export type DiscrepancyCode =
  | "RECORD_OUT_OF_ORDER"
  | "RECORD_MISSING"
  | "RECORD_ALTERED"
  | "CHAIN_BROKEN"
  | "FOREIGN_RECORD"
  | "EPOCH_OUT_OF_ORDER"
  | "EPOCH_GAP"
  | "EPOCH_CHAIN_BROKEN"
  | "AUDIT_KEY_UNEXPECTED"
  | "EPOCH_UNKNOWN_KEY"
  | "EPOCH_SIGNATURE_INVALID"
  | "EPOCH_ROOT_MISMATCH"
  | "RECORDS_UNSEALED"
  | "RECEIPT_SIGNATURE_INVALID"
  | "BALLOT_DUPLICATED"
  | "BALLOT_NOT_IN_LOG"
  | "BALLOT_NOT_PUBLISHED"
  | "BALLOT_WITHDRAWN"
  | "STANDING_OUT_OF_ORDER"
  | "COMMITMENT_MISMATCH"
  | "BALLOT_INVALID"
  | "RESULT_MISMATCH";

export interface Discrepancy {
  readonly code: DiscrepancyCode;
  readonly message: string;
  readonly seq?: number;
  readonly epoch?: number;
  readonly receiptId?: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly checked: {
    readonly records: number;
    readonly epochs: number;
    readonly ballots: number;
    readonly counters: number;
  };
  /** In the order found: the hash chain, then the epochs, then the ballots, then the result. */
  readonly discrepancies: readonly Discrepancy[];
}

export interface VerifyDependencies {
  readonly sha256: Sha256;
  /** Ed25519 over `payload` with the SPKI PEM key; signature in base64url. */
  readonly verifyEd25519: (payload: Uint8Array, signature: string, publicKeyPem: string) => boolean;
  /**
   * The audit key id the deployment announced outside the bundle (its API, its published
   * documents). A bundle re-sealed with someone else's key, and carrying that key, checks out
   * against itself; only this pin catches it.
   */
  readonly expectedAuditKeyId?: string | undefined;
  /**
   * Many hashes and signature checks at once: node-crypto's worker pool spreads them over cores.
   * Without it they run one by one through `sha256` and `verifyEd25519`; the report is the same.
   */
  readonly batch?: BatchCrypto | undefined;
}

/**
 * Recomputes an election's audit from its published bundle alone: every record's hash and link,
 * every epoch's Merkle root, signature and link, that each counted ballot is in the log exactly
 * once and opens its commitment, and the result (instant-runoff rounds included). A ballot
 * withdrawn for review after it was counted counts only if a later record reinstates it.
 */
export async function verifyBundle(deps: VerifyDependencies, bundle: AuditBundle): Promise<VerificationReport> {
  const found: Discrepancy[] = [];
  const report = (d: Discrepancy) => found.push(d);
  const announced = deps.expectedAuditKeyId;
  if (announced !== undefined && bundle.keys.audit.keyId !== announced) {
    report({
      code: "AUDIT_KEY_UNEXPECTED",
      message: `The bundle's audit key is ${bundle.keys.audit.keyId}, not the deployment's ${announced}: its epochs were sealed by someone else.`,
    });
  }
  const computing = computeBundleCrypto(deps.batch ?? sequentialBatchCrypto(deps), bundle);
  // While a pool checks the signatures, count the ballots that will be counted if they all hold
  // (every ballot is logged and published once in a sound bundle); recounted only if some do not.
  const hoped = hopedForBallots(bundle);
  const weights = loggedWeights(bundle);
  const early = recountBallots(bundle, hoped, weights, deps.sha256);
  const crypto = await computing;
  checkChain(crypto, bundle, report);
  checkEpochs(crypto, bundle, report);
  const counted = checkBallots(crypto, bundle, report);
  const same = counted.length === hoped.length && counted.every((ballot, i) => ballot === hoped[i]);
  const counters = checkResult(
    bundle,
    await (same ? early : recountBallots(bundle, counted, weights, deps.sha256)),
    report,
  );
  return {
    ok: found.length === 0,
    checked: { records: bundle.records.length, epochs: bundle.epochs.length, ballots: bundle.ballots.length, counters },
    discrepancies: found,
  };
}

type Report = (d: Discrepancy) => void;

/** Checks every record's hash and link. */
function checkChain({ recordHashes }: BundleCrypto, bundle: AuditBundle, report: Report): void {
  let present: Set<number> | undefined;
  let prevHash = GENESIS_HASH;
  // Records found missing so far: the ones after a gap are where they should be once it is counted.
  let skipped = 0;
  bundle.records.forEach((record, i) => {
    const expected = i + 1 + skipped;
    const { seq } = record;
    if (record.electionId !== bundle.election.id) {
      report({
        code: "FOREIGN_RECORD",
        seq,
        message: `Record ${seq} belongs to election ${record.electionId}, not ${bundle.election.id}.`,
      });
    }
    if (seq !== expected) {
      present ??= new Set(bundle.records.map((r) => r.seq));
      if (seq > expected && !present.has(expected)) {
        report({
          code: "RECORD_MISSING",
          seq: expected,
          message: `Record ${expected} is missing: record ${seq} follows record ${expected - 1}.`,
        });
        skipped += seq - expected;
      } else {
        report({ code: "RECORD_OUT_OF_ORDER", seq, message: `Record ${seq} stands at position ${expected}.` });
      }
    }
    if (recordHashes[i] !== record.hash) {
      report({
        code: "RECORD_ALTERED",
        seq,
        message: `Record ${seq} does not match its hash: its contents were changed.`,
      });
    }
    if (record.prevHash !== prevHash) {
      report({ code: "CHAIN_BROKEN", seq, message: `Record ${seq} does not link to the record before it.` });
    }
    // Go on from what the record says, so that one altered record is reported once, not at every link after it.
    prevHash = record.hash;
  });
}

function checkEpochs({ epochSignatures, epochRoots }: BundleCrypto, bundle: AuditBundle, report: Report): void {
  let previousRoot = GENESIS_HASH;
  let nextSeq = 1;
  bundle.epochs.forEach(({ statement }, i) => {
    const { epoch } = statement;
    if (epoch !== i + 1)
      report({ code: "EPOCH_OUT_OF_ORDER", epoch, message: `Epoch ${epoch} stands at position ${i + 1}.` });
    if (statement.keyId !== bundle.keys.audit.keyId) {
      report({
        code: "EPOCH_UNKNOWN_KEY",
        epoch,
        message: `Epoch ${epoch} names audit key ${statement.keyId}, not the published ${bundle.keys.audit.keyId}.`,
      });
    } else if (!epochSignatures[i]) {
      report({
        code: "EPOCH_SIGNATURE_INVALID",
        epoch,
        message: `Epoch ${epoch}'s signature does not verify with the audit key.`,
      });
    }
    if (statement.previousRoot !== previousRoot) {
      report({
        code: "EPOCH_CHAIN_BROKEN",
        epoch,
        message: `Epoch ${epoch} does not name the root of epoch ${epoch - 1}.`,
      });
    }
    if (statement.firstSeq !== nextSeq || statement.lastSeq < statement.firstSeq) {
      report({
        code: "EPOCH_GAP",
        epoch,
        message: `Epoch ${epoch} seals records ${statement.firstSeq}–${statement.lastSeq}; the next unsealed record was ${nextSeq}.`,
      });
    }
    // Leaf hashes are recomputed from the records, so a record altered with its hash re-made still fails here.
    if (epochRoots[i] !== statement.root) {
      report({
        code: "EPOCH_ROOT_MISMATCH",
        epoch,
        message: `Epoch ${epoch}'s signed root does not match records ${statement.firstSeq}–${statement.lastSeq}.`,
      });
    }
    previousRoot = statement.root;
    nextSeq = statement.lastSeq + 1;
  });
  const lastSeq = bundle.records.length;
  if (nextSeq <= lastSeq) {
    report({
      code: "RECORDS_UNSEALED",
      seq: nextSeq,
      message: `Records ${nextSeq}–${lastSeq} are in no signed epoch.`,
    });
  }
}

/** Returns the ballots that check out, to be counted. */
function checkBallots(
  { receiptSignatures, openings }: BundleCrypto,
  bundle: AuditBundle,
  report: Report,
): PublishedBallot[] {
  const logged = new Map<string, { seq: number; commitment: string; signedByApi: boolean }>();
  const withdrawn = new Map<string, number>();
  const everWithdrawn = new Set<string>();
  for (let i = 0; i < bundle.records.length; i++) {
    const { seq, entry } = bundle.records[i]!;
    if (entry.type === "withdrawal" || entry.type === "reinstatement") {
      // A receipt's standing moves ballot → withdrawal → reinstatement, each once and in that order.
      const expected =
        entry.type === "withdrawal"
          ? logged.has(entry.receiptId) && !everWithdrawn.has(entry.receiptId)
          : withdrawn.has(entry.receiptId);
      if (!expected) {
        report({
          code: "STANDING_OUT_OF_ORDER",
          seq,
          receiptId: entry.receiptId,
          message: `Record ${seq} ${entry.type === "withdrawal" ? "withdraws" : "reinstates"} receipt ${entry.receiptId}, which is not ${entry.type === "withdrawal" ? "counted" : "withdrawn"} there.`,
        });
      } else if (entry.type === "withdrawal") {
        withdrawn.set(entry.receiptId, seq);
        everWithdrawn.add(entry.receiptId);
      } else withdrawn.delete(entry.receiptId);
      continue;
    }
    if (entry.type !== "ballot") continue;
    if (logged.has(entry.receiptId)) {
      report({
        code: "BALLOT_DUPLICATED",
        seq,
        receiptId: entry.receiptId,
        message: `Receipt ${entry.receiptId} is in the log twice (again at record ${seq}).`,
      });
      continue;
    }
    // A ballot counts only if the vote API signed its receipt: a row written around the API, even
    // one that reached the log and a signed epoch, fails here by name.
    const { receiptId, commitment, keyId } = entry;
    const signedByApi = keyId === bundle.keys.receipt.keyId && receiptSignatures[i] === true;
    if (!signedByApi) {
      report({
        code: "RECEIPT_SIGNATURE_INVALID",
        seq,
        receiptId,
        message: `Receipt ${receiptId} (record ${seq}) is not signed by the published receipt key: the vote API never issued it.`,
      });
    }
    logged.set(receiptId, { seq, commitment, signedByApi });
  }
  const published = new Set<string>();
  const counted: PublishedBallot[] = [];
  for (let i = 0; i < bundle.ballots.length; i++) {
    const ballot = bundle.ballots[i]!;
    const { receiptId } = ballot;
    if (published.has(receiptId)) {
      report({ code: "BALLOT_DUPLICATED", receiptId, message: `Ballot ${receiptId} is published twice.` });
      continue;
    }
    published.add(receiptId);
    const inLog = logged.get(receiptId);
    if (!inLog) {
      report({
        code: "BALLOT_NOT_IN_LOG",
        receiptId,
        message: `Ballot ${receiptId} is published but no record of the log counts it.`,
      });
      continue;
    }
    const withdrawnAt = withdrawn.get(receiptId);
    if (withdrawnAt !== undefined) {
      report({
        code: "BALLOT_WITHDRAWN",
        receiptId,
        seq: withdrawnAt,
        message: `Ballot ${receiptId} is published, but record ${withdrawnAt} withdrew it for review and nothing reinstated it.`,
      });
      continue;
    }
    if (!inLog.signedByApi) continue; // reported with the log's records; never counted
    if (openings[i] !== ballot.commitment || ballot.commitment !== inLog.commitment) {
      report({
        code: "COMMITMENT_MISMATCH",
        receiptId,
        seq: inLog.seq,
        message: `Ballot ${receiptId} does not open the commitment logged at record ${inLog.seq}.`,
      });
      continue;
    }
    counted.push(ballot);
  }
  for (const [receiptId, { seq }] of logged) {
    if (!published.has(receiptId) && !withdrawn.has(receiptId)) {
      report({
        code: "BALLOT_NOT_PUBLISHED",
        receiptId,
        seq,
        message: `Record ${seq} counts ballot ${receiptId}, which the bundle does not publish.`,
      });
    }
  }
  return counted;
}

/** The published ballots checkBallots counts if every signature and commitment holds: once each, logged and not withdrawn. */
function hopedForBallots(bundle: AuditBundle): PublishedBallot[] {
  const logged = countedReceipts(bundle.records);
  const published = new Set<string>();
  const hoped: PublishedBallot[] = [];
  for (const ballot of bundle.ballots) {
    if (published.has(ballot.receiptId)) continue;
    published.add(ballot.receiptId);
    if (logged.has(ballot.receiptId)) hoped.push(ballot);
  }
  return hoped;
}

/**
 * Each logged receipt's weight, from its first ballot record: the receipt's signature covers it
 * (checkBallots refuses an unsigned one), so a weight is never taken from the published ballot.
 */
function loggedWeights(bundle: AuditBundle): ReadonlyMap<string, number> {
  const weights = new Map<string, number>();
  for (const { entry } of bundle.records)
    if (entry.type === "ballot" && !weights.has(entry.receiptId)) weights.set(entry.receiptId, entry.weight ?? 1);
  return weights;
}

function electionOf(bundle: AuditBundle): Election {
  return {
    ...bundle.election,
    description: "",
    allowAbstain: true,
    eligibility: "any-signed-in-voter",
    passkeyPolicy: "optional",
    opensAt: null,
    closesAt: null,
    status: "closed",
  };
}

/** The recount of the given ballots, or why they cannot be counted (an answer, not a throw, so it can wait unawaited). */
async function recountBallots(
  bundle: AuditBundle,
  ballots: readonly PublishedBallot[],
  weights: ReadonlyMap<string, number>,
  sha256: Sha256,
): Promise<Recount | Error> {
  const election = electionOf(bundle);
  try {
    return await recount(election, asVotes(election.id, ballots, weights), { sha256 });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function checkResult(bundle: AuditBundle, recounted: Recount | Error, report: Report): number {
  const election = electionOf(bundle);
  if (recounted instanceof Error) {
    report({ code: "BALLOT_INVALID", message: `The published ballots cannot be counted: ${recounted.message}.` });
    return 0;
  }
  const names = new Set([...Object.keys(bundle.result.counters), ...recounted.counters.keys()]);
  for (const counter of [...names].sort()) {
    const published = bundle.result.counters[counter] ?? 0;
    const recomputed = recounted.counters.get(counter) ?? 0;
    if (published !== recomputed) {
      report({
        code: "RESULT_MISMATCH",
        message: `The published result says ${counter} = ${published}; the ballots give ${recomputed}.`,
      });
    }
  }
  for (const question of election.questions.filter((q) => q.kind === "ranked")) {
    const published = bundle.result.instantRunoff[question.id];
    const recomputed = recounted.instantRunoff[question.id];
    if (canonicalJson(published ?? null) !== canonicalJson(recomputed ?? null)) {
      report({
        code: "RESULT_MISMATCH",
        message: `The published instant-runoff count of ${question.id} differs from the ballots' (winner ${published?.winner ?? "none"} against ${recomputed?.winner ?? "none"}).`,
      });
    }
  }
  // v5 publishes every question's count by its own method: each is counted again and compared whole.
  const counts = bundle.result.counts;
  if (counts) {
    for (const question of election.questions) {
      const published = counts[question.id];
      const recomputed = recounted.counts[question.id];
      if (canonicalJson(published ?? null) !== canonicalJson(recomputed ?? null)) {
        const winners = (count: { readonly winners: readonly string[] } | undefined) =>
          count?.winners.length ? count.winners.join(", ") : "none";
        report({
          code: "RESULT_MISMATCH",
          message: `The published count of ${question.id} (${published?.method ?? "missing"}) differs from the ballots' (elected ${winners(published)} against ${winners(recomputed)}).`,
        });
      }
    }
  }
  return names.size;
}

async function* asVotes(
  electionId: string,
  ballots: readonly PublishedBallot[],
  weights: ReadonlyMap<string, number>,
): AsyncIterable<StoredVote> {
  for (const { receiptId, ballot } of ballots)
    yield { electionId, state: "accepted", ballot, receipt: { weight: weights.get(receiptId) ?? 1 } } as StoredVote;
}
